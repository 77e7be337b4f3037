import { randomUUID } from 'node:crypto';
import type { MemoryJob } from '../../shared';
import type { Clock } from '../ports';
import type { MemoriesRepo } from '../store/memories-repo';
import type { EmbeddingSpace, VectorStore } from '../store/vector-store';
import type { Embedder } from './embedding/embedder';

const BATCH = 64;

export interface ReindexDeps {
  readonly repo: MemoriesRepo;
  readonly vectors: VectorStore;
  readonly clock: Clock;
  readonly onProgress: (job: MemoryJob) => void;
}

/**
 * Embeds every memory again with a new embedder into a `building` space, in the background, with
 * progress and cancel. Search keeps using the old space meanwhile; `run` resolves once every memory
 * (including ones added during the run) has a vector in the new space, and the caller then switches.
 */
export class ReindexJob {
  private readonly controller = new AbortController();
  private state: MemoryJob;

  constructor(
    private readonly deps: ReindexDeps,
    private readonly embedder: Embedder,
    readonly space: EmbeddingSpace,
  ) {
    this.state = {
      id: randomUUID(),
      kind: 'reindex',
      state: 'running',
      done: 0,
      total: deps.repo.countNotEmbeddedIn(space.id),
      label: `Re-indexing memories with ${embedder.info.label}`,
      error: null,
      startedAt: deps.clock.now(),
      endedAt: null,
    };
  }

  get job(): MemoryJob {
    return this.state;
  }

  cancel(): void {
    this.controller.abort();
  }

  /** Resolves true when complete, false when cancelled; a failure ends the job as `failed`. */
  async run(): Promise<boolean> {
    const { repo, vectors } = this.deps;
    const signal = this.controller.signal;
    this.deps.onProgress(this.state);
    try {
      for (;;) {
        if (signal.aborted) return this.end('cancelled', null);
        const rows = repo.notEmbeddedIn(this.space.id, BATCH);
        if (rows.length === 0) break;
        const embedded = await this.embedder.embed(
          rows.map((r) => r.content),
          signal,
        );
        if (signal.aborted) return this.end('cancelled', null);
        vectors.put(
          this.space,
          rows.map((r, i) => ({ seq: r.seq, vector: embedded[i] ?? new Float32Array(this.space.dimension) })),
        );
        repo.markEmbedded(
          rows.map((r) => r.seq),
          this.space.id,
        );
        const done = this.state.done + rows.length;
        this.update({ done, total: Math.max(this.state.total, done + repo.countNotEmbeddedIn(this.space.id)) });
      }
      return this.end('done', null);
    } catch (error) {
      if (signal.aborted) return this.end('cancelled', null);
      this.end('failed', error instanceof Error ? error.message : String(error));
      return false;
    }
  }

  private end(state: MemoryJob['state'], error: string | null): boolean {
    this.update({ state, error, endedAt: this.deps.clock.now() });
    return state === 'done';
  }

  private update(change: Partial<MemoryJob>): void {
    this.state = { ...this.state, ...change };
    this.deps.onProgress(this.state);
  }
}
