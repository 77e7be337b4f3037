import {
  DEFAULT_NAMESPACES,
  RpcError,
  type EmbedderChoice,
  type EmbedderInfo,
  type Entity,
  type EntityRef,
  type EventName,
  type EventPayload,
  type Memory,
  type MemoryJob,
  type MemorySource,
  type MemoryStatus,
  type NamespaceInfo,
  type PersonaId,
  type Relation,
  type ScoredMemory,
} from '../../../shared';
import type { Handlers } from './fake-models';

type Emit = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export interface FakeMemoryOptions {
  memories?: Memory[];
  entities?: Entity[];
  relations?: Relation[];
  /** Days kept per namespace (null: forever), over the seed's defaults. */
  retention?: Record<string, number | null>;
  embedder?: EmbedderInfo;
  /** The latest long job, e.g. a re-embedding already running. */
  job?: MemoryJob | null;
}

const LOCAL_EMBEDDER: EmbedderInfo = {
  kind: 'local',
  model: 'use-lite-512',
  dimension: 512,
  label: 'Universal Sentence Encoder lite, on this computer',
};

/** The seed's retention (Memory Namespaces). */
const RETENTION: Record<string, number | null> = {
  work: 365,
  personal: 365,
  preferences: null,
  communication: 90,
  entities: null,
};
/** Read by both personas (seed: accessContexts). */
const SHARED = new Set(['preferences', 'communication', 'entities']);
const DAY = 86_400_000;
/** The reciprocal rank fusion constant the core uses. */
const RRF_K = 60;
const STOP_WORDS = new Set(['the', 'and', 'who', 'what', 'for', 'with', 'about', 'does', 'did', 'was', 'are', 'is', 'my', 'of']);

/**
 * Memory behind the fake core, in memory and driven by the input like the core: search reads only
 * the namespaces the persona may (work: work + the shared three; personal: personal + the same
 * three), never an outdated fact, fuses a keyword and a "vector" ranking (here: the share of query
 * words a memory contains) by reciprocal rank fusion, and adds memories about entities named in
 * the query. Deleting a memory removes the relations learned from it; an edit changes the text
 * and embeds it again. Events go out before the call answers, as the core's event hub sends them.
 * A re-embedding stays running until the test drives it through `job`.
 */
export function createFakeMemory(emit: Emit, now: () => number, options: FakeMemoryOptions = {}) {
  const state = {
    memories: [...(options.memories ?? [])],
    entities: [...(options.entities ?? [])],
    relations: [...(options.relations ?? [])],
    retention: { ...RETENTION, ...options.retention },
    embedder: options.embedder ?? LOCAL_EMBEDDER,
    job: options.job ?? null,
  };

  const status = (): MemoryStatus => ({ embedder: state.embedder, job: state.job, total: state.memories.length });

  function namespaces(): NamespaceInfo[] {
    const names = new Set<string>([...DEFAULT_NAMESPACES, ...state.memories.map((m) => m.namespace)]);
    const builtin = (name: string) => (DEFAULT_NAMESPACES as readonly string[]).includes(name);
    return [...names]
      .sort((a, b) => Number(builtin(b)) - Number(builtin(a)) || a.localeCompare(b))
      .map((namespace) => ({
        namespace,
        retentionDays: state.retention[namespace] ?? (builtin(namespace) ? null : 365),
        accessContexts: accessOf(namespace),
        count: state.memories.filter((m) => m.namespace === namespace).length,
        builtin: builtin(namespace),
      }));
  }

  function requireMemory(id: string): Memory {
    const memory = state.memories.find((m) => m.id === id);
    if (!memory) throw new RpcError('NOT_FOUND', `Memory ${id} not found (it may have been deleted).`);
    return memory;
  }

  /** Removes memories and the relations learned from them, then says so. */
  function remove(ids: string[]): void {
    if (ids.length === 0) return;
    const gone = new Set(ids);
    state.memories = state.memories.filter((m) => !gone.has(m.id));
    state.relations = state.relations.filter((r) => r.sourceMemoryId === null || !gone.has(r.sourceMemoryId));
    emit('memory.changed', { ids: [], removedIds: ids });
  }

  function setJob(job: MemoryJob): MemoryStatus {
    state.job = job;
    emit('memory.status', status());
    return status();
  }

  function runningJob(): MemoryJob {
    if (state.job?.state !== 'running') throw new Error('fake core: no re-embedding is running');
    return state.job;
  }

  function search({ query, persona, limit = 10, expandGraph = true }: Parameters<Handlers['memory.search']>[0]) {
    const readable = new Set(
      namespaces()
        .filter((n) => n.accessContexts.includes(persona))
        .map((n) => n.namespace),
    );
    const visible = state.memories.filter((m) => readable.has(m.namespace) && m.invalidAt === null);
    const terms = words(query);
    const matched = visible
      .map((memory) => {
        const text = memory.content.toLowerCase();
        return { memory, hits: terms.filter((term) => text.includes(term)).length };
      })
      .filter((m) => m.hits > 0)
      .sort((a, b) => b.hits - a.hits || b.memory.updatedAt - a.memory.updatedAt);
    const similarityOf = (hits: number) => (terms.length === 0 ? 0 : hits / terms.length);
    const byVector = matched.filter((m) => similarityOf(m.hits) >= 0.5);
    const results: ScoredMemory[] = matched
      .map(({ memory, hits }, i) => {
        const vector = byVector.findIndex((m) => m.memory.id === memory.id);
        const vectorRank = vector === -1 ? null : vector + 1;
        const score = 1 / (RRF_K + i + 1) + (vectorRank === null ? 0 : 1 / (RRF_K + vectorRank));
        return {
          memory,
          score,
          similarity: vectorRank === null ? null : similarityOf(hits),
          vectorRank,
          keywordRank: i + 1,
          viaEntity: null,
        };
      })
      .sort((a, b) => b.score - a.score)
      .slice(0, limit);

    const lowered = query.toLowerCase();
    const named = expandGraph
      ? state.entities.filter((e) => [e.name, ...e.aliases].some((name) => lowered.includes(name.toLowerCase())))
      : [];
    for (const entity of named) {
      for (const memory of visible) {
        if (results.length >= limit) break;
        if (results.some((r) => r.memory.id === memory.id) || !memory.entities.some((e) => e.id === entity.id)) continue;
        const last = results[results.length - 1]?.score ?? 1 / RRF_K;
        results.push({ memory, score: last / 2, similarity: null, vectorRank: null, keywordRank: null, viaEntity: entity.name });
      }
    }

    const found = new Set(results.map((r) => r.memory.id));
    const namedIds = new Set(named.map((e) => e.id));
    const readableSource = (r: Relation) =>
      r.sourceMemoryId === null || state.memories.some((m) => m.id === r.sourceMemoryId && readable.has(m.namespace));
    const relations = state.relations.filter(
      (r) =>
        readableSource(r) &&
        ((r.sourceMemoryId !== null && found.has(r.sourceMemoryId)) || namedIds.has(r.from.id) || namedIds.has(r.to.id)),
    );
    return { memories: results, relations };
  }

  const handlers: Pick<
    Handlers,
    | 'memory.search'
    | 'memory.list'
    | 'memory.get'
    | 'memory.update'
    | 'memory.delete'
    | 'memory.entities'
    | 'memory.entity'
    | 'memory.namespaces'
    | 'memory.setRetention'
    | 'memory.purge'
    | 'memory.status'
    | 'memory.setEmbedder'
    | 'memory.cancelJob'
  > = {
    'memory.search': search,
    'memory.list': ({ namespace, includeInvalid = true, offset = 0, limit = 50 }) => {
      const listed = state.memories
        .filter((m) => (namespace === undefined || m.namespace === namespace) && (includeInvalid || m.invalidAt === null))
        .sort((a, b) => b.updatedAt - a.updatedAt);
      return { memories: listed.slice(offset, offset + limit), total: listed.length };
    },
    'memory.get': ({ id }) => requireMemory(id),
    'memory.update': ({ id, content }) => {
      const updated: Memory = {
        ...requireMemory(id),
        content: content.trim(),
        updatedAt: now(),
        embeddedWith: state.embedder.model,
      };
      state.memories = state.memories.map((m) => (m.id === id ? updated : m));
      emit('memory.changed', { ids: [id], removedIds: [] });
      return updated;
    },
    'memory.delete': ({ id }) => {
      requireMemory(id);
      remove([id]);
      return { deleted: true };
    },
    'memory.entities': ({ query = '', limit = 50 }) => {
      const wanted = query.trim().toLowerCase();
      return state.entities
        .filter((e) => [e.name, ...e.aliases].some((name) => name.toLowerCase().includes(wanted)))
        .sort((a, b) => a.name.localeCompare(b.name))
        .slice(0, limit);
    },
    'memory.entity': ({ id }) => {
      const entity = state.entities.find((e) => e.id === id);
      if (!entity) throw new RpcError('NOT_FOUND', `Entity ${id} not found`);
      return {
        entity,
        relations: state.relations.filter((r) => r.from.id === id || r.to.id === id).sort((a, b) => a.validFrom - b.validFrom),
        memories: state.memories.filter((m) => m.entities.some((e) => e.id === id)).sort((a, b) => b.updatedAt - a.updatedAt),
      };
    },
    'memory.namespaces': () => namespaces(),
    'memory.setRetention': ({ namespace, retentionDays }) => {
      if (!namespaces().some((n) => n.namespace === namespace))
        throw new RpcError('NOT_FOUND', `No namespace named ${namespace}`);
      state.retention[namespace] = retentionDays;
      const info = namespaces().find((n) => n.namespace === namespace);
      if (!info) throw new Error(`fake core: namespace ${namespace} vanished`);
      return info;
    },
    'memory.purge': () => {
      const at = now();
      const expired = state.memories.filter((m) => {
        const days = state.retention[m.namespace] ?? null;
        return days !== null && learnedAt(m) < at - days * DAY;
      });
      remove(expired.map((m) => m.id));
      return { removed: expired.length };
    },
    'memory.status': () => status(),
    'memory.setEmbedder': (choice: EmbedderChoice) => {
      if (state.job?.state === 'running') {
        throw new RpcError('CONFLICT', 'Izzie is already embedding your memories again. Cancel that first, or wait for it.');
      }
      state.embedder =
        choice.kind === 'local'
          ? LOCAL_EMBEDDER
          : { kind: 'provider', model: choice.model.trim(), dimension: null, label: `${choice.model.trim()} (model provider)` };
      return setJob({
        id: crypto.randomUUID(),
        kind: 'reindex',
        state: 'running',
        done: 0,
        total: state.memories.length,
        label: `Embedding every memory with ${state.embedder.label}`,
        error: null,
        startedAt: now(),
        endedAt: null,
      });
    },
    'memory.cancelJob': () =>
      state.job?.state === 'running' ? setJob({ ...state.job, state: 'cancelled', endedAt: now() }) : status(),
  };

  /** Drives the running re-embedding as the core's worker would, each step pushed as `memory.status`. */
  const job = {
    progress: (done: number) => setJob({ ...runningJob(), done }),
    finish: () => {
      const running = runningJob();
      setJob({ ...running, state: 'done', done: running.total, endedAt: now() });
    },
    fail: (error: string) => setJob({ ...runningJob(), state: 'failed', error, endedAt: now() }),
  };

  return { handlers, state, job };
}

function accessOf(namespace: string): PersonaId[] {
  if (namespace === 'work' || namespace === 'personal') return [namespace];
  return SHARED.has(namespace) ? ['work', 'personal'] : [];
}

function words(text: string): string[] {
  return [...new Set(text.toLowerCase().split(/[^\p{L}\p{N}]+/u))].filter((w) => w.length >= 3 && !STOP_WORDS.has(w));
}

/** Retention counts from the last time the fact was learned (reinforcing it restarts the clock). */
function learnedAt(memory: Memory): number {
  return Math.max(memory.createdAt, ...memory.sources.map((s) => s.at));
}

/** A memory learned in a chat; override anything. */
export function memory(overrides: Partial<Memory> = {}): Memory {
  const at = overrides.createdAt ?? 1_699_000_000_000;
  return {
    id: crypto.randomUUID(),
    namespace: 'work',
    kind: 'fact',
    content: 'The quarterly review is on Fridays.',
    persona: 'work',
    sources: [chatSource('thread-1', 'Plan the offsite', at)],
    entities: [],
    createdAt: at,
    updatedAt: at,
    validFrom: at,
    invalidAt: null,
    supersededBy: null,
    confidence: 0.9,
    reinforcements: 0,
    embeddedWith: LOCAL_EMBEDDER.model,
    ...overrides,
  };
}

export function chatSource(threadId: string, label: string | null, at = 1_699_000_000_000): MemorySource {
  return { type: 'chat_message', id: `${threadId}-message`, parentId: threadId, label, at };
}

export function entity(name: string, kind: Entity['kind'], overrides: Partial<Entity> = {}): Entity {
  return {
    id: `entity-${name.toLowerCase().replace(/\W+/g, '-')}`,
    name,
    kind,
    aliases: [],
    namespace: 'entities',
    ...overrides,
  };
}

export function relation(from: EntityRef, type: string, to: EntityRef, overrides: Partial<Relation> = {}): Relation {
  return {
    id: crypto.randomUUID(),
    from: ref(from),
    to: ref(to),
    type,
    validFrom: 1_699_000_000_000,
    invalidAt: null,
    sourceMemoryId: null,
    confidence: 0.9,
    ...overrides,
  };
}

/** An entity as memories and relations name it. */
export function ref({ id, name, kind }: EntityRef): EntityRef {
  return { id, name, kind };
}
