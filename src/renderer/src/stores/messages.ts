import { create } from 'zustand';
import type { Message } from '../../../shared';
import type { LoadStatus } from './threads';

export type DeliveryNotice = NonNullable<Message['deliveryError']>;

export interface ThreadMessages {
  /** Oldest first, as `messages.list` returns them. */
  messages: Message[];
  nextBefore: number | null;
  status: LoadStatus;
  loadingEarlier: boolean;
}

interface MessagesStore {
  byThread: Record<string, ThreadMessages>;
  /** Threads with a `messages.send` in progress. */
  sending: Record<string, boolean>;
  /** A delivery problem the core reported without attaching it to a stored message. */
  notices: Record<string, DeliveryNotice | undefined>;
  setLoading(threadId: string): void;
  setFailed(threadId: string): void;
  setLatestPage(threadId: string, messages: Message[], nextBefore: number | null): void;
  setLoadingEarlier(threadId: string, loading: boolean): void;
  prependPage(threadId: string, messages: Message[], nextBefore: number | null): void;
  upsert(message: Message): void;
  /** Streamed reply text (`chat.delta`), appended in arrival order. */
  appendDelta(threadId: string, messageId: string, delta: string): void;
  remove(threadId: string, messageIds: readonly string[]): void;
  setSending(threadId: string, sending: boolean): void;
  setNotice(threadId: string, notice: DeliveryNotice | undefined): void;
  forget(threadId: string): void;
  forgetAllExcept(threadId: string | null): void;
}

const EMPTY: ThreadMessages = { messages: [], nextBefore: null, status: 'idle', loadingEarlier: false };

export const useMessages = create<MessagesStore>()((set) => {
  const patch = (threadId: string, change: (current: ThreadMessages) => Partial<ThreadMessages>) =>
    set((s) => {
      const current = s.byThread[threadId] ?? EMPTY;
      return { byThread: { ...s.byThread, [threadId]: { ...current, ...change(current) } } };
    });
  return {
    byThread: {},
    sending: {},
    notices: {},
    setLoading: (threadId) => patch(threadId, () => ({ status: 'loading' })),
    setFailed: (threadId) => patch(threadId, () => ({ status: 'error' })),
    setLatestPage: (threadId, messages, nextBefore) =>
      patch(threadId, () => ({ messages, nextBefore, status: 'ready', loadingEarlier: false })),
    setLoadingEarlier: (threadId, loadingEarlier) => patch(threadId, () => ({ loadingEarlier })),
    prependPage: (threadId, messages, nextBefore) =>
      patch(threadId, (current) => ({ messages: merge(messages, current.messages), nextBefore, loadingEarlier: false })),
    upsert: (message) =>
      set((s) => {
        const current = s.byThread[message.threadId];
        // A thread that was never loaded gets its messages when it is opened.
        if (!current || current.status !== 'ready') return s;
        return { byThread: { ...s.byThread, [message.threadId]: { ...current, messages: merge(current.messages, [message]) } } };
      }),
    appendDelta: (threadId, messageId, delta) =>
      set((s) => {
        const current = s.byThread[threadId];
        const index = current?.messages.findIndex((m) => m.id === messageId) ?? -1;
        const target = current?.messages[index];
        if (!current || !target) return s;
        const messages = [...current.messages];
        messages[index] = { ...target, content: target.content + delta };
        return { byThread: { ...s.byThread, [threadId]: { ...current, messages } } };
      }),
    remove: (threadId, messageIds) =>
      set((s) => {
        const current = s.byThread[threadId];
        if (!current) return s;
        const messages = current.messages.filter((m) => !messageIds.includes(m.id));
        return { byThread: { ...s.byThread, [threadId]: { ...current, messages } } };
      }),
    setSending: (threadId, sending) => set((s) => ({ sending: { ...s.sending, [threadId]: sending } })),
    setNotice: (threadId, notice) => set((s) => ({ notices: { ...s.notices, [threadId]: notice } })),
    forget: (threadId) =>
      set((s) => ({ byThread: Object.fromEntries(Object.entries(s.byThread).filter(([id]) => id !== threadId)) })),
    forgetAllExcept: (threadId) =>
      set((s) => {
        const kept = threadId ? s.byThread[threadId] : undefined;
        return { byThread: kept && threadId ? { [threadId]: kept } : {} };
      }),
  };
});

/** Union by id (later copies win), ordered by creation time like the core orders them. */
function merge(older: Message[], newer: Message[]): Message[] {
  const byId = new Map<string, Message>();
  for (const message of [...older, ...newer]) byId.set(message.id, message);
  return [...byId.values()].sort((a, b) => a.createdAt - b.createdAt);
}
