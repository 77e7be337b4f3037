import { create } from 'zustand';
import type { Thread } from '../../../shared';

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

interface ThreadsStore {
  /** In `threads.list` order: most recently active first. */
  threads: Thread[];
  status: LoadStatus;
  setStatus(status: LoadStatus): void;
  setAll(threads: Thread[]): void;
  upsert(thread: Thread): void;
  remove(id: string): void;
}

export const useThreads = create<ThreadsStore>()((set) => ({
  threads: [],
  status: 'idle',
  setStatus: (status) => set({ status }),
  setAll: (threads) => set({ threads, status: 'ready' }),
  upsert: (thread) => set((s) => ({ threads: sortByActivity([thread, ...s.threads.filter((t) => t.id !== thread.id)]) })),
  remove: (id) => set((s) => ({ threads: s.threads.filter((t) => t.id !== id) })),
}));

/** Same order as the core's `threads.list` (updatedAt, newest first); ties keep their place. */
function sortByActivity(threads: Thread[]): Thread[] {
  return [...threads].sort((a, b) => b.updatedAt - a.updatedAt);
}
