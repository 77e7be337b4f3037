import type { Persona, Relation } from '../../shared';
import type { KnowledgeGraph } from '../graph/knowledge-graph';
import type { Logger } from '../log/logger';
import type { MemoriesRepo, StoredMemory } from '../store/memories-repo';
import type { Embedder } from './embedding/embedder';
import type { EntitySpotter } from './entity-spotter';
import type { SearchEngine } from './search/search-engine';

export interface MemoryQuery {
  readonly text: string;
  readonly persona: Pick<Persona, 'id' | 'memoryNamespace'>;
  /** The namespaces the persona may read (namespaces.ts). */
  readonly namespaces: readonly string[];
  readonly limit: number;
  readonly expandGraph: boolean;
  readonly signal?: AbortSignal;
}

export interface FoundMemory {
  readonly memory: StoredMemory;
  readonly score: number;
  readonly similarity: number | null;
  readonly vectorRank: number | null;
  readonly keywordRank: number | null;
  readonly viaEntity: string | null;
}

export interface FoundContext {
  readonly memories: FoundMemory[];
  readonly relations: Relation[];
  /** False when the vector side could not take part (index loading, embedder failed). */
  readonly vectorUsed: boolean;
}

/** Memories added per entity named in the query, when the fused hits do not already hold them. */
const PER_ENTITY = 3;
const MAX_RELATIONS = 20;
/** Search expands around the entities the query names, then those of its best hit, up to this many. */
const EXPANDED_ENTITIES = 6;
/** Only the best hit's entities: each more hit added graph reads to the p95 (npm run bench, P1). */
const TOP_HITS_EXPANDED = 1;
/** Newest relations read per entity: a popular project has thousands; the context needs the latest. */
const RELATIONS_PER_ENTITY = 12;

/**
 * `memory.search`: embeds the query, asks the engine for fused vector + keyword hits in the
 * persona's namespaces, then (optionally) expands by the graph — memories mentioning the entities the
 * query names, and the relations around them — like the seed's MemoryContext.
 */
export class MemorySearch {
  constructor(
    private readonly deps: {
      repo: MemoriesRepo;
      engine: SearchEngine;
      graph: KnowledgeGraph;
      spotter: EntitySpotter;
      embedder: () => Embedder;
      log: Logger;
    },
  ) {}

  async search(query: MemoryQuery): Promise<FoundContext> {
    const { repo, engine } = this.deps;
    const vector = await this.embed(query.text, query.signal);
    // The graph answers for the entities the query names while the index and FTS5 look for hits.
    const named = query.expandGraph ? this.deps.spotter.spot(query.text) : [];
    const aroundNamed = this.relatedTo(named.slice(0, EXPANDED_ENTITIES));
    aroundNamed.catch(() => undefined); // awaited below; not "unhandled" if the search fails first
    const answer = await engine.search({
      vector,
      text: query.text,
      namespaces: query.namespaces,
      includeInvalid: false,
      limit: query.limit,
    });
    const bySeq = new Map(repo.many(answer.hits.map((h) => h.seq)).map((m) => [m.seq, m]));
    const memories: FoundMemory[] = [];
    for (const hit of answer.hits) {
      const memory = bySeq.get(hit.seq);
      if (memory) memories.push({ memory, ...hit, viaEntity: null });
    }
    if (!query.expandGraph) return { memories, relations: [], vectorUsed: answer.vectorReady };

    const floor = Math.min(...memories.map((m) => m.score), 1) / 2;
    for (const entityId of named) {
      const mentioning = repo
        .many(repo.mentioning(entityId, PER_ENTITY * 3))
        .filter(
          (m) => m.invalidAt === null && query.namespaces.includes(m.namespace) && !memories.some((f) => f.memory.seq === m.seq),
        );
      const name = mentioning[0]?.entities.find((e) => e.id === entityId)?.name ?? null;
      for (const memory of mentioning.slice(0, PER_ENTITY)) {
        memories.push({ memory, score: floor, similarity: null, vectorRank: null, keywordRank: null, viaEntity: name });
      }
    }
    const aroundHits = memories.slice(0, TOP_HITS_EXPANDED).flatMap((m) => m.memory.entities.map((e) => e.id));
    const more = [...new Set(aroundHits)]
      .filter((id) => !named.includes(id))
      .slice(0, Math.max(0, EXPANDED_ENTITIES - named.length));
    const found = [...(await aroundNamed), ...(await this.relatedTo(more))];
    const relations = this.readable([...new Map(found.map((r) => [r.id, r])).values()], query.namespaces)
      .sort((a, b) => a.validFrom - b.validFrom || (a.id < b.id ? -1 : 1))
      .slice(-MAX_RELATIONS);
    return { memories, relations, vectorUsed: answer.vectorReady };
  }

  /** The newest relations around each entity: bounded, so a query naming a popular project stays fast. */
  private async relatedTo(entityIds: readonly string[]): Promise<Relation[]> {
    const lists = await Promise.all(
      entityIds.map((id) => this.deps.graph.getRelatedEntities(id, { limit: RELATIONS_PER_ENTITY })),
    );
    return lists.flat().map((r) => r.relation);
  }

  /** Every relation of the entities (the entity view's timeline) the persona may read. */
  async readableRelations(
    entityIds: readonly string[],
    namespaces: readonly string[],
    includeInvalid = false,
  ): Promise<Relation[]> {
    if (entityIds.length === 0) return [];
    return this.readable(await this.deps.graph.relationsOf([...entityIds], { includeInvalid }), namespaces);
  }

  /** Relations learned from memories in `namespaces` (work relations never reach personal). */
  private readable(relations: Relation[], namespaces: readonly string[]): Relation[] {
    const sources = [...new Set(relations.map((r) => r.sourceMemoryId).filter((id): id is string => id !== null))];
    const readable = new Set(this.deps.repo.idsInNamespaces(sources, namespaces));
    return relations.filter((r) => r.sourceMemoryId !== null && readable.has(r.sourceMemoryId));
  }

  private async embed(text: string, signal?: AbortSignal): Promise<Float32Array | null> {
    try {
      const [vector] = await this.deps.embedder().embed([text], signal);
      return vector ?? null;
    } catch (error) {
      if (signal?.aborted) throw error;
      this.deps.log.warn('the search query could not be embedded; searching by keywords only', { error });
      return null;
    }
  }
}
