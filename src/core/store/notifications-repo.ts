import type { Db } from './database';
import { StatementCache } from './statement-cache';

export type NotificationKind = 'attention' | 'digest' | 'draft' | 'conflict' | 'result' | 'approval';

export interface StoredNotification {
  readonly id: string;
  readonly dedupeKey: string;
  readonly kind: NotificationKind;
  readonly title: string;
  readonly body: string;
  readonly target: { page: string; id?: string } | null;
  readonly runId: string | null;
  readonly eventId: string | null;
  readonly createdAt: number;
  readonly readAt: number | null;
}

interface Row {
  id: string;
  dedupe_key: string;
  kind: NotificationKind;
  title: string;
  body: string;
  target: string | null;
  run_id: string | null;
  event_id: string | null;
  created_at: number;
  read_at: number | null;
}

export class NotificationsRepo {
  private readonly sql: StatementCache;

  constructor(db: Db) {
    this.sql = new StatementCache(db, 12);
  }

  /** Stores it unless one with the same dedupe key exists; true when it is new. */
  insert(n: Omit<StoredNotification, 'readAt'>): boolean {
    return (
      this.sql
        .get(
          `INSERT INTO notifications (id, dedupe_key, kind, title, body, target, run_id, event_id, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (dedupe_key) DO NOTHING`,
        )
        .run(
          n.id,
          n.dedupeKey,
          n.kind,
          n.title,
          n.body,
          n.target ? JSON.stringify(n.target) : null,
          n.runId,
          n.eventId,
          n.createdAt,
        ).changes === 1
    );
  }

  list(unreadOnly: boolean, limit: number): StoredNotification[] {
    const rows = this.sql
      .get(`SELECT * FROM notifications ${unreadOnly ? 'WHERE read_at IS NULL' : ''} ORDER BY created_at DESC, id LIMIT ?`)
      .all(limit) as Row[];
    return rows.map(toNotification);
  }

  unread(): number {
    return (this.sql.get('SELECT count(*) AS n FROM notifications WHERE read_at IS NULL').get() as { n: number }).n;
  }

  /** Marks the given ones read, or all when none are given. */
  markRead(ids: readonly string[] | null, at: number): void {
    if (ids === null) {
      this.sql.get('UPDATE notifications SET read_at = ? WHERE read_at IS NULL').run(at);
      return;
    }
    const update = this.sql.get('UPDATE notifications SET read_at = ? WHERE id = ? AND read_at IS NULL');
    for (const id of ids) update.run(at, id);
  }
}

function toNotification(row: Row): StoredNotification {
  return {
    id: row.id,
    dedupeKey: row.dedupe_key,
    kind: row.kind,
    title: row.title,
    body: row.body,
    target: row.target ? (JSON.parse(row.target) as { page: string; id?: string }) : null,
    runId: row.run_id,
    eventId: row.event_id,
    createdAt: row.created_at,
    readAt: row.read_at,
  };
}
