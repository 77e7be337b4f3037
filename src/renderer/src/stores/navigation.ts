import { create } from 'zustand';

export const PAGES = ['chat', 'approvals', 'activity', 'memory', 'audit', 'integrations', 'settings'] as const;
export type PageId = (typeof PAGES)[number];

export function isPageId(value: string): value is PageId {
  return (PAGES as readonly string[]).includes(value);
}

interface NavigationStore {
  page: PageId;
  /** The open chat thread; kept while visiting other pages so Chat comes back where it was. */
  threadId: string | null;
  /** An element id to scroll to once the page shows (e.g. Settings → `models`). */
  section: string | null;
  navigate(page: PageId, options?: { section?: string }): void;
  selectThread(threadId: string | null): void;
  clearSection(): void;
}

export const useNavigation = create<NavigationStore>()((set) => ({
  page: 'chat',
  threadId: null,
  section: null,
  navigate: (page, options) => set({ page, section: options?.section ?? null }),
  selectThread: (threadId) => set({ page: 'chat', threadId, section: null }),
  clearSection: () => set({ section: null }),
}));
