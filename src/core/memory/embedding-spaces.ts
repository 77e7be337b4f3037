import type { EmbedderChoice, EmbedderInfo, MemoryJob } from '../../shared';
import type { Logger } from '../log/logger';
import type { Clock } from '../ports';
import type { MemoriesRepo } from '../store/memories-repo';
import type { EmbeddingSpace, VectorStore } from '../store/vector-store';
import type { Embedder } from './embedding/embedder';
import { ReindexJob } from './reindex-job';
import type { SearchEngine } from './search/search-engine';

export const spaceId = (info: Pick<EmbedderInfo, 'kind' | 'model'>): string => `${info.kind}:${info.model}`;

/**
 * Which embedder is in use and where its vectors live. Switching embedder re-embeds everything into a
 * new space in the background; the switch happens only when that is complete, so search never mixes
 * vectors of two models. Memories stored without a vector (the embedder was unreachable) are embedded
 * later by `catchUp`.
 */
export class EmbeddingSpaces {
  private current: Embedder;
  private job: ReindexJob | null = null;
  private lastJob: MemoryJob | null = null;

  constructor(
    private readonly deps: {
      repo: MemoriesRepo;
      vectors: VectorStore;
      engine: SearchEngine;
      create: (choice: EmbedderChoice) => Embedder;
      clock: Clock;
      log: Logger;
      onJob: (job: MemoryJob) => void;
    },
  ) {
    const active = deps.vectors.active();
    this.current = deps.create(active?.kind === 'provider' ? { kind: 'provider', model: active.model } : { kind: 'local' });
    // A re-index the last run did not finish is abandoned: its vectors are incomplete.
    const building = deps.vectors.building();
    if (building) {
      deps.repo.reassignEmbedded(building.id, active?.id ?? null);
      deps.vectors.drop(building.id);
    }
  }

  get embedder(): Embedder {
    return this.current;
  }

  get runningJob(): MemoryJob | null {
    return this.job?.job ?? this.lastJob;
  }

  /** Loads the active space into the search index. */
  start(): Promise<void> {
    return this.deps.engine.load(this.deps.vectors.active());
  }

  /**
   * The space new vectors from `embedder` go to, created on first use; null when `embedder` is no
   * longer the one in use (its vectors would land in a space being replaced).
   */
  spaceFor(embedder: Embedder, dimension: number): EmbeddingSpace | null {
    if (embedder !== this.current || dimension <= 0) return null;
    const active = this.deps.vectors.active();
    if (active) return active.id === spaceId(embedder.info) && active.dimension === dimension ? active : null;
    const created = this.deps.vectors.create(
      { id: spaceId(embedder.info), kind: embedder.info.kind, model: embedder.info.model, dimension },
      'active',
      this.deps.clock.now(),
    );
    void this.deps.engine.load(created);
    return created;
  }

  /** Starts re-embedding everything with `choice`; resolves once the job has started (it runs on). */
  async switchTo(choice: EmbedderChoice): Promise<void> {
    const next = this.deps.create(choice);
    if (spaceId(next.info) === spaceId(this.current.info)) {
      await next.close();
      return;
    }
    this.cancel();
    // The dimension comes from the embedder itself (a provider's is known only once it answers).
    const [probe] = await next.embed(['dimension probe']);
    const dimension = probe?.length ?? 0;
    const space = this.deps.vectors.create(
      { id: spaceId(next.info), kind: next.info.kind, model: next.info.model, dimension },
      'building',
      this.deps.clock.now(),
    );
    const job = new ReindexJob(
      { repo: this.deps.repo, vectors: this.deps.vectors, clock: this.deps.clock, onProgress: (j) => this.report(j) },
      next,
      space,
    );
    this.job = job;
    void job.run().then(async (complete) => {
      if (this.job === job) this.job = null;
      if (!complete) {
        this.deps.repo.reassignEmbedded(space.id, this.deps.vectors.active()?.id ?? null);
        this.deps.vectors.drop(space.id);
        await next.close();
        return;
      }
      // No await between the last check and the switch: nothing can be stored in between.
      const previous = this.current;
      this.deps.vectors.activate(space.id);
      this.current = next;
      await this.deps.engine.load(space);
      await previous.close();
      await this.catchUp();
    });
  }

  cancel(): void {
    this.job?.cancel();
  }

  /** Embeds memories that were stored without a vector. */
  async catchUp(): Promise<number> {
    let total = 0;
    for (;;) {
      const rows = this.deps.repo.unembedded(64);
      if (rows.length === 0) return total;
      const embedder = this.current;
      const vectors = await embedder.embed(rows.map((r) => r.content));
      const space = this.spaceFor(embedder, vectors[0]?.length ?? 0);
      if (!space) return total;
      const entries = rows.map((r, i) => ({ seq: r.seq, vector: vectors[i] ?? new Float32Array(space.dimension) }));
      this.deps.vectors.put(space, entries);
      this.deps.repo.markEmbedded(
        rows.map((r) => r.seq),
        space.id,
      );
      await this.deps.engine.upsert(
        space.id,
        rows.map((r, i) => ({
          seq: r.seq,
          vector: entries[i]?.vector ?? new Float32Array(0),
          namespace: r.namespace,
          invalid: r.invalid,
        })),
      );
      total += rows.length;
    }
  }

  async close(): Promise<void> {
    this.cancel();
    await this.current.close();
  }

  private report(job: MemoryJob): void {
    this.lastJob = job;
    this.deps.onJob(job);
  }
}
