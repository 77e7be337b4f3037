import { RpcError, type Approval, type RpcClient } from '../../../../shared';
import { useApprovals, type ApprovalFocus } from '../../stores/approvals';
import { describeError } from '../../stores/banners';
import { useToasts } from '../../stores/toasts';
import { payloadProblem, type PayloadProblem } from './payload-draft';

/**
 * The Approvals page over the RPC client. Every decision names the exact item (and, to approve, the
 * hash of the payload on screen); the core refuses a decision on anything that changed since. Answers
 * and `approvals.changed` pushes (app/use-core-sync.ts) update the store; the pending count comes
 * from `approvals.list` and `approvals.pending`. A refused decision comes back as a sentence for the
 * item it was about.
 */

/** The most recent decided items shown under Recent. */
const RECENT_LIMIT = 100;
/** The most `approvals.list` gives at once: every waiting item is shown, however many were decided since. */
const PENDING_LIMIT = 200;

const latest = { list: 0 };
/** The list being read now, for a notification's item to wait on (so the answer does not drop it). */
let listing: Promise<void> = Promise.resolve();

export function loadApprovals(client: RpcClient): Promise<void> {
  const token = ++latest.list;
  if (useApprovals.getState().status !== 'ready') useApprovals.getState().set({ status: 'loading', error: null });
  const read = (async () => {
    try {
      const [waiting, recent] = await Promise.all([
        client.call('approvals.list', { status: ['pending'], limit: PENDING_LIMIT }),
        client.call('approvals.list', { limit: RECENT_LIMIT }),
      ]);
      if (token !== latest.list) return;
      // An item decided between the two answers shows once, decided.
      const decided = recent.approvals.filter((a) => a.status !== 'pending');
      const decidedIds = new Set(decided.map((a) => a.id));
      const approvals = [...waiting.approvals.filter((a) => !decidedIds.has(a.id)), ...decided];
      useApprovals.getState().set({ approvals, pending: waiting.pending, status: 'ready', error: null });
    } catch (error) {
      if (token === latest.list) useApprovals.getState().set({ status: 'error', error: describeError(error) });
    }
  })();
  listing = read;
  return read;
}

/** Only the count, for the sidebar, while the page has not been opened. */
export async function loadPendingCount(client: RpcClient): Promise<void> {
  try {
    const { pending } = await client.call('approvals.list', { status: ['pending'], limit: 1 });
    useApprovals.getState().set({ pending });
  } catch (error) {
    toast('Couldn’t count the approvals waiting for you.', error);
  }
}

/**
 * After a (re)connect: the list if the page has shown it, otherwise just the count. A list still
 * loading (the page opening as the app connects) is current already, and brings the count.
 */
export async function refreshApprovals(client: RpcClient): Promise<void> {
  const { status } = useApprovals.getState();
  if (status === 'idle') await loadPendingCount(client);
  else if (status !== 'loading') await loadApprovals(client);
}

/**
 * Approves exactly the payload shown. `grantDays` also lets Izzie take actions of this class for
 * that long. False when the core refused: its reason is kept for the item, and the item is read
 * again so what the page shows is current.
 */
export function approve(client: RpcClient, approval: Approval, grantDays?: number): Promise<boolean> {
  return decide(client, approval, 'undo', () =>
    client.call('approvals.approve', {
      id: approval.id,
      payloadHash: approval.payloadHash,
      ...(grantDays === undefined ? {} : { grantDays }),
    }),
  );
}

export function deny(client: RpcClient, approval: Approval, reason: string): Promise<boolean> {
  return decide(client, approval, 'item', () => client.call('approvals.deny', { id: approval.id, reason }));
}

/** Stops an approved action inside its undo window: back to the queue (or cancelled, when a grant approved it). */
export function undo(client: RpcClient, approval: Approval): Promise<boolean> {
  return decide(client, approval, 'item', () => client.call('approvals.undo', { id: approval.id }));
}

async function decide(
  client: RpcClient,
  approval: Approval,
  focusOn: ApprovalFocus['on'],
  call: () => Promise<Approval>,
): Promise<boolean> {
  useApprovals.getState().setProblem(approval.id, null);
  try {
    const decided = await call();
    useApprovals.getState().upsert(decided);
    // An action sent at once (no undo window) has no Undo to focus.
    const on = focusOn === 'undo' && decided.status !== 'approved' ? 'item' : focusOn;
    useApprovals.getState().set({ focus: { id: decided.id, on, highlight: false } });
    return true;
  } catch (error) {
    if (error instanceof RpcError && error.code === 'CONFLICT') await reread(client, approval.id);
    useApprovals.getState().setProblem(approval.id, describeError(error));
    return false;
  }
}

/** Saves the edited payload as a new item that needs its own approval; the new item, or what is wrong. */
export async function saveEdit(
  client: RpcClient,
  approval: Approval,
  payload: Record<string, unknown>,
  keys: readonly string[],
): Promise<Approval | PayloadProblem> {
  useApprovals.getState().setProblem(approval.id, null);
  try {
    const edited = await client.call('approvals.edit', { id: approval.id, payload });
    useApprovals.getState().upsert(edited);
    useApprovals.getState().set({ focus: { id: edited.id, on: 'item', highlight: false } });
    return edited;
  } catch (error) {
    if (error instanceof RpcError && error.code === 'CONFLICT') await reread(client, approval.id);
    return payloadProblem(error, keys);
  }
}

/** A notification's item: shown in its list, in view, focused and flashed (read from the core if the page does not hold it). */
export async function openApproval(client: RpcClient, id: string): Promise<void> {
  await listing;
  try {
    const shown = useApprovals.getState().approvals.find((a) => a.id === id);
    useApprovals.getState().upsert(shown ?? (await client.call('approvals.get', { id })));
    useApprovals.getState().set({ focus: { id, on: 'item', highlight: true } });
  } catch (error) {
    toast('Couldn’t open that approval.', error);
  }
}

/** After a refusal the item on screen may be out of date: show the core's current version. */
async function reread(client: RpcClient, id: string): Promise<void> {
  try {
    useApprovals.getState().upsert(await client.call('approvals.get', { id }));
  } catch {
    // The refusal itself is shown; a failed re-read leaves the item as it was.
  }
}

let nextToast = 1;

function toast(title: string, error: unknown): void {
  useToasts.getState().push({ id: `approvals-${nextToast++}`, title, body: describeError(error), target: null });
}
