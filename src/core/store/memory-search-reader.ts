import type { Db } from './database';
import { StatementCache } from './statement-cache';
import { fromBlob, type EmbeddingSpace } from './vector-store';

export interface IndexRow {
  readonly seq: number;
  readonly vector: Float32Array;
  readonly namespace: string;
  readonly invalid: boolean;
}

/** The reads the vector index needs: where the database file is, or pages of vectors from this connection. */
export class MemorySearchReader {
  private readonly sql: StatementCache;
  constructor(private readonly db: Db) {
    this.sql = new StatementCache(db);
  }

  /** The database file another connection can read, or null for an in-memory database. */
  file(): string | null {
    return this.db.memory ? null : this.db.name;
  }

  /** A page of the space's vectors with each memory's namespace and validity, in seq order. */
  indexRows(space: Pick<EmbeddingSpace, 'vecTable'>, afterSeq: number, limit: number): IndexRow[] {
    const rows = this.sql
      .get(
        `SELECT v.rowid AS seq, v.embedding AS embedding, m.namespace AS namespace, m.invalid_at AS invalid_at
         FROM ${space.vecTable} v JOIN memories m ON m.seq = v.rowid
         WHERE v.rowid > ? ORDER BY v.rowid LIMIT ?`,
      )
      .all(BigInt(afterSeq), limit) as { seq: number; embedding: Buffer; namespace: string; invalid_at: number | null }[];
    return rows.map((r) => ({
      seq: Number(r.seq),
      vector: fromBlob(r.embedding),
      namespace: r.namespace,
      invalid: r.invalid_at !== null,
    }));
  }
}
