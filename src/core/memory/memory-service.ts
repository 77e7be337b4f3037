import type {
  EmbedderChoice,
  Entity,
  EntityDetail,
  Memory,
  MemoryContext,
  MemorySource,
  MemoryStatus,
  NamespaceInfo,
  Persona,
  SourceType,
} from '../../shared';
import { CoreError, notFound } from '../errors';
import type { EventHub } from '../events/event-hub';
import type { KnowledgeGraph } from '../graph/knowledge-graph';
import type { Logger } from '../log/logger';
import type { Clock } from '../ports';
import type { Db } from '../store/database';
import { MemoriesRepo } from '../store/memories-repo';
import { MemoryNamespacesRepo } from '../store/memory-namespaces-repo';
import { MemorySearchReader } from '../store/memory-search-reader';
import { VectorStore } from '../store/vector-store';
import type { Embedder } from './embedding/embedder';
import { EmbeddingSpaces } from './embedding-spaces';
import { EntitySpotter } from './entity-spotter';
import { MemoryExtractor, type ExtractionInput } from './extraction';
import { MemorySearch, type FoundContext } from './memory-search';
import { toMemory, toScored } from './memory-view';
import { MemoryWriter, type IngestFact, type IngestResult } from './memory-writer';
import { placeFact, readableNamespaces, writableNamespaces } from './namespaces';
import { contentKey } from './content-key';
import { SearchEngine } from './search/search-engine';
import type { VectorIndexPort } from './search/vector-index-client';
import { InlineKeywords, type KeywordPort } from './search/keyword-client';
import type { ModelRouter } from '../models/model-types';

export interface MemoryServiceDeps {
  readonly db: Db;
  readonly graph: KnowledgeGraph;
  readonly index: VectorIndexPort;
  /** FTS5 search; inline over `db` when not given. */
  readonly keywords?: KeywordPort;
  readonly createEmbedder: (choice: EmbedderChoice) => Embedder;
  readonly router: ModelRouter;
  readonly events: EventHub;
  readonly clock: Clock;
  readonly log: Logger;
}

export interface Interaction {
  readonly transcript: ExtractionInput['transcript'];
  readonly persona: Persona;
  readonly source: MemorySource;
  readonly explicit: boolean;
  readonly signal?: AbortSignal;
}

/** How many remembered facts the extraction prompt sees, to spot repeats and contradictions. */
const RELATED_FOR_EXTRACTION = 8;

/**
 * Izzie's memory (DESIGN.md "Memory"): add (extract → embed → store, with reinforcement and
 * contradiction), hybrid search by persona, the browser's list/edit/delete, entities, retention and
 * cascade delete from sources, and embedder switching. Every change is announced as `memory.changed`.
 */
export class MemoryService {
  readonly repo: MemoriesRepo;
  readonly namespaces: MemoryNamespacesRepo;
  readonly vectors: VectorStore;
  readonly engine: SearchEngine;
  readonly spaces: EmbeddingSpaces;
  private readonly spotter = new EntitySpotter();
  private readonly writer: MemoryWriter;
  private readonly finder: MemorySearch;
  private readonly extractor: MemoryExtractor;

  constructor(private readonly deps: MemoryServiceDeps) {
    const { db, clock, log } = deps;
    this.repo = new MemoriesRepo(db);
    this.namespaces = new MemoryNamespacesRepo(db);
    this.vectors = new VectorStore(db);
    this.engine = new SearchEngine({
      reader: new MemorySearchReader(db),
      index: deps.index,
      keywords: deps.keywords ?? new InlineKeywords(db),
      log,
    });
    this.spaces = new EmbeddingSpaces({
      repo: this.repo,
      vectors: this.vectors,
      engine: this.engine,
      create: deps.createEmbedder,
      clock,
      log,
      onJob: () => this.emitStatus(),
    });
    const embedder = () => this.spaces.embedder;
    this.writer = new MemoryWriter({
      db,
      repo: this.repo,
      vectors: this.vectors,
      engine: this.engine,
      graph: deps.graph,
      spotter: this.spotter,
      embedder,
      space: (e, dimension) => this.spaces.spaceFor(e, dimension),
      clock,
    });
    this.finder = new MemorySearch({
      repo: this.repo,
      engine: this.engine,
      graph: deps.graph,
      spotter: this.spotter,
      embedder,
      log,
    });
    this.extractor = new MemoryExtractor({ router: deps.router, log });
  }

  /** Loads the index and entity names and embeds what waited for a vector (retention is the engine's `memory-retention`). */
  async start(): Promise<void> {
    for (const { id, key } of await this.deps.graph.entityNames()) this.spotter.add(id, [key]);
    await this.spaces.start();
    this.spaces.catchUp().catch((error: unknown) => this.deps.log.warn('memories still wait for vectors', { error }));
  }

  async stop(): Promise<void> {
    await this.spaces.close();
    await this.engine.close();
  }

  /** Extracts facts from an interaction and stores them; null when extraction failed (nothing stored). */
  async add(interaction: Interaction): Promise<IngestResult | null> {
    const { persona } = interaction;
    const readable = this.readable(persona);
    const lastUser = [...interaction.transcript].reverse().find((t) => t.role === 'user')?.content ?? '';
    const related = lastUser.trim()
      ? (
          await this.finder.search({
            text: lastUser,
            persona,
            namespaces: readable,
            limit: RELATED_FOR_EXTRACTION,
            expandGraph: false,
          })
        ).memories
      : [];
    const facts = await this.extractor.extract({
      transcript: interaction.transcript,
      namespaces: writableNamespaces(persona),
      related: related.map((m) => ({ id: m.memory.id, content: m.memory.content })),
      explicit: interaction.explicit,
      now: this.deps.clock.now(),
      correlationId: interaction.source.parentId ?? interaction.source.id,
      ...(interaction.signal ? { signal: interaction.signal } : {}),
    });
    if (!facts) return null;
    const placed: IngestFact[] = facts.map((f) => ({
      ...f,
      namespace: this.ensureNamespace(placeFact(f.namespace, persona), persona),
    }));
    return this.ingest(placed, { persona, source: interaction.source, readable });
  }

  /** Stores facts that need no extraction (the benchmark, imports); same rules as `add`. */
  async ingest(
    facts: readonly IngestFact[],
    context: {
      persona: Pick<Persona, 'id' | 'memoryNamespace'> | null;
      source: MemorySource;
      readable: readonly string[];
      signal?: AbortSignal;
    },
  ): Promise<IngestResult> {
    if (facts.length === 0) return { added: [], reinforced: [], invalidated: [] };
    const result = await this.writer.ingest(facts, { ...context, persona: context.persona?.id ?? null });
    const ids = [...result.added, ...result.reinforced, ...result.invalidated];
    if (ids.length > 0) this.deps.events.emit('memory.changed', { ids, removedIds: [] });
    return result;
  }

  async search(
    params: { query: string; persona: Persona; limit: number; expandGraph: boolean },
    signal?: AbortSignal,
  ): Promise<MemoryContext> {
    const found = await this.find(params.query, params.persona, params.limit, params.expandGraph, signal);
    return { memories: found.memories.map(toScored), relations: found.relations };
  }

  find(text: string, persona: Persona, limit: number, expandGraph: boolean, signal?: AbortSignal): Promise<FoundContext> {
    return this.finder.search({
      text,
      persona,
      namespaces: this.readable(persona),
      limit,
      expandGraph,
      ...(signal ? { signal } : {}),
    });
  }

  list(params: { namespace?: string | undefined; includeInvalid: boolean; offset: number; limit: number }): {
    memories: Memory[];
    total: number;
  } {
    const { seqs, total } = this.repo.list({
      namespaces: params.namespace ? [params.namespace] : null,
      includeInvalid: params.includeInvalid,
      offset: params.offset,
      limit: params.limit,
    });
    return { memories: this.repo.many(seqs).map(toMemory), total };
  }

  get(id: string): Memory {
    return toMemory(this.require(id).memory);
  }

  async update(id: string, content: string): Promise<Memory> {
    const { seq, memory } = this.require(id);
    const at = this.deps.clock.now();
    this.repo.updateContent(seq, content, contentKey(content), at);
    try {
      const embedder = this.spaces.embedder;
      const [vector] = await embedder.embed([content]);
      const space = vector ? this.spaces.spaceFor(embedder, vector.length) : null;
      if (vector && space && this.repo.get(seq)?.content === content) {
        this.vectors.put(space, [{ seq, vector }]);
        this.repo.markEmbedded([seq], space.id);
        await this.engine.upsert(space.id, [{ seq, vector, namespace: memory.namespace, invalid: memory.invalidAt !== null }]);
      }
    } catch (error) {
      // The text is saved; its vector follows when the embedder is back (catchUp).
      this.deps.log.warn('an edited memory could not be embedded yet', { error });
    }
    this.deps.events.emit('memory.changed', { ids: [id], removedIds: [] });
    return this.get(id);
  }

  async delete(id: string): Promise<void> {
    const { seq } = this.require(id);
    await this.deleteMemories([seq]);
  }

  /** The person deleted a source (a message, a thread): memories learned only from it go too. */
  async forgetSources(type: SourceType, ids: readonly string[], byParent = false): Promise<number> {
    if (ids.length === 0) return 0;
    const orphans = this.repo.releaseSource(type, ids, byParent);
    await this.deleteMemories(orphans);
    return orphans.length;
  }

  /** Removes expired memories and everything derived only from them. */
  async purge(): Promise<number> {
    const expired = this.repo.expired(this.deps.clock.now());
    await this.deleteMemories(expired);
    if (expired.length > 0) this.deps.log.info('retention removed expired memories', { count: expired.length });
    return expired.length;
  }

  async entities(query: string, limit: number): Promise<Entity[]> {
    return this.deps.graph.searchEntities(query, limit);
  }

  async entity(id: string): Promise<EntityDetail> {
    const entity = await this.deps.graph.entity(id);
    if (!entity) throw notFound('Entity', id);
    const everyNamespace = this.namespaces.all().map((n) => n.namespace);
    const relations = await this.finder.readableRelations([id], everyNamespace, true);
    return { entity, relations, memories: this.repo.many(this.repo.mentioning(id, 50)).map(toMemory) };
  }

  namespaceInfo(): NamespaceInfo[] {
    const counts = this.namespaces.counts();
    return this.namespaces.all().map((n) => ({
      namespace: n.namespace,
      retentionDays: n.retentionDays,
      accessContexts: [...n.access],
      count: counts.get(n.namespace) ?? 0,
      builtin: n.builtin,
    }));
  }

  setRetention(namespace: string, retentionDays: number | null): NamespaceInfo {
    if (!this.namespaces.setRetention(namespace, retentionDays)) throw notFound('Namespace', namespace);
    const info = this.namespaceInfo().find((n) => n.namespace === namespace);
    if (!info) throw notFound('Namespace', namespace);
    return info;
  }

  status(): MemoryStatus {
    const embedder = this.spaces.embedder.info;
    const active = this.vectors.active();
    return {
      embedder: { ...embedder, dimension: embedder.dimension ?? active?.dimension ?? null },
      job: this.spaces.runningJob,
      total: this.repo.count(),
    };
  }

  async setEmbedder(choice: EmbedderChoice): Promise<MemoryStatus> {
    try {
      await this.spaces.switchTo(choice);
    } catch (error) {
      if (error instanceof CoreError) throw error;
      throw new CoreError(
        'PROVIDER_UNAVAILABLE',
        `The embedder could not be used: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    this.emitStatus();
    return this.status();
  }

  cancelJob(): MemoryStatus {
    this.spaces.cancel();
    return this.status();
  }

  /** The namespaces a persona may read. */
  readable(persona: Pick<Persona, 'id' | 'memoryNamespace'>): string[] {
    return readableNamespaces(persona, this.namespaces.all());
  }

  private ensureNamespace(namespace: string, persona: Persona): string {
    if (!this.namespaces.get(namespace)) this.namespaces.ensure(namespace, persona.id);
    return namespace;
  }

  private require(id: string) {
    const seq = this.repo.seqOf(id);
    const memory = seq === null ? null : this.repo.get(seq);
    if (seq === null || !memory) throw notFound('Memory', id);
    return { seq, memory };
  }

  /** Deletes memories with their vectors, keyword rows and the graph relations learned only from them. */
  private async deleteMemories(seqs: readonly number[]): Promise<void> {
    if (seqs.length === 0) return;
    const entityIds = this.repo.entitiesOf(seqs);
    let ids: string[] = [];
    this.deps.db.transaction(() => {
      this.vectors.remove(seqs);
      ids = this.repo.delete(seqs);
    })();
    await this.engine.remove(seqs);
    const kept = this.repo.stillMentioned(entityIds);
    const { entitiesRemoved } = await this.deps.graph.removeSources(ids, kept);
    for (const entityId of entitiesRemoved) this.spotter.remove(entityId);
    this.deps.events.emit('memory.changed', { ids: [], removedIds: ids });
  }

  private emitStatus(): void {
    this.deps.events.emit('memory.status', this.status());
  }
}
