import type { Db } from './database';
import { StatementCache } from './statement-cache';

/** The classifier's answers by fingerprint (JSON text in, JSON text out; the caller validates). */
export class ClassificationsRepo {
  private readonly sql: StatementCache;

  constructor(db: Db) {
    this.sql = new StatementCache(db, 8);
  }

  get(fingerprint: string, notBefore: number): string | null {
    const row = this.sql
      .get('SELECT classification FROM classifications WHERE fingerprint = ? AND created_at >= ?')
      .get(fingerprint, notBefore) as { classification: string } | undefined;
    return row?.classification ?? null;
  }

  put(fingerprint: string, classification: string, at: number): void {
    this.sql
      .get(
        `INSERT INTO classifications (fingerprint, classification, created_at) VALUES (?, ?, ?)
         ON CONFLICT (fingerprint) DO UPDATE SET classification = excluded.classification, created_at = excluded.created_at`,
      )
      .run(fingerprint, classification, at);
  }

  /** Forgets answers older than `before`; returns how many. */
  prune(before: number): number {
    return this.sql.get('DELETE FROM classifications WHERE created_at < ?').run(before).changes;
  }
}
