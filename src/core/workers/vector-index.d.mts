import type { IndexedVector, VectorHit, VectorQuery } from './vector-index-protocol';

/** Types of vector-index.mjs (plain JavaScript, shared by its worker and the tests). */
export declare class VectorIndex {
  constructor(dimension: number);
  readonly dimension: number;
  readonly words: number;
  get count(): number;
  has(seq: number): boolean;
  upsert(entry: IndexedVector): void;
  setFlags(seq: number, flags: { namespace: string; invalid: boolean }): void;
  remove(seq: number): void;
  clear(): void;
  search(query: VectorQuery): VectorHit[];
  similarities(vector: Float32Array, seqs: readonly number[]): VectorHit[];
}
