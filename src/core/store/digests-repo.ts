import type { Db } from './database';
import { StatementCache } from './statement-cache';

export interface StoredDigest {
  readonly id: string;
  readonly runId: string;
  readonly day: string;
  readonly summary: string;
  /** JSON text of DigestSection[]. */
  readonly sections: string;
  readonly coversFrom: number;
  readonly createdAt: number;
}

interface Row {
  id: string;
  run_id: string;
  day: string;
  summary: string;
  sections: string;
  covers_from: number;
  created_at: number;
}

export class DigestsRepo {
  private readonly sql: StatementCache;

  constructor(db: Db) {
    this.sql = new StatementCache(db, 6);
  }

  /** One digest per run: a step redone after a crash replaces nothing. */
  put(digest: StoredDigest): void {
    this.sql
      .get(
        `INSERT INTO digests (id, run_id, day, summary, sections, covers_from, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (run_id) DO NOTHING`,
      )
      .run(digest.id, digest.runId, digest.day, digest.summary, digest.sections, digest.coversFrom, digest.createdAt);
  }

  latest(): StoredDigest | null {
    const row = this.sql.get('SELECT * FROM digests ORDER BY created_at DESC LIMIT 1').get() as Row | undefined;
    return row ? toDigest(row) : null;
  }

  /** When the last digest was written, or null before the first. */
  lastAt(): number | null {
    return this.latest()?.createdAt ?? null;
  }
}

function toDigest(row: Row): StoredDigest {
  return {
    id: row.id,
    runId: row.run_id,
    day: row.day,
    summary: row.summary,
    sections: row.sections,
    coversFrom: row.covers_from,
    createdAt: row.created_at,
  };
}
