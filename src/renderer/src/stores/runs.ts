import { create } from 'zustand';
import type { Digest, FunctionView, RunStatus, RunView, SourceView } from '../../../shared';
import type { LoadStatus } from './threads';

/** The Activity page's status chips and the statuses each lists. */
export type RunFilter = 'all' | 'active' | 'failed' | 'completed';

export const FILTER_STATUSES: Record<RunFilter, readonly RunStatus[] | null> = {
  all: null,
  active: ['queued', 'running', 'sleeping'],
  failed: ['failed'],
  completed: ['completed'],
};

export type ActivityTab = 'runs' | 'digest';

export const NO_COUNTS: Record<RunStatus, number> = {
  queued: 0,
  running: 0,
  sleeping: 0,
  completed: 0,
  failed: 0,
  cancelled: 0,
};

interface RunsStore {
  tab: ActivityTab;
  /** Newest first (createdAt, as the core lists them), only those the filters let through. */
  runs: RunView[];
  /** Runs of each status over every run, whatever the filters. */
  counts: Record<RunStatus, number>;
  status: LoadStatus;
  error: string | null;
  /** `before` for "Show older": the createdAt of the last run the last page held; null when there is none. */
  cursor: number | null;
  /** The last page was full, so older runs may exist. */
  hasOlder: boolean;
  filter: RunFilter;
  /** Null: every function. */
  functionId: string | null;
  functions: FunctionView[];
  functionsStatus: LoadStatus;
  functionsError: string | null;
  /** The pollers of connected accounts and how their polls go. */
  sources: SourceView[];
  sourcesStatus: LoadStatus;
  sourcesError: string | null;
  digest: Digest | null;
  digestStatus: LoadStatus;
  digestError: string | null;
  /** The run whose steps are open. */
  expandedId: string | null;
  /** A run to bring into view once it shows (a notification's target). */
  revealId: string | null;
  /** Unread notifications; 0 until known. */
  unread: number;
  set(change: Partial<Omit<RunsStore, 'set' | 'upsert' | 'matches'>>): void;
  /** Whether the run belongs in the list under the current filters. */
  matches(run: RunView): boolean;
  /**
   * A run changed or appeared. One shown is replaced in place; a new one is added in order if the
   * filters let it through. Counts follow a run already known; the result says whether they could.
   */
  upsert(run: RunView): { counted: boolean };
}

export const useRuns = create<RunsStore>()((set, get) => ({
  tab: 'runs',
  runs: [],
  counts: NO_COUNTS,
  status: 'idle',
  error: null,
  cursor: null,
  hasOlder: false,
  filter: 'all',
  functionId: null,
  functions: [],
  functionsStatus: 'idle',
  functionsError: null,
  sources: [],
  sourcesStatus: 'idle',
  sourcesError: null,
  digest: null,
  digestStatus: 'idle',
  digestError: null,
  expandedId: null,
  revealId: null,
  unread: 0,
  set: (change) => set(change),
  matches: (run) => {
    const { filter, functionId } = get();
    const statuses = FILTER_STATUSES[filter];
    return (statuses === null || statuses.includes(run.status)) && (functionId === null || run.functionId === functionId);
  },
  upsert: (run) => {
    const { runs, counts, matches } = get();
    const shown = runs.find((r) => r.id === run.id);
    if (shown) {
      const next = runs.map((r) => (r.id === run.id ? run : r));
      set({ runs: next, counts: shown.status === run.status ? counts : moveCount(counts, shown.status, run.status) });
      return { counted: true };
    }
    if (matches(run)) set({ runs: newestFirst([...runs, run]) });
    return { counted: false };
  },
}));

/** The core's order: createdAt, newest first, then id. */
export function newestFirst(runs: RunView[]): RunView[] {
  return [...runs].sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
}

function moveCount(counts: Record<RunStatus, number>, from: RunStatus, to: RunStatus): Record<RunStatus, number> {
  return { ...counts, [from]: Math.max(0, counts[from] - 1), [to]: counts[to] + 1 };
}
