import type { RpcClient, RunView } from '../../../../shared';
import { describeError } from '../../stores/banners';
import { FILTER_STATUSES, newestFirst, useRuns, type RunFilter } from '../../stores/runs';
import { useToasts } from '../../stores/toasts';

/**
 * The Activity page over the RPC client. Answers update the store at once; `activity.run` pushes
 * (app/use-core-sync.ts) keep the list live. Only the newest answer for the list is applied, so a
 * slow one never overwrites a fresher one. Failures show the core's words: a list that could not be
 * read in the page, an action that failed in a toast.
 */

const PAGE_SIZE = 50;
/** The most `activity.runs` gives at once. */
const LIST_MAX = 200;
/** Pushed runs the page has not seen come in bursts; their counts are read once the burst settles. */
const COUNTS_DELAY_MS = 300;

const latest = { list: 0, counts: 0 };
/** The list read now, for a notification's run to wait on (so the answer does not drop it). */
let listing: Promise<void> = Promise.resolve();

function filterParams(): { status?: RunView['status'][]; functionId?: string } {
  const { filter, functionId } = useRuns.getState();
  const statuses = FILTER_STATUSES[filter];
  return { ...(statuses ? { status: [...statuses] } : {}), ...(functionId ? { functionId } : {}) };
}

/**
 * Reads the list under the current filters: the newest page, or (`older`) the page before the
 * oldest shown. `limit` reads more at once (a refresh keeping what was shown).
 */
export function loadRuns(client: RpcClient, { older = false, limit = PAGE_SIZE } = {}): Promise<void> {
  const token = ++latest.list;
  const { cursor } = useRuns.getState();
  useRuns.getState().set({ status: 'loading', error: null });
  const read = (async () => {
    try {
      const page = await client.call('activity.runs', {
        ...filterParams(),
        ...(older && cursor !== null ? { before: cursor } : {}),
        limit,
      });
      if (token !== latest.list) return;
      latest.counts++;
      const last = page.runs.at(-1);
      const kept = older ? useRuns.getState().runs : [];
      const fresh = new Set(page.runs.map((r) => r.id));
      useRuns.getState().set({
        runs: newestFirst([...kept.filter((r) => !fresh.has(r.id)), ...page.runs]),
        counts: page.counts,
        cursor: last ? last.createdAt : older ? cursor : null,
        hasOlder: page.runs.length === limit,
        status: 'ready',
      });
    } catch (error) {
      if (token === latest.list) useRuns.getState().set({ status: 'error', error: describeError(error) });
    }
  })();
  listing = read;
  return read;
}

export function showFilter(client: RpcClient, filter: RunFilter): Promise<void> {
  useRuns.getState().set({ filter, runs: [], cursor: null, hasOlder: false });
  return loadRuns(client);
}

export function showFunction(client: RpcClient, functionId: string | null): Promise<void> {
  useRuns.getState().set({ functionId, runs: [], cursor: null, hasOlder: false });
  return loadRuns(client);
}

export async function loadFunctions(client: RpcClient): Promise<void> {
  useRuns.getState().set({ functionsStatus: 'loading', functionsError: null });
  try {
    useRuns.getState().set({ functions: await client.call('activity.functions'), functionsStatus: 'ready' });
  } catch (error) {
    useRuns.getState().set({ functionsStatus: 'error', functionsError: describeError(error) });
  }
}

export async function loadSources(client: RpcClient): Promise<void> {
  useRuns.getState().set({ sourcesStatus: 'loading', sourcesError: null });
  try {
    useRuns.getState().set({ sources: await client.call('activity.sources'), sourcesStatus: 'ready' });
  } catch (error) {
    useRuns.getState().set({ sourcesStatus: 'error', sourcesError: describeError(error) });
  }
}

/** Polls every connected account now; what each found arrives as runs. False when it failed (a toast says why). */
export async function pollNow(client: RpcClient): Promise<boolean> {
  try {
    useRuns.getState().set({ sources: await client.call('activity.pollNow'), sourcesStatus: 'ready' });
    return true;
  } catch (error) {
    toast('Couldn’t check for new mail and activity.', error);
    return false;
  }
}

export async function loadDigest(client: RpcClient): Promise<void> {
  useRuns.getState().set({ digestStatus: 'loading', digestError: null });
  try {
    useRuns.getState().set({ digest: await client.call('digest.latest'), digestStatus: 'ready' });
  } catch (error) {
    useRuns.getState().set({ digestStatus: 'error', digestError: describeError(error) });
  }
}

/** What the page needs when it opens: the runs, the functions and the latest digest. */
export async function openActivityPage(client: RpcClient): Promise<void> {
  await Promise.all([loadRuns(client), loadFunctions(client), loadSources(client), loadDigest(client)]);
}

/** After a reconnect: what the page had loaded, read again (as many runs as were shown). */
export async function refreshActivity(client: RpcClient): Promise<void> {
  const { runs, functionsStatus, sourcesStatus, digestStatus } = useRuns.getState();
  await Promise.all([
    loadRuns(client, { limit: Math.min(LIST_MAX, Math.max(PAGE_SIZE, runs.length)) }),
    functionsStatus === 'idle' ? undefined : loadFunctions(client),
    sourcesStatus === 'idle' ? undefined : loadSources(client),
    digestStatus === 'idle' ? undefined : loadDigest(client),
  ]);
}

/** A pushed run: shown at once; counts are read again when the page had not seen it before. */
export function applyRun(client: RpcClient, run: RunView): void {
  const { counted } = useRuns.getState().upsert(run);
  if (counted || useRuns.getState().status === 'idle') return;
  const token = ++latest.counts;
  setTimeout(() => {
    if (token !== latest.counts) return;
    client
      .call('activity.runs', { limit: 1 })
      .then(({ counts }) => {
        if (token === latest.counts) useRuns.getState().set({ counts });
      })
      .catch((error: unknown) => toast('Couldn’t count the runs.', error));
  }, COUNTS_DELAY_MS);
}

export function toggleRun(id: string): void {
  const { expandedId } = useRuns.getState();
  useRuns.getState().set({ expandedId: expandedId === id ? null : id });
}

/** Shows a run the page was sent to (a new run, a notification's): in the list, open, in view. */
async function reveal(client: RpcClient, run: RunView): Promise<void> {
  const store = useRuns.getState();
  store.set({ tab: 'runs' });
  if (!store.runs.some((r) => r.id === run.id) && !store.matches(run)) {
    store.set({ filter: 'all', functionId: null, runs: [], cursor: null, hasOlder: false });
    await loadRuns(client);
  }
  useRuns.getState().upsert(run);
  useRuns.getState().set({ expandedId: run.id, revealId: run.id });
}

export async function cancelRun(client: RpcClient, run: RunView): Promise<boolean> {
  try {
    useRuns.getState().upsert(await client.call('activity.cancel', { id: run.id }));
    return true;
  } catch (error) {
    toast(`Couldn’t cancel “${run.functionName}”.`, error);
    return false;
  }
}

/** Replays a finished run as a new run, which opens in the list. */
export async function replayRun(client: RpcClient, run: RunView): Promise<boolean> {
  try {
    await reveal(client, await client.call('activity.replay', { id: run.id }));
    return true;
  } catch (error) {
    toast(`Couldn’t replay “${run.functionName}”.`, error);
    return false;
  }
}

/** Runs a function now; its run opens in the list. */
export async function runNow(client: RpcClient, functionId: string, name: string): Promise<boolean> {
  try {
    await reveal(client, await client.call('activity.runNow', { functionId }));
    return true;
  } catch (error) {
    toast(`Couldn’t start “${name}”.`, error);
    return false;
  }
}

/**
 * Where a notification leads: `digest` opens the Digest tab; anything else is a run id, shown open
 * in the list (read from the core if the page does not hold it).
 */
export async function openTarget(client: RpcClient, target: string): Promise<void> {
  if (target === 'digest') {
    useRuns.getState().set({ tab: 'digest' });
    return;
  }
  useRuns.getState().set({ tab: 'runs' });
  await listing;
  try {
    const shown = useRuns.getState().runs.find((r) => r.id === target);
    await reveal(client, shown ?? (await client.call('activity.run', { id: target })));
  } catch (error) {
    toast('Couldn’t open that run.', error);
  }
}

export async function loadUnread(client: RpcClient): Promise<void> {
  try {
    const { unread } = await client.call('notifications.list', { unreadOnly: true, limit: 1 });
    useRuns.getState().set({ unread });
  } catch (error) {
    toast('Couldn’t read the notifications.', error);
  }
}

export async function markNotificationsRead(client: RpcClient): Promise<void> {
  try {
    const { unread } = await client.call('notifications.read', {});
    useRuns.getState().set({ unread });
  } catch (error) {
    toast('Couldn’t mark the notifications read.', error);
  }
}

let nextToast = 1;

function toast(title: string, error: unknown): void {
  useToasts.getState().push({ id: `activity-${nextToast++}`, title, body: describeError(error), target: null });
}
