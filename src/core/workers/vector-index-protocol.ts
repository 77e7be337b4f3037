/**
 * Messages between the memory search (src/core/memory/search/vector-index-client.ts) and the vector
 * index thread (vector-index.worker.mjs). Types only: the worker reads them through JSDoc.
 */
export interface IndexedVector {
  readonly seq: number;
  readonly vector: Float32Array;
  readonly namespace: string;
  readonly invalid: boolean;
}

export interface VectorHit {
  readonly seq: number;
  /** Cosine similarity, -1…1. */
  readonly similarity: number;
}

export interface VectorQuery {
  readonly vector: Float32Array;
  readonly namespaces: readonly string[];
  readonly includeInvalid: boolean;
  readonly k: number;
  /** How many Hamming candidates are rescored exactly; more is slower and closer to exact. */
  readonly candidates: number;
}

export interface FlagChange {
  readonly seq: number;
  readonly namespace: string;
  readonly invalid: boolean;
}

/** Where the index thread reads a space's vectors itself: the SQLite file and the space's vec0 table. */
export interface VectorSource {
  readonly file: string;
  readonly vecTable: string;
}

/** Every request carries an id; the worker answers each with `done` (in order) or `failed`. */
export type ToVectorIndex =
  | { readonly id: number; readonly op: 'reset'; readonly dimension: number }
  /** A fresh index of `dimension` filled from the file; the old one answers until it is complete. */
  | { readonly id: number; readonly op: 'loadFile'; readonly dimension: number; readonly source: VectorSource }
  | { readonly id: number; readonly op: 'upsert'; readonly entries: readonly IndexedVector[] }
  | { readonly id: number; readonly op: 'setFlags'; readonly changes: readonly FlagChange[] }
  | { readonly id: number; readonly op: 'remove'; readonly seqs: readonly number[] }
  | { readonly id: number; readonly op: 'search'; readonly query: VectorQuery }
  | { readonly id: number; readonly op: 'similarities'; readonly vector: Float32Array; readonly seqs: readonly number[] };

export type FromVectorIndex =
  | { readonly id: number; readonly type: 'done'; readonly hits: readonly VectorHit[] | null; readonly count: number }
  | { readonly id: number; readonly type: 'failed'; readonly message: string };
