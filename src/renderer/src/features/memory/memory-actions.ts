import type {
  EmbedderChoice,
  Entity,
  EntityRef,
  EventPayload,
  Memory,
  MemoryStatus,
  NamespaceInfo,
  PersonaId,
  RpcClient,
} from '../../../../shared';
import { RpcError } from '../../../../shared';
import { describeError } from '../../stores/banners';
import { useMemory } from '../../stores/memory';
import { useNavigation } from '../../stores/navigation';
import { useToasts } from '../../stores/toasts';
import { toFormProblem, type FormProblem } from '../integrations/form-problem';

/**
 * The Memory page over the RPC client. Answers update the store at once; `memory.changed` (an
 * extraction in the background, an edit in another window) refreshes whatever the page shows,
 * keeping the person's place: the same namespace, as many rows as were loaded, the same search and
 * the same entity. Only the newest answer of each view is applied, so a slow one never overwrites
 * a fresher one.
 */

const PAGE_SIZE = 20;
/** The most `memory.list` gives at once. */
const LIST_MAX = 200;
const ENTITY_MATCHES = 8;

const latest = { list: 0, search: 0, entity: 0, status: 0 };

async function loadStatus(client: RpcClient): Promise<void> {
  const token = ++latest.status;
  try {
    const status = await client.call('memory.status');
    if (token === latest.status) useMemory.getState().setStatus(status);
  } catch (error) {
    toast('Couldn’t read the memory status.', error);
  }
}

/** A pushed status is the newest there is: an answer still on its way must not replace it. */
export function applyStatus(status: MemoryStatus): void {
  latest.status++;
  useMemory.getState().setStatus(status);
}

async function loadNamespaces(client: RpcClient): Promise<void> {
  try {
    useMemory.getState().setNamespaces(await client.call('memory.namespaces'));
  } catch (error) {
    toast('Couldn’t read the memory namespaces.', error);
  }
}

/** Starts the list over for another namespace (null: all of them). */
export async function showNamespace(client: RpcClient, namespace: string | null): Promise<void> {
  useMemory.getState().setBrowse({ namespace, memories: [], total: 0, status: 'loading', error: null });
  const token = ++latest.list;
  try {
    const page = await client.call('memory.list', { ...where(namespace), offset: 0, limit: PAGE_SIZE });
    if (token === latest.list) useMemory.getState().setBrowse({ memories: page.memories, total: page.total, status: 'ready' });
  } catch (error) {
    if (token === latest.list) useMemory.getState().setBrowse({ status: 'error', error: describeError(error) });
  }
}

export async function loadMore(client: RpcClient): Promise<void> {
  const { namespace, memories } = useMemory.getState().browse;
  useMemory.getState().setBrowse({ status: 'loading', error: null });
  const token = ++latest.list;
  try {
    const page = await client.call('memory.list', { ...where(namespace), offset: memories.length, limit: PAGE_SIZE });
    if (token !== latest.list) return;
    const shown = new Set(memories.map((m) => m.id));
    useMemory.getState().setBrowse({
      memories: [...memories, ...page.memories.filter((m) => !shown.has(m.id))],
      total: page.total,
      status: 'ready',
    });
  } catch (error) {
    if (token === latest.list) useMemory.getState().setBrowse({ status: 'error', error: describeError(error) });
  }
}

/**
 * Reads again as many rows as are shown, plus room for `added` (memories just learned). Rows already
 * on screen keep their order; new ones come first.
 */
export async function refreshList(client: RpcClient, added: readonly string[] = []): Promise<void> {
  const { namespace, memories: previous } = useMemory.getState().browse;
  const shown = new Set(previous.map((m) => m.id));
  const wanted = Math.max(PAGE_SIZE, previous.length + added.filter((id) => !shown.has(id)).length);
  const token = ++latest.list;
  try {
    const fresh: Memory[] = [];
    let total = 0;
    do {
      const page = await client.call('memory.list', {
        ...where(namespace),
        offset: fresh.length,
        limit: Math.min(LIST_MAX, wanted - fresh.length),
      });
      fresh.push(...page.memories);
      total = page.total;
      if (page.memories.length === 0) break;
    } while (fresh.length < Math.min(wanted, total));
    if (token !== latest.list) return;
    useMemory.getState().setBrowse({ memories: keepPlace(previous, fresh), total, status: 'ready', error: null });
  } catch (error) {
    if (token === latest.list) useMemory.getState().setBrowse({ status: 'error', error: describeError(error) });
  }
}

/**
 * Searches as the persona, and looks for entities by name at the same time. `quiet` keeps the
 * current results on screen while a refresh runs.
 */
export async function searchMemories(client: RpcClient, query: string, persona: PersonaId, quiet = false): Promise<void> {
  // The results on screen stay until the answer replaces them, still titled with the query they answer.
  useMemory.getState().setSearch(quiet ? { persona } : { persona, status: 'loading', error: null });
  const token = ++latest.search;
  try {
    const [context, entities] = await Promise.all([
      client.call('memory.search', { query, persona }),
      client.call('memory.entities', { query, limit: ENTITY_MATCHES }),
    ]);
    if (token !== latest.search) return;
    const readable = readableBy(persona, useMemory.getState().namespaces);
    useMemory.getState().setSearch({ query, context, entities: entities.filter(readable), status: 'ready', error: null });
  } catch (error) {
    if (token !== latest.search) return;
    const problem = toFormProblem(error, ['query']);
    useMemory
      .getState()
      .setSearch({ query, context: null, entities: [], status: 'error', error: problem.fields.query ?? problem.message });
  }
}

export function clearSearch(): void {
  latest.search++;
  useMemory.getState().setSearch({ query: '', context: null, entities: [], status: 'idle', error: null });
}

/** Opens the entity panel on `ref`; the one already open is read again without blanking it. */
export async function openEntity(client: RpcClient, ref: EntityRef): Promise<void> {
  const current = useMemory.getState().entity;
  if (current?.ref.id !== ref.id) useMemory.getState().setEntity({ ref, detail: null, status: 'loading', error: null });
  await loadEntity(client, ref);
}

export function closeEntity(): void {
  latest.entity++;
  useMemory.getState().setEntity(null);
}

async function loadEntity(client: RpcClient, ref: EntityRef): Promise<void> {
  const token = ++latest.entity;
  try {
    const detail = await client.call('memory.entity', { id: ref.id });
    if (token === latest.entity) useMemory.getState().setEntity({ ref: detail.entity, detail, status: 'ready', error: null });
  } catch (error) {
    if (token !== latest.entity) return;
    const current = useMemory.getState().entity;
    if (error instanceof RpcError && error.code === 'NOT_FOUND' && current?.status === 'ready') {
      // Forgotten while shown (its last memory deleted): the panel closes rather than show an error.
      closeEntity();
      useToasts.getState().push({
        id: `memory-${nextToast++}`,
        title: `Izzie no longer remembers ${ref.name}`,
        body: 'Nothing it knows mentions them any more.',
        target: null,
      });
      return;
    }
    useMemory.getState().setEntity({ ref, detail: current?.detail ?? null, status: 'error', error: describeError(error) });
  }
}

/** Everything the page has loaded, read again (on `memory.changed` with the ids it names, on a reconnect). */
export async function refreshShown(client: RpcClient, added: readonly string[] = []): Promise<void> {
  const { status, namespaces, browse } = useMemory.getState();
  await Promise.all([
    status ? loadStatus(client) : undefined,
    namespaces.length > 0 ? loadNamespaces(client) : undefined,
    browse.status === 'idle' ? undefined : refreshList(client, added),
    ...refreshViews(client),
  ]);
}

/** What the page needs when it opens: the status, the namespaces and the list, and anything kept from before read again. */
export async function openMemoryPage(client: RpcClient): Promise<void> {
  const listed = useMemory.getState().browse.status !== 'idle';
  await Promise.all([
    loadStatus(client),
    loadNamespaces(client),
    listed ? refreshList(client) : showNamespace(client, null),
    ...refreshViews(client),
  ]);
}

/** The search and the entity panel, if open. */
function refreshViews(client: RpcClient): Promise<void>[] {
  const { search, entity } = useMemory.getState();
  return [
    search.context ? searchMemories(client, search.query, search.persona, true) : Promise.resolve(),
    entity ? loadEntity(client, entity.ref) : Promise.resolve(),
  ];
}

export async function onMemoryChanged(client: RpcClient, change: EventPayload<'memory.changed'>): Promise<void> {
  if (change.removedIds.length > 0) useMemory.getState().removeMemories(change.removedIds);
  await refreshShown(client, change.ids);
}

/** The saved memory (embedded again by the core), or the core's reason for refusing the text. */
export async function saveMemory(client: RpcClient, id: string, content: string): Promise<Memory | string> {
  try {
    const memory = await client.call('memory.update', { id, content });
    useMemory.getState().replaceMemory(memory);
    return memory;
  } catch (error) {
    const problem = toFormProblem(error, ['content']);
    return problem.fields.content ?? problem.message ?? describeError(error);
  }
}

export async function deleteMemory(client: RpcClient, memory: Memory): Promise<boolean> {
  try {
    await client.call('memory.delete', { id: memory.id });
    useMemory.getState().removeMemories([memory.id]);
    return true;
  } catch (error) {
    toast('Couldn’t delete the memory.', error);
    return false;
  }
}

/** A memory the page does not hold (the one that replaced an outdated fact), or why it could not be read. */
export async function fetchMemory(client: RpcClient, id: string): Promise<Memory | string> {
  try {
    return await client.call('memory.get', { id });
  } catch (error) {
    return describeError(error);
  }
}

export async function saveRetention(
  client: RpcClient,
  namespace: string,
  retentionDays: number | null,
): Promise<NamespaceInfo | string> {
  try {
    const info = await client.call('memory.setRetention', { namespace, retentionDays });
    useMemory.getState().upsertNamespace(info);
    return info;
  } catch (error) {
    const problem = toFormProblem(error, ['retentionDays']);
    return problem.fields.retentionDays ?? problem.message ?? describeError(error);
  }
}

/** How many memories the purge removed, or why it failed. */
export async function applyRetention(client: RpcClient): Promise<number | string> {
  try {
    const { removed } = await client.call('memory.purge');
    return removed;
  } catch (error) {
    return describeError(error);
  }
}

export async function switchEmbedder(client: RpcClient, choice: EmbedderChoice): Promise<FormProblem<'model'> | null> {
  try {
    applyStatus(await client.call('memory.setEmbedder', choice));
    return null;
  } catch (error) {
    return toFormProblem(error, ['model']);
  }
}

export async function cancelJob(client: RpcClient): Promise<void> {
  try {
    applyStatus(await client.call('memory.cancelJob'));
  } catch (error) {
    toast('Couldn’t cancel the re-embedding.', error);
  }
}

function where(namespace: string | null): { namespace?: string } {
  return namespace === null ? {} : { namespace };
}

/**
 * The rows a refresh read, in an order that keeps the reader's place: rows already shown stay in
 * their order; new ones among them (just learned) go first; ones past the last shown row go last,
 * where Load more would have put them.
 */
function keepPlace(previous: Memory[], fresh: Memory[]): Memory[] {
  const position = new Map(fresh.map((m, i) => [m.id, i]));
  const kept = previous.flatMap((m) => {
    const i = position.get(m.id);
    return i === undefined ? [] : [fresh[i] ?? m];
  });
  const lastKept = Math.max(-1, ...kept.map((m) => position.get(m.id) ?? -1));
  const shown = new Set(kept.map((m) => m.id));
  const unseen = fresh.filter((m) => !shown.has(m.id));
  return [
    ...unseen.filter((m) => (position.get(m.id) ?? 0) < lastKept),
    ...kept,
    ...unseen.filter((m) => (position.get(m.id) ?? 0) > lastKept),
  ];
}

/** Entities are not persona-bound in the core; the page shows only those from a namespace the persona may read. */
function readableBy(persona: PersonaId, namespaces: NamespaceInfo[]): (entity: Entity) => boolean {
  const access = new Map(namespaces.map((n) => [n.namespace, n.accessContexts]));
  return (entity) => access.get(entity.namespace)?.includes(persona) ?? true;
}

let nextToast = 1;

function toast(title: string, error: unknown): void {
  useToasts.getState().push({ id: `memory-${nextToast++}`, title, body: describeError(error), target: null });
}

/**
 * A memory a reply cited (`[source](memory:ID)`): the Memory page, searching for exactly that fact
 * as the persona that learned it, so it shows first with its sources and "why do you know this?".
 */
export async function openCitedMemory(client: RpcClient, id: string): Promise<void> {
  useNavigation.getState().navigate('memory');
  try {
    const memory = await client.call('memory.get', { id });
    await searchMemories(client, memory.content, memory.persona ?? useMemory.getState().search.persona);
  } catch (error) {
    const { search } = useMemory.getState();
    useMemory.getState().setSearch({
      ...search,
      context: null,
      status: 'error',
      error: `The memory this reply cited is gone (${describeError(error)}).`,
    });
  }
}
