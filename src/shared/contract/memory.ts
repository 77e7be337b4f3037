import { z } from 'zod';
import { mutation, query } from '../rpc/define';
import { PersonaId } from './chat';

/**
 * Memory (seed: Memory Layer Design, Memory Namespaces). Izzie keeps short facts about the
 * person's people, projects and preferences, each in a namespace that decides which persona may
 * read it, with provenance (where it was learned) and time validity (a contradicted fact is marked
 * invalid, never erased by the model).
 */

export const MEMORY_CONTENT_MAX = 2_000;
export const MEMORY_QUERY_MAX = 2_000;

export const NamespaceName = z
  .string()
  .regex(/^[a-z][a-z0-9_-]{0,31}$/, 'A namespace is lowercase letters, digits, "_" or "-" (at most 32)');
/** The seed's namespaces. A persona may also name its own (Settings → Personas). */
export const DEFAULT_NAMESPACES = ['work', 'personal', 'preferences', 'communication', 'entities'] as const;

export const MemoryKind = z.enum(['fact', 'preference', 'relationship', 'event', 'style']);
export type MemoryKind = z.infer<typeof MemoryKind>;

/** Where a memory was learned. Deleting the source (a message, a thread) deletes what came only from it. */
export const SourceType = z.enum(['chat_message', 'email', 'slack_message', 'github', 'linear', 'calendar_event', 'manual']);
export type SourceType = z.infer<typeof SourceType>;

export const MemorySource = z.strictObject({
  type: SourceType,
  id: z.string(),
  /** The container the UI opens: a chat thread for a message, an email thread for an email. */
  parentId: z.string().nullable(),
  /** A short human label, e.g. the thread title or an email subject. */
  label: z.string().nullable(),
  at: z.number(),
});
export type MemorySource = z.infer<typeof MemorySource>;

export const EntityKind = z.enum(['person', 'project', 'organization', 'topic', 'place']);
export type EntityKind = z.infer<typeof EntityKind>;

export const EntityRef = z.strictObject({ id: z.string(), name: z.string(), kind: EntityKind });
export type EntityRef = z.infer<typeof EntityRef>;

export const Entity = EntityRef.extend({ aliases: z.array(z.string()), namespace: z.string() });
export type Entity = z.infer<typeof Entity>;

export const Relation = z.strictObject({
  id: z.string(),
  from: EntityRef,
  to: EntityRef,
  /** Lowercase, e.g. `manages`, `works_on`, `works_at`. */
  type: z.string(),
  validFrom: z.number(),
  invalidAt: z.number().nullable(),
  sourceMemoryId: z.string().nullable(),
  confidence: z.number(),
});
export type Relation = z.infer<typeof Relation>;

export const Memory = z.strictObject({
  id: z.string(),
  namespace: z.string(),
  kind: MemoryKind,
  content: z.string(),
  /** The persona whose conversation produced it (null for sources outside chat). */
  persona: PersonaId.nullable(),
  /** Oldest first; a reinforced memory has one source per time it was learned. */
  sources: z.array(MemorySource),
  entities: z.array(EntityRef),
  createdAt: z.number(),
  updatedAt: z.number(),
  validFrom: z.number(),
  /** When a later fact contradicted it (or the person marked it outdated); null while it holds. */
  invalidAt: z.number().nullable(),
  supersededBy: z.string().nullable(),
  confidence: z.number(),
  /** How many times the same fact was learned again. */
  reinforcements: z.number().int(),
  /** The embedder its vector came from (null while it waits to be embedded). */
  embeddedWith: z.string().nullable(),
});
export type Memory = z.infer<typeof Memory>;

export const ScoredMemory = z.strictObject({
  memory: Memory,
  /** Fused score (reciprocal rank fusion); higher is better. */
  score: z.number(),
  /** Cosine similarity to the query, when the vector search found it. */
  similarity: z.number().nullable(),
  vectorRank: z.number().int().nullable(),
  keywordRank: z.number().int().nullable(),
  /** Set when the memory was added because it mentions an entity named in the query. */
  viaEntity: z.string().nullable(),
});
export type ScoredMemory = z.infer<typeof ScoredMemory>;

/** The seed's MemoryContext. */
export const MemoryContext = z.strictObject({ memories: z.array(ScoredMemory), relations: z.array(Relation) });
export type MemoryContext = z.infer<typeof MemoryContext>;

export const NamespaceInfo = z.strictObject({
  namespace: z.string(),
  /** Null keeps memories forever. */
  retentionDays: z.number().int().nullable(),
  accessContexts: z.array(PersonaId),
  count: z.number().int(),
  builtin: z.boolean(),
});
export type NamespaceInfo = z.infer<typeof NamespaceInfo>;

export const EmbedderChoice = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('local') }),
  /** Any OpenAI-compatible embeddings endpoint of the configured model provider. */
  z.strictObject({ kind: z.literal('provider'), model: z.string().trim().min(1, 'Name the embedding model').max(200) }),
]);
export type EmbedderChoice = z.infer<typeof EmbedderChoice>;

export const EmbedderInfo = z.strictObject({
  kind: z.enum(['local', 'provider']),
  /** e.g. `use-lite-512` or the provider's model id. */
  model: z.string(),
  dimension: z.number().int().nullable(),
  label: z.string(),
});
export type EmbedderInfo = z.infer<typeof EmbedderInfo>;

export const MemoryJob = z.strictObject({
  id: z.string(),
  kind: z.enum(['reindex']),
  state: z.enum(['running', 'done', 'cancelled', 'failed']),
  done: z.number().int(),
  total: z.number().int(),
  label: z.string(),
  error: z.string().nullable(),
  startedAt: z.number(),
  endedAt: z.number().nullable(),
});
export type MemoryJob = z.infer<typeof MemoryJob>;

export const MemoryStatus = z.strictObject({
  embedder: EmbedderInfo,
  /** The latest long job (running, or how the last one ended). */
  job: MemoryJob.nullable(),
  total: z.number().int(),
});
export type MemoryStatus = z.infer<typeof MemoryStatus>;

const Id = z.string().min(1).max(100);
const Content = z
  .string()
  .trim()
  .min(1, 'A memory cannot be empty')
  .max(MEMORY_CONTENT_MAX, `A memory can be at most ${MEMORY_CONTENT_MAX.toLocaleString('en')} characters`);

export const EntityDetail = z.strictObject({
  entity: Entity,
  /** Every relation touching the entity, current and past, oldest first. */
  relations: z.array(Relation),
  memories: z.array(Memory),
});
export type EntityDetail = z.infer<typeof EntityDetail>;

export const memoryMethods = {
  'memory.search': query(
    z.strictObject({
      query: z.string().trim().min(1, 'Type something to search for').max(MEMORY_QUERY_MAX),
      persona: PersonaId,
      limit: z.number().int().min(1).max(50).default(10),
      expandGraph: z.boolean().default(true),
    }),
    MemoryContext,
  ),
  'memory.list': query(
    z.strictObject({
      namespace: NamespaceName.optional(),
      includeInvalid: z.boolean().default(true),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(200).default(50),
    }),
    z.strictObject({ memories: z.array(Memory), total: z.number().int() }),
  ),
  'memory.get': query(z.strictObject({ id: Id }), Memory),
  /** Changes the text and embeds it again. */
  'memory.update': mutation(z.strictObject({ id: Id, content: Content }), Memory, { sensitiveInput: true }),
  /** Deletes the memory, its vector, its keyword row and the graph relations learned only from it. */
  'memory.delete': mutation(z.strictObject({ id: Id }), z.strictObject({ deleted: z.literal(true) })),
  'memory.entities': query(
    z.strictObject({ query: z.string().trim().max(200).default(''), limit: z.number().int().min(1).max(200).default(50) }),
    z.array(Entity),
  ),
  'memory.entity': query(z.strictObject({ id: Id }), EntityDetail),
  'memory.namespaces': query(z.strictObject({}), z.array(NamespaceInfo)),
  'memory.setRetention': mutation(
    z.strictObject({
      namespace: NamespaceName,
      retentionDays: z.number().int().min(1, 'Keep memories at least a day').max(36_500).nullable(),
    }),
    NamespaceInfo,
  ),
  /** Applies retention now (it also runs daily): removes expired memories and what came only from them. */
  'memory.purge': mutation(z.strictObject({}), z.strictObject({ removed: z.number().int() })),
  'memory.status': query(z.strictObject({}), MemoryStatus),
  /** Switches embedder; every memory is embedded again in the background (progress in `memory.status`). */
  'memory.setEmbedder': mutation(EmbedderChoice, MemoryStatus),
  'memory.cancelJob': mutation(z.strictObject({}), MemoryStatus),
};
