import type { Logger } from '../../log/logger';
import type { MemorySearchReader } from '../../store/memory-search-reader';
import type { KeywordPort } from './keyword-client';
import { fuse, type FusedHit } from './rank-fusion';
import type { FlagChange, IndexedVector, VectorHit, VectorIndexPort } from './vector-index-client';

export interface SearchRequest {
  /** Null when the query could not be embedded: the search is keyword-only then. */
  readonly vector: Float32Array | null;
  readonly text: string;
  readonly namespaces: readonly string[];
  readonly includeInvalid: boolean;
  readonly limit: number;
}

export interface SearchAnswer {
  readonly hits: FusedHit[];
  /** False while the vector index is (re)loading: the answer is then keyword-only. */
  readonly vectorReady: boolean;
}

export interface SpaceRef {
  readonly id: string;
  readonly vecTable: string;
  readonly dimension: number;
}

/** Candidates rescored exactly; the benchmark shows recall@10 ≥ 0.95 at 100k memories with this many. */
export const VECTOR_CANDIDATES = 400;
/**
 * Vector hits below this cosine are noise, not meaning (unrelated sentences score ~0.1–0.2 with the
 * local model, paraphrases ~0.7+): they are left out rather than padding the results.
 */
export const MIN_SIMILARITY = 0.25;
/** Each list contributes this many hits to the fusion. */
const LIST_DEPTH = 50;
/** Rows read per page while loading; small enough that one page never holds the main thread long. */
const LOAD_PAGE = 500;

type Change =
  | { op: 'upsert'; entries: readonly IndexedVector[] }
  | { op: 'flags'; changes: readonly FlagChange[] }
  | { op: 'remove'; seqs: readonly number[] };

/**
 * Hybrid memory search over the active embedding space: vector candidates from the index thread and
 * FTS5 keyword matches, fused by reciprocal rank. The index is loaded at start (and after an embedder
 * switch) by its thread reading the file, or, for an in-memory database, in small pages from here;
 * until it is complete, search answers from keywords alone.
 */
export class SearchEngine {
  private space: SpaceRef | null = null;
  private loading: Promise<void> | null = null;
  private generation = 0;
  /** Changes made while a load is reading pages, replayed after its last page. */
  private pendingDuringLoad: Change[] | null = null;

  constructor(
    private readonly deps: { reader: MemorySearchReader; index: VectorIndexPort; keywords: KeywordPort; log: Logger },
  ) {}

  get ready(): boolean {
    return this.space !== null && this.loading === null;
  }

  get activeSpace(): SpaceRef | null {
    return this.space;
  }

  /** Loads a space's vectors into the index; resolves when complete (or superseded by another load). */
  load(space: SpaceRef | null): Promise<void> {
    const generation = ++this.generation;
    this.space = space;
    if (!space) {
      this.loading = null;
      this.pendingDuringLoad = null;
      return Promise.resolve();
    }
    const pending: Change[] = [];
    this.pendingDuringLoad = pending;
    const { reader, index } = this.deps;
    const run = async () => {
      const file = reader.file();
      if (file && index.loadFile) {
        await index.loadFile(space.dimension, { file, vecTable: space.vecTable });
        if (generation !== this.generation) return;
        for (const change of pending) await this.apply(change);
        return;
      }
      await index.reset(space.dimension);
      let after = 0;
      for (;;) {
        if (generation !== this.generation) return;
        const rows = reader.indexRows(space, after, LOAD_PAGE);
        await index.upsert(rows);
        if (rows.length < LOAD_PAGE) break;
        after = rows.at(-1)?.seq ?? after;
      }
      if (generation !== this.generation) return;
      for (const change of pending) await this.apply(change);
    };
    const loading = run()
      .catch((error: unknown) => {
        if (generation === this.generation) this.space = null;
        this.deps.log.error('the memory vector index did not load; search uses keywords only', { error });
      })
      .finally(() => {
        if (generation === this.generation) {
          this.loading = null;
          this.pendingDuringLoad = null;
        }
      });
    this.loading = loading;
    return loading;
  }

  /** Resolves once the current load (if any) is complete. */
  async whenLoaded(): Promise<void> {
    while (this.loading) await this.loading;
  }

  upsert(spaceId: string, entries: readonly IndexedVector[]): Promise<void> {
    if (this.space?.id !== spaceId || entries.length === 0) return Promise.resolve();
    return this.change({ op: 'upsert', entries });
  }

  setFlags(changes: readonly FlagChange[]): Promise<void> {
    return changes.length === 0 ? Promise.resolve() : this.change({ op: 'flags', changes });
  }

  remove(seqs: readonly number[]): Promise<void> {
    return seqs.length === 0 ? Promise.resolve() : this.change({ op: 'remove', seqs });
  }

  async search(request: SearchRequest): Promise<SearchAnswer> {
    const vectorReady = this.ready && request.vector !== null && request.vector.length === this.space?.dimension;
    const vectorHits = vectorReady && request.vector ? this.vectorHits(request.vector, request) : Promise.resolve([]);
    const keywordHits = this.keywordHits(request);
    const meaningful = (await vectorHits).filter((hit) => hit.similarity >= MIN_SIMILARITY);
    return {
      hits: fuse(
        meaningful,
        (await keywordHits).map((seq) => ({ seq })),
        request.limit,
      ),
      vectorReady,
    };
  }

  /** Nearest memories by vector alone (the benchmark's recall, and related facts for extraction). */
  async nearest(
    vector: Float32Array,
    namespaces: readonly string[],
    k: number,
    candidates = VECTOR_CANDIDATES,
  ): Promise<VectorHit[]> {
    if (!this.ready || vector.length !== this.space?.dimension) return [];
    return this.deps.index.search({ vector, namespaces, includeInvalid: false, k, candidates });
  }

  async similarities(vector: Float32Array, seqs: readonly number[]): Promise<VectorHit[]> {
    if (!this.space || vector.length !== this.space.dimension) return [];
    return this.deps.index.similarities(vector, seqs);
  }

  /** Memories holding every word of `text` (candidates for the near-duplicate check). */
  keyword(text: string, namespaces: readonly string[], limit: number): Promise<number[]> {
    return this.deps.keywords.search({ text, namespaces, includeInvalid: false, limit, everyTerm: true });
  }

  async close(): Promise<void> {
    this.generation++;
    this.space = null;
    await Promise.all([this.deps.index.close(), this.deps.keywords.close()]);
  }

  private async keywordHits(request: SearchRequest): Promise<number[]> {
    try {
      return await this.deps.keywords.search({ ...request, limit: LIST_DEPTH });
    } catch (error) {
      this.deps.log.error('memory keyword search failed; answering from vectors alone', { error });
      return [];
    }
  }

  private async vectorHits(vector: Float32Array, request: SearchRequest): Promise<VectorHit[]> {
    try {
      return await this.deps.index.search({
        vector,
        namespaces: request.namespaces,
        includeInvalid: request.includeInvalid,
        k: LIST_DEPTH,
        candidates: VECTOR_CANDIDATES,
      });
    } catch (error) {
      // The index thread is gone: answer from keywords now and rebuild the index for next time.
      this.deps.log.error('memory vector search failed; reloading the index', { error });
      void this.load(this.space);
      return [];
    }
  }

  private change(change: Change): Promise<void> {
    if (!this.space) return Promise.resolve();
    this.pendingDuringLoad?.push(change);
    return this.apply(change).catch((error: unknown) => {
      this.deps.log.error('the memory vector index missed a change; reloading it', { error });
      void this.load(this.space);
    });
  }

  private apply(change: Change): Promise<void> {
    const { index } = this.deps;
    if (change.op === 'upsert') return index.upsert(change.entries);
    if (change.op === 'flags') return index.setFlags(change.changes);
    return index.remove(change.seqs);
  }
}
