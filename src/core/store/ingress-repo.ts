import type { Db } from './database';
import { StatementCache } from './statement-cache';

export interface IngressState {
  readonly sourceId: string;
  readonly cursor: string | null;
  readonly polledAt: number | null;
  readonly nextPollAt: number;
  readonly failures: number;
  readonly lastError: string | null;
  /** Events this source has put on the bus, all time. */
  readonly delivered: number;
}

interface Row {
  source_id: string;
  cursor: string | null;
  polled_at: number | null;
  next_poll_at: number;
  failures: number;
  last_error: string | null;
  delivered: number;
}

export class IngressRepo {
  private readonly sql: StatementCache;

  constructor(db: Db) {
    this.sql = new StatementCache(db, 8);
  }

  get(sourceId: string): IngressState | null {
    const row = this.sql.get('SELECT * FROM ingress_cursors WHERE source_id = ?').get(sourceId) as Row | undefined;
    return row ? toState(row) : null;
  }

  all(): IngressState[] {
    return (this.sql.get('SELECT * FROM ingress_cursors ORDER BY source_id').all() as Row[]).map(toState);
  }

  succeeded(sourceId: string, cursor: string, delivered: number, at: number, nextPollAt: number): void {
    this.sql
      .get(
        `INSERT INTO ingress_cursors (source_id, cursor, polled_at, next_poll_at, failures, last_error, delivered)
         VALUES (?, ?, ?, ?, 0, NULL, ?)
         ON CONFLICT (source_id) DO UPDATE SET cursor = excluded.cursor, polled_at = excluded.polled_at,
           next_poll_at = excluded.next_poll_at, failures = 0, last_error = NULL,
           delivered = ingress_cursors.delivered + excluded.delivered`,
      )
      .run(sourceId, cursor, at, nextPollAt, delivered);
  }

  failed(sourceId: string, error: string, at: number, nextPollAt: number): void {
    this.sql
      .get(
        `INSERT INTO ingress_cursors (source_id, cursor, polled_at, next_poll_at, failures, last_error)
         VALUES (?, NULL, ?, ?, 1, ?)
         ON CONFLICT (source_id) DO UPDATE SET polled_at = excluded.polled_at, next_poll_at = excluded.next_poll_at,
           failures = ingress_cursors.failures + 1, last_error = excluded.last_error`,
      )
      .run(sourceId, at, nextPollAt, error);
  }

  /** A disconnected account's cursor is forgotten: reconnecting starts from now, not from then. */
  forget(sourcePrefix: string): void {
    this.sql.get("DELETE FROM ingress_cursors WHERE source_id = ? OR source_id LIKE ? || ':%'").run(sourcePrefix, sourcePrefix);
  }
}

function toState(row: Row): IngressState {
  return {
    sourceId: row.source_id,
    cursor: row.cursor,
    polledAt: row.polled_at,
    nextPollAt: row.next_poll_at,
    failures: row.failures,
    lastError: row.last_error,
    delivered: row.delivered,
  };
}
