import { createHash } from 'node:crypto';
import type { Db } from './database';
import { StatementCache } from './statement-cache';

export interface EmbeddingSpace {
  /** `local:use-lite-512`, `provider:text-embedding-3-small`. */
  readonly id: string;
  readonly kind: 'local' | 'provider';
  readonly model: string;
  readonly dimension: number;
  /** The sqlite-vec table holding this space's vectors (rowid = memories.seq). */
  readonly vecTable: string;
  readonly state: 'active' | 'building';
}

export interface StoredVector {
  readonly seq: number;
  readonly vector: Float32Array;
}

interface SpaceRow {
  id: string;
  kind: 'local' | 'provider';
  model: string;
  dimension: number;
  vec_table: string;
  state: 'active' | 'building';
}

/**
 * Memory vectors in sqlite-vec `vec0` tables, one per embedding space (an embedder and its dimension).
 * Exactly one space is active; a re-index fills a `building` space and then takes its place, so search
 * keeps working on the old vectors until the new ones are complete.
 */
export class VectorStore {
  private readonly sql: StatementCache;

  constructor(private readonly db: Db) {
    this.sql = new StatementCache(db);
  }

  spaces(): EmbeddingSpace[] {
    return (this.sql.get('SELECT * FROM embedding_spaces ORDER BY created_at').all() as SpaceRow[]).map(fromRow);
  }

  active(): EmbeddingSpace | null {
    return this.spaces().find((s) => s.state === 'active') ?? null;
  }

  building(): EmbeddingSpace | null {
    return this.spaces().find((s) => s.state === 'building') ?? null;
  }

  create(
    spec: { id: string; kind: 'local' | 'provider'; model: string; dimension: number },
    state: EmbeddingSpace['state'],
    at: number,
  ) {
    if (!Number.isInteger(spec.dimension) || spec.dimension <= 0 || spec.dimension > 8192) {
      throw new Error(`an embedding dimension of ${spec.dimension} is not supported`);
    }
    const vecTable = `memory_vec_${createHash('sha256').update(spec.id).digest('hex').slice(0, 12)}_${spec.dimension}`;
    return this.db.transaction(() => {
      this.db.exec(`DROP TABLE IF EXISTS ${vecTable}`);
      this.sql.get('DELETE FROM embedding_spaces WHERE id = ?').run(spec.id);
      this.db.exec(`CREATE VIRTUAL TABLE ${vecTable} USING vec0(embedding float[${spec.dimension}] distance_metric=cosine)`);
      this.sql
        .get(
          'INSERT INTO embedding_spaces (id, kind, model, dimension, vec_table, state, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
        )
        .run(spec.id, spec.kind, spec.model, spec.dimension, vecTable, state, at);
      return { ...spec, vecTable, state };
    })();
  }

  /** Makes a building space the active one and drops the vectors it replaces. */
  activate(id: string): void {
    this.db.transaction(() => {
      for (const old of this.spaces()) if (old.state === 'active' && old.id !== id) this.drop(old.id);
      this.sql.get("UPDATE embedding_spaces SET state = 'active' WHERE id = ?").run(id);
    })();
  }

  drop(id: string): void {
    const space = this.spaces().find((s) => s.id === id);
    if (!space) return;
    this.db.transaction(() => {
      this.db.exec(`DROP TABLE IF EXISTS ${space.vecTable}`);
      this.sql.get('DELETE FROM embedding_spaces WHERE id = ?').run(id);
    })();
  }

  put(space: EmbeddingSpace, entries: readonly StoredVector[]): void {
    const remove = this.sql.get(`DELETE FROM ${space.vecTable} WHERE rowid = ?`);
    const insert = this.sql.get(`INSERT INTO ${space.vecTable} (rowid, embedding) VALUES (?, ?)`);
    const exists = this.sql.get('SELECT 1 FROM memories WHERE seq = ?');
    this.db.transaction(() => {
      for (const { seq, vector } of entries) {
        if (vector.length !== space.dimension) {
          throw new Error(`a ${vector.length}-d vector cannot go into the ${space.dimension}-d space ${space.id}`);
        }
        remove.run(BigInt(seq));
        // A memory deleted while its vector was being computed gets none (no orphan rows).
        if (exists.get(seq)) insert.run(BigInt(seq), toBlob(vector));
      }
    })();
  }

  /** Removes these memories' vectors from every space. */
  remove(seqs: readonly number[]): void {
    if (seqs.length === 0) return;
    const spaces = this.spaces();
    this.db.transaction(() => {
      for (const space of spaces) {
        const statement = this.sql.get(`DELETE FROM ${space.vecTable} WHERE rowid = ?`);
        for (const seq of seqs) statement.run(BigInt(seq));
      }
    })();
  }

  /** Vectors in rowid order after `afterSeq` (for loading the search index and for re-indexing). */
  vectors(space: EmbeddingSpace, afterSeq: number, limit: number): StoredVector[] {
    const rows = this.sql
      .get(`SELECT rowid AS seq, embedding FROM ${space.vecTable} WHERE rowid > ? ORDER BY rowid LIMIT ?`)
      .all(BigInt(afterSeq), limit) as { seq: number; embedding: Buffer }[];
    return rows.map((r) => ({ seq: Number(r.seq), vector: fromBlob(r.embedding) }));
  }

  /** sqlite-vec's own exact k-nearest-neighbour scan (cosine distance) over a whole space. */
  exactKnn(space: EmbeddingSpace, vector: Float32Array, k: number): { seq: number; distance: number }[] {
    const rows = this.sql
      .get(`SELECT rowid AS seq, distance FROM ${space.vecTable} WHERE embedding MATCH ? AND k = ?`)
      .all(toBlob(vector), k) as { seq: number; distance: number }[];
    return rows.map((r) => ({ seq: Number(r.seq), distance: r.distance }));
  }

  count(space: EmbeddingSpace): number {
    return (this.sql.get(`SELECT count(*) AS n FROM ${space.vecTable}`).get() as { n: number }).n;
  }

  /** Vectors whose memory no longer exists — zero unless a delete went wrong (tests check it). */
  orphans(space: EmbeddingSpace): number {
    return (
      this.sql.get(`SELECT count(*) AS n FROM ${space.vecTable} WHERE rowid NOT IN (SELECT seq FROM memories)`).get() as {
        n: number;
      }
    ).n;
  }
}

export function toBlob(vector: Float32Array): Buffer {
  return Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength);
}

/** Copies: a Buffer from SQLite may not be 4-byte aligned, which a Float32Array view requires. */
export function fromBlob(blob: Buffer): Float32Array {
  const out = new Float32Array(blob.byteLength / 4);
  new Uint8Array(out.buffer).set(blob);
  return out;
}

function fromRow(row: SpaceRow): EmbeddingSpace {
  return { id: row.id, kind: row.kind, model: row.model, dimension: row.dimension, vecTable: row.vec_table, state: row.state };
}
