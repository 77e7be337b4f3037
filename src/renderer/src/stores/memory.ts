import { create } from 'zustand';
import type {
  Entity,
  EntityDetail,
  EntityRef,
  Memory,
  MemoryContext,
  MemoryStatus,
  NamespaceInfo,
  PersonaId,
} from '../../../shared';
import type { LoadStatus } from './threads';

export interface BrowseState {
  /** Null lists every namespace. */
  namespace: string | null;
  /** The first `memories.length` of the namespace, in the order first shown (a refresh never reshuffles them). */
  memories: Memory[];
  total: number;
  status: LoadStatus;
  error: string | null;
}

export interface SearchState {
  /** The query the results on screen answer; the box may hold newer text the person has not submitted. */
  query: string;
  persona: PersonaId;
  context: MemoryContext | null;
  /** Entities whose name matches the query, among those the persona may read. */
  entities: Entity[];
  status: LoadStatus;
  error: string | null;
}

export interface EntityState {
  /** Known before the detail loads, so the panel can be named at once. */
  ref: EntityRef;
  detail: EntityDetail | null;
  status: LoadStatus;
  error: string | null;
}

interface MemoryStore {
  status: MemoryStatus | null;
  namespaces: NamespaceInfo[];
  browse: BrowseState;
  search: SearchState;
  /** The entity panel; null while closed. */
  entity: EntityState | null;
  setStatus(status: MemoryStatus): void;
  setNamespaces(namespaces: NamespaceInfo[]): void;
  upsertNamespace(namespace: NamespaceInfo): void;
  setBrowse(change: Partial<BrowseState>): void;
  setSearch(change: Partial<SearchState>): void;
  setEntity(entity: EntityState | null): void;
  /** A memory changed (an edit): every view showing it shows the new version. */
  replaceMemory(memory: Memory): void;
  /** Memories are gone, and with them the relations learned only from them. */
  removeMemories(ids: readonly string[]): void;
}

export const useMemory = create<MemoryStore>()((set) => ({
  status: null,
  namespaces: [],
  browse: { namespace: null, memories: [], total: 0, status: 'idle', error: null },
  search: { query: '', persona: 'work', context: null, entities: [], status: 'idle', error: null },
  entity: null,
  setStatus: (status) => set({ status }),
  setNamespaces: (namespaces) => set({ namespaces }),
  upsertNamespace: (info) =>
    set((s) => ({ namespaces: s.namespaces.map((existing) => (existing.namespace === info.namespace ? info : existing)) })),
  setBrowse: (change) => set((s) => ({ browse: { ...s.browse, ...change } })),
  setSearch: (change) => set((s) => ({ search: { ...s.search, ...change } })),
  setEntity: (entity) => set({ entity }),
  replaceMemory: (memory) =>
    set((s) => {
      const swap = (m: Memory) => (m.id === memory.id ? memory : m);
      const { context } = s.search;
      const detail = s.entity?.detail;
      return {
        browse: { ...s.browse, memories: s.browse.memories.map(swap) },
        search: context
          ? { ...s.search, context: { ...context, memories: context.memories.map((r) => ({ ...r, memory: swap(r.memory) })) } }
          : s.search,
        entity: s.entity && detail ? { ...s.entity, detail: { ...detail, memories: detail.memories.map(swap) } } : s.entity,
      };
    }),
  removeMemories: (ids) =>
    set((s) => {
      const gone = new Set(ids);
      const kept = s.browse.memories.filter((m) => !gone.has(m.id));
      const stillLearned = (r: { sourceMemoryId: string | null }) => r.sourceMemoryId === null || !gone.has(r.sourceMemoryId);
      const { context } = s.search;
      const detail = s.entity?.detail;
      return {
        browse: { ...s.browse, memories: kept, total: Math.max(0, s.browse.total - (s.browse.memories.length - kept.length)) },
        search: context
          ? {
              ...s.search,
              context: {
                memories: context.memories.filter((r) => !gone.has(r.memory.id)),
                relations: context.relations.filter(stillLearned),
              },
            }
          : s.search,
        entity:
          s.entity && detail
            ? {
                ...s.entity,
                detail: {
                  ...detail,
                  memories: detail.memories.filter((m) => !gone.has(m.id)),
                  relations: detail.relations.filter(stillLearned),
                },
              }
            : s.entity,
      };
    }),
}));
