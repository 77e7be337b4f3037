import { create } from 'zustand';
import type { EventPayload } from '../../../shared';

export type ReplyActivity = Omit<EventPayload<'chat.activity'>, 'threadId'>;

interface ActivityStore {
  /** What each thread's running reply is doing now; absent once it went idle. */
  byThread: Record<string, ReplyActivity | undefined>;
  /**
   * Notices worth keeping beside a reply after it finished (older messages were summarized, a
   * fallback model answered), by message id. Retry notices are transient and not kept.
   */
  notes: Record<string, string | undefined>;
  apply(activity: EventPayload<'chat.activity'>): void;
  clear(): void;
}

export const useActivity = create<ActivityStore>()((set) => ({
  byThread: {},
  notes: {},
  apply: ({ threadId, ...activity }) =>
    set((s) => {
      const byThread = { ...s.byThread, [threadId]: activity.state === 'idle' ? undefined : activity };
      const keep = activity.state === 'thinking' && activity.notice && activity.messageId;
      return { byThread, notes: keep ? { ...s.notes, [activity.messageId as string]: activity.notice as string } : s.notes };
    }),
  // After a reconnect the events in between are gone; the reloaded messages tell what is running.
  clear: () => set({ byThread: {} }),
}));
