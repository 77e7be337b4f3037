import { create } from 'zustand';
import type { Approval } from '../../../shared';
import type { LoadStatus } from './threads';

/**
 * Where focus goes once an item shows in its new place: the item itself (opened from a
 * notification, an edit saved, an undo, a denial) or its Undo button (just approved). Items move
 * between the queue and Recent as they change, so focus cannot simply stay on the button pressed.
 */
export interface ApprovalFocus {
  id: string;
  on: 'item' | 'undo';
  /** Flash the item too (a notification's target). */
  highlight: boolean;
}

interface ApprovalsStore {
  /** The items the core listed, with every pushed change applied. */
  approvals: Approval[];
  /** Items waiting for the person, over all of them (the sidebar badge). */
  pending: number;
  status: LoadStatus;
  error: string | null;
  focus: ApprovalFocus | null;
  /**
   * Why the last decision on an item was refused, by item id. Kept here, not in the item's card: a
   * refused item may move to the other list (it was decided elsewhere), and the reason must move with it.
   */
  problems: Record<string, string | undefined>;
  set(change: Partial<Pick<ApprovalsStore, 'approvals' | 'pending' | 'status' | 'error' | 'focus'>>): void;
  setProblem(id: string, problem: string | null): void;
  /** An item changed or appeared (a push, an answer); the newest version wins. */
  upsert(approval: Approval): void;
}

export const useApprovals = create<ApprovalsStore>()((set) => ({
  approvals: [],
  pending: 0,
  status: 'idle',
  error: null,
  focus: null,
  problems: {},
  set: (change) => set(change),
  setProblem: (id, problem) => set((s) => ({ problems: { ...s.problems, [id]: problem ?? undefined } })),
  upsert: (approval) =>
    set((s) => {
      const shown = s.approvals.some((a) => a.id === approval.id);
      return { approvals: shown ? s.approvals.map((a) => (a.id === approval.id ? approval : a)) : [approval, ...s.approvals] };
    }),
}));

/**
 * The queue, oldest request first. An edit takes the place of the item it replaced (it keeps the
 * original request's place), so saving an edit does not send it to the back of the queue.
 */
export function queueOf(approvals: readonly Approval[]): Approval[] {
  const byId = new Map(approvals.map((a) => [a.id, a]));
  const placeOf = (approval: Approval): number => {
    let current = approval;
    for (let hops = 0; current.editedFrom && hops < 50; hops++) {
      const earlier = byId.get(current.editedFrom);
      if (!earlier) break;
      current = earlier;
    }
    return current.createdAt;
  };
  return approvals.filter((a) => a.status === 'pending').sort((a, b) => placeOf(a) - placeOf(b) || a.createdAt - b.createdAt);
}

/** Everything decided, newest decision first: in the undo window, sent, failed, denied, expired, cancelled, edited. */
export function recentOf(approvals: readonly Approval[]): Approval[] {
  const when = (a: Approval) => Math.max(a.executedAt ?? 0, a.decidedAt ?? 0, a.status === 'expired' ? a.expiresAt : a.createdAt);
  return approvals.filter((a) => a.status !== 'pending').sort((a, b) => when(b) - when(a));
}
