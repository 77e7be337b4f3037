import type { Worker } from 'node:worker_threads';
import { VectorIndex } from '../../workers/vector-index.mjs';
import type {
  FlagChange,
  FromVectorIndex,
  IndexedVector,
  ToVectorIndex,
  VectorHit,
  VectorQuery,
  VectorSource,
} from '../../workers/vector-index-protocol';
import { WorkerChannel } from './worker-channel';

export type { FlagChange, IndexedVector, VectorHit, VectorQuery, VectorSource };

/** The vector index as memory search sees it: in its own thread in the app, inline in unit tests. */
export interface VectorIndexPort {
  reset(dimension: number): Promise<void>;
  /**
   * Replaces the index with one of `dimension` read from the SQLite file by the index itself, off
   * the main thread. Absent where it cannot (inline): the engine then feeds it pages.
   */
  readonly loadFile?: (dimension: number, source: VectorSource) => Promise<void>;
  upsert(entries: readonly IndexedVector[]): Promise<void>;
  setFlags(changes: readonly FlagChange[]): Promise<void>;
  remove(seqs: readonly number[]): Promise<void>;
  search(query: VectorQuery): Promise<VectorHit[]>;
  similarities(vector: Float32Array, seqs: readonly number[]): Promise<VectorHit[]>;
  close(): Promise<void>;
}

export class InlineVectorIndex implements VectorIndexPort {
  private index: VectorIndex | null = null;

  async reset(dimension: number): Promise<void> {
    this.index = new VectorIndex(dimension);
  }

  async upsert(entries: readonly IndexedVector[]): Promise<void> {
    for (const entry of entries) this.require().upsert(entry);
  }

  async setFlags(changes: readonly FlagChange[]): Promise<void> {
    for (const change of changes) this.require().setFlags(change.seq, change);
  }

  async remove(seqs: readonly number[]): Promise<void> {
    for (const seq of seqs) this.require().remove(seq);
  }

  async search(query: VectorQuery): Promise<VectorHit[]> {
    return this.require().search(query);
  }

  async similarities(vector: Float32Array, seqs: readonly number[]): Promise<VectorHit[]> {
    return this.require().similarities(vector, seqs);
  }

  async close(): Promise<void> {
    this.index = null;
  }

  private require(): VectorIndex {
    if (!this.index) throw new Error('the vector index has no dimension yet');
    return this.index;
  }
}

type Request = ToVectorIndex extends infer T ? (T extends { id: number } ? Omit<T, 'id'> : never) : never;
type Done = Omit<Extract<FromVectorIndex, { type: 'done' }>, 'id' | 'type'>;

/**
 * The index in a worker thread. Requests are answered in order; if the thread dies, pending requests
 * fail with a readable error and the next `reset` or `loadFile` starts a fresh thread (the caller reloads it).
 */
export class WorkerVectorIndex implements VectorIndexPort {
  private readonly channel: WorkerChannel<Request, Done>;

  constructor(spawn: () => Worker) {
    this.channel = new WorkerChannel(spawn, 'Memory search');
  }

  async reset(dimension: number): Promise<void> {
    await this.channel.request({ op: 'reset', dimension });
  }

  readonly loadFile = async (dimension: number, source: VectorSource): Promise<void> => {
    await this.channel.request({ op: 'loadFile', dimension, source });
  };

  async upsert(entries: readonly IndexedVector[]): Promise<void> {
    if (entries.length > 0) await this.channel.request({ op: 'upsert', entries });
  }

  async setFlags(changes: readonly FlagChange[]): Promise<void> {
    if (changes.length > 0) await this.channel.request({ op: 'setFlags', changes });
  }

  async remove(seqs: readonly number[]): Promise<void> {
    if (seqs.length > 0) await this.channel.request({ op: 'remove', seqs });
  }

  async search(query: VectorQuery): Promise<VectorHit[]> {
    return [...((await this.channel.request({ op: 'search', query })).hits ?? [])];
  }

  async similarities(vector: Float32Array, seqs: readonly number[]): Promise<VectorHit[]> {
    if (seqs.length === 0) return [];
    return [...((await this.channel.request({ op: 'similarities', vector, seqs })).hits ?? [])];
  }

  close(): Promise<void> {
    return this.channel.close();
  }
}
