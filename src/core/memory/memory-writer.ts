import { randomUUID } from 'node:crypto';
import type { EntityKind, EntityRef, MemoryKind, MemorySource, PersonaId } from '../../shared';
import type { KnowledgeGraph, RelationInput } from '../graph/knowledge-graph';
import type { Clock } from '../ports';
import type { Db } from '../store/database';
import type { MemoriesRepo } from '../store/memories-repo';
import type { EmbeddingSpace, VectorStore } from '../store/vector-store';
import type { Embedder } from './embedding/embedder';
import type { EntitySpotter } from './entity-spotter';
import { contentKey } from './content-key';
import type { SearchEngine } from './search/search-engine';
import { TimeSlice } from './time-slice';

export interface IngestFact {
  readonly content: string;
  readonly kind: MemoryKind;
  readonly namespace: string;
  readonly confidence: number;
  readonly entities: readonly { name: string; kind: EntityKind; aliases: readonly string[] }[];
  readonly relations: readonly { from: string; type: string; to: string }[];
  /** Ids of memories this fact makes untrue. */
  readonly contradicts: readonly string[];
}

export interface IngestContext {
  readonly persona: PersonaId | null;
  readonly source: MemorySource;
  /** Namespaces the learning persona may read: a contradiction can only retire a memory it could see. */
  readonly readable: readonly string[];
  readonly signal?: AbortSignal;
}

export interface IngestResult {
  readonly added: string[];
  readonly reinforced: string[];
  readonly invalidated: string[];
}

/** Cosine similarity from which a new fact counts as the same as a remembered one. */
export const DUPLICATE_SIMILARITY = 0.92;
/** Facts embedded per model call; the next batch embeds while the previous one is stored. */
const BATCH = 64;
/** Facts stored per SQLite transaction. */
const STORE_CHUNK = 16;

type Decision =
  | { kind: 'reinforce'; seq: number; id: string }
  | { kind: 'add'; id: string; vector: Float32Array }
  /** Repeats fact number `of` of the same batch. */
  | { kind: 'duplicate-in-batch'; of: number };

/**
 * Stores extracted facts (seed: memory.add). ADD-only with reinforcement: a near-duplicate of a
 * remembered fact reinforces it instead of adding a copy; a contradicting fact marks the old one
 * invalid from now and is added (nothing is deleted here). Every memory keeps its provenance.
 */
export class MemoryWriter {
  constructor(
    private readonly deps: {
      db: Db;
      repo: MemoriesRepo;
      vectors: VectorStore;
      engine: SearchEngine;
      graph: KnowledgeGraph;
      spotter: EntitySpotter;
      embedder: () => Embedder;
      /** Null when the embedder was replaced meanwhile: the memories wait for `catchUp` to get vectors. */
      space: (embedder: Embedder, dimension: number) => EmbeddingSpace | null;
      clock: Clock;
    },
  ) {}

  async ingest(facts: readonly IngestFact[], context: IngestContext): Promise<IngestResult> {
    const result: IngestResult = { added: [], reinforced: [], invalidated: [] };
    const embedder = this.deps.embedder();
    const batches: IngestFact[][] = [];
    for (let i = 0; i < facts.length; i += BATCH) batches.push(facts.slice(i, i + BATCH));
    let next = batches[0]
      ? embedder.embed(
          batches[0].map((f) => f.content),
          context.signal,
        )
      : null;
    for (let b = 0; b < batches.length && next; b++) {
      const vectors = await next;
      const following = batches[b + 1];
      next = following
        ? embedder.embed(
            following.map((f) => f.content),
            context.signal,
          )
        : null;
      await this.store(batches[b] ?? [], vectors, embedder, context, result);
    }
    return result;
  }

  private async store(
    facts: readonly IngestFact[],
    vectors: readonly Float32Array[],
    embedder: Embedder,
    context: IngestContext,
    result: IngestResult,
  ): Promise<void> {
    const { repo, db, clock } = this.deps;
    const space = this.deps.space(embedder, vectors[0]?.length ?? 0);
    const decisions = await this.decide(facts, vectors);
    const at = clock.now();
    const added: { seq: number; id: string; fact: IngestFact; vector: Float32Array }[] = [];
    const seqOfFact = new Map<number, number>();
    const retired: { seq: number; id: string; namespace: string }[] = [];

    // Small transactions with the event loop served between them: a batch in one transaction held
    // the main thread for 15–35 ms at 100k memories (FTS5 and index upkeep per row).
    const slice = new TimeSlice();
    for (let from = 0; from < decisions.length; from += STORE_CHUNK) {
      await slice.breathe();
      const stored = db.transaction(() => {
        const stored: typeof added = [];
        decisions.slice(from, from + STORE_CHUNK).forEach((decision, offset) => {
          const i = from + offset;
          const fact = facts[i];
          if (!fact) return;
          if (decision.kind === 'reinforce') {
            repo.reinforce(decision.seq, context.source, fact.confidence, at);
            result.reinforced.push(decision.id);
          } else if (decision.kind === 'duplicate-in-batch') {
            const first = seqOfFact.get(decision.of);
            if (first !== undefined) repo.reinforce(first, context.source, fact.confidence, at);
          } else {
            const seq = repo.insert({
              id: decision.id,
              namespace: fact.namespace,
              kind: fact.kind,
              content: fact.content,
              contentKey: contentKey(fact.content),
              persona: context.persona,
              at,
              validFrom: at,
              confidence: fact.confidence,
              source: context.source,
            });
            stored.push({ seq, id: decision.id, fact, vector: decision.vector });
            seqOfFact.set(i, seq);
            for (const old of fact.contradicts) {
              const oldSeq = repo.seqOf(old);
              const memory = oldSeq === null ? null : repo.get(oldSeq);
              if (!memory || memory.invalidAt !== null || !context.readable.includes(memory.namespace)) continue;
              repo.invalidate(memory.seq, at, decision.id);
              retired.push({ seq: memory.seq, id: memory.id, namespace: memory.namespace });
              result.invalidated.push(memory.id);
            }
          }
        });
        if (space) {
          this.deps.vectors.put(
            space,
            stored.map((a) => ({ seq: a.seq, vector: a.vector })),
          );
          repo.markEmbedded(
            stored.map((a) => a.seq),
            space.id,
          );
        }
        return stored;
      })();
      added.push(...stored);
      result.added.push(...stored.map((a) => a.id));
    }

    if (space) {
      await this.deps.engine.upsert(
        space.id,
        added.map((a) => ({ seq: a.seq, vector: a.vector, namespace: a.fact.namespace, invalid: false })),
      );
    }
    await this.deps.engine.setFlags(retired.map((r) => ({ seq: r.seq, namespace: r.namespace, invalid: true })));
    for (const r of retired) await this.deps.graph.invalidateBySource(r.id, at);
    await this.link(added, at);
  }

  /** Which facts repeat a remembered one (or an earlier fact of the same batch), which are new. */
  private async decide(facts: readonly IngestFact[], vectors: readonly Float32Array[]): Promise<Decision[]> {
    const { repo, engine, spotter } = this.deps;
    const decisions: Decision[] = [];
    const slice = new TimeSlice();
    for (let i = 0; i < facts.length; i++) {
      await slice.breathe();
      const fact = facts[i];
      const vector = vectors[i];
      if (!fact || !vector) throw new Error('the embedder answered fewer vectors than texts');
      const sameKey = repo.byKey(fact.namespace, contentKey(fact.content));
      if (sameKey !== null) {
        decisions.push({ kind: 'reinforce', seq: sameKey, id: repo.get(sameKey)?.id ?? '' });
        continue;
      }
      const candidates = new Set(await engine.keyword(fact.content, [fact.namespace], 8));
      for (const entityId of spotter.spot(fact.content)) for (const seq of repo.mentioning(entityId, 20)) candidates.add(seq);
      const best = (await engine.similarities(vector, [...candidates]))
        .filter((hit) => hit.similarity >= DUPLICATE_SIMILARITY)
        .sort((a, b) => b.similarity - a.similarity)[0];
      const memory = best ? repo.get(best.seq) : null;
      if (memory && memory.namespace === fact.namespace && memory.invalidAt === null) {
        decisions.push({ kind: 'reinforce', seq: memory.seq, id: memory.id });
        continue;
      }
      const earlier = decisions.findIndex(
        (d, j) => d.kind === 'add' && facts[j]?.namespace === fact.namespace && cosine(d.vector, vector) >= DUPLICATE_SIMILARITY,
      );
      decisions.push(earlier >= 0 ? { kind: 'duplicate-in-batch', of: earlier } : { kind: 'add', id: randomUUID(), vector });
    }
    return decisions;
  }

  /**
   * Puts the facts' entities and relations into the graph and records which entities each mentions:
   * known entities are answered from memory, and the batch's relations are written in one graph
   * transaction and its mentions in one SQLite transaction (each commit waits for the disk).
   */
  private async link(added: readonly { seq: number; id: string; fact: IngestFact }[], at: number): Promise<void> {
    const { graph, repo, spotter, db } = this.deps;
    const mentions: { seq: number; entities: EntityRef[] }[] = [];
    const relations: RelationInput[] = [];
    for (const { seq, id, fact } of added) {
      const byName = new Map<string, EntityRef>();
      for (const e of fact.entities) {
        const entity = await graph.upsertEntity({ name: e.name, kind: e.kind, namespace: 'entities', aliases: [...e.aliases] });
        const ref = { id: entity.id, name: entity.name, kind: entity.kind };
        byName.set(e.name.toLowerCase(), ref);
        for (const alias of e.aliases) byName.set(alias.toLowerCase(), ref);
        spotter.add(entity.id, [entity.name, ...entity.aliases]);
      }
      for (const r of fact.relations) {
        const from = byName.get(r.from.toLowerCase()) ?? (await this.entityFor(r.from, byName));
        const to = byName.get(r.to.toLowerCase()) ?? (await this.entityFor(r.to, byName));
        if (!from || !to || from.id === to.id || !/[\p{L}\p{N}]/u.test(r.type)) continue;
        relations.push({
          fromId: from.id,
          toId: to.id,
          type: r.type,
          validFrom: at,
          sourceMemoryId: id,
          confidence: fact.confidence,
        });
      }
      mentions.push({ seq, entities: [...new Map([...byName.values()].map((e) => [e.id, e])).values()] });
    }
    db.transaction(() => {
      for (const m of mentions) repo.linkEntities(m.seq, m.entities);
    })();
    await graph.addRelations(relations);
  }

  /** A relation may name an entity the fact's entity list left out; "the user" is always one. */
  private async entityFor(name: string, byName: Map<string, EntityRef>): Promise<EntityRef | null> {
    const isUser = /^(the )?user$|^me$|^i$/i.test(name.trim());
    const entity = await this.deps.graph.upsertEntity({
      name: isUser ? 'the user' : name,
      kind: 'person',
      namespace: 'entities',
      aliases: [],
    });
    const ref = { id: entity.id, name: entity.name, kind: entity.kind };
    byName.set(name.toLowerCase(), ref);
    return ref;
  }
}

function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  for (let i = 0; i < a.length; i++) dot += (a[i] ?? 0) * (b[i] ?? 0);
  return dot;
}
