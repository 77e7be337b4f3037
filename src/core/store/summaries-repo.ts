import type { Db } from './database';

export class SummariesRepo {
  constructor(private readonly db: Db) {}

  get(threadId: string): { coversUntil: number; summary: string } | null {
    const row = this.db.prepare('SELECT covers_until, summary FROM thread_summaries WHERE thread_id = ?').get(threadId) as
      { covers_until: number; summary: string } | undefined;
    return row ? { coversUntil: row.covers_until, summary: row.summary } : null;
  }

  put(threadId: string, value: { coversUntil: number; summary: string }, at: number): void {
    this.db
      .prepare(
        `INSERT INTO thread_summaries (thread_id, covers_until, summary, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (thread_id) DO UPDATE SET covers_until = excluded.covers_until, summary = excluded.summary, updated_at = excluded.updated_at`,
      )
      .run(threadId, value.coversUntil, value.summary, at);
  }

  /** An edit rewrites history the summary may cover; forget it so it is rebuilt. */
  delete(threadId: string): void {
    this.db.prepare('DELETE FROM thread_summaries WHERE thread_id = ?').run(threadId);
  }
}
