import type { OperatingMode, PersonaId, Thread } from '../../shared';
import type { Db } from './database';

interface ThreadRow {
  id: string;
  title: string;
  persona: PersonaId;
  mode: OperatingMode;
  created_at: number;
  updated_at: number;
  message_count: number;
  last_message: string | null;
}

const PREVIEW_LENGTH = 120;

const SELECT_THREAD = `
  SELECT t.id, t.title, t.persona, t.mode, t.created_at, t.updated_at,
    (SELECT COUNT(*) FROM messages m WHERE m.thread_id = t.id) AS message_count,
    (SELECT substr(m.content, 1, ${PREVIEW_LENGTH}) FROM messages m WHERE m.thread_id = t.id AND m.content <> '' ORDER BY m.created_at DESC, m.rowid DESC LIMIT 1) AS last_message
  FROM threads t`;

export class ThreadsRepo {
  constructor(private readonly db: Db) {}

  list(): Thread[] {
    const rows = this.db.prepare(`${SELECT_THREAD} ORDER BY t.updated_at DESC, t.rowid DESC`).all() as ThreadRow[];
    return rows.map(toThread);
  }

  get(id: string): Thread | null {
    const row = this.db.prepare(`${SELECT_THREAD} WHERE t.id = ?`).get(id) as ThreadRow | undefined;
    return row ? toThread(row) : null;
  }

  insert(thread: { id: string; title: string; persona: PersonaId; mode: OperatingMode }, at: number): void {
    this.db
      .prepare('INSERT INTO threads (id, title, persona, mode, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(thread.id, thread.title, thread.persona, thread.mode, at, at);
  }

  configure(id: string, change: { persona?: PersonaId; mode?: OperatingMode }, at: number): boolean {
    return (
      this.db
        .prepare('UPDATE threads SET persona = coalesce(?, persona), mode = coalesce(?, mode), updated_at = ? WHERE id = ?')
        .run(change.persona ?? null, change.mode ?? null, at, id).changes === 1
    );
  }

  rename(id: string, title: string, at: number): boolean {
    return this.db.prepare('UPDATE threads SET title = ?, updated_at = ? WHERE id = ?').run(title, at, id).changes === 1;
  }

  touch(id: string, at: number): void {
    this.db.prepare('UPDATE threads SET updated_at = ? WHERE id = ?').run(at, id);
  }

  delete(id: string): boolean {
    return this.db.prepare('DELETE FROM threads WHERE id = ?').run(id).changes === 1;
  }
}

function toThread(row: ThreadRow): Thread {
  return {
    id: row.id,
    title: row.title,
    persona: row.persona,
    mode: row.mode,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    messageCount: row.message_count,
    lastMessagePreview: row.last_message,
  };
}
