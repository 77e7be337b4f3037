import { create } from 'zustand';
import type { AuditEntry, AuditFilter, AuditVerification, ChainLink } from '../../../shared';
import type { LoadStatus } from './threads';

export type TimeRange = 'hour' | 'day' | 'week' | 'all';

/** The filters as the page shows them; empty text and '' choices mean "any". */
export interface AuditFilters {
  range: TimeRange;
  action: string;
  mode: '' | NonNullable<AuditFilter['mode']>;
  persona: '' | NonNullable<AuditFilter['persona']>;
  outcome: '' | NonNullable<AuditFilter['outcome']>;
  q: string;
}

export const NO_FILTERS: AuditFilters = { range: 'all', action: '', mode: '', persona: '', outcome: '', q: '' };

interface AuditStore {
  filters: AuditFilters;
  /** The filter the list on screen answers (its time window fixed when it was read), for paging and export. */
  query: AuditFilter;
  /** Newest first. */
  entries: AuditEntry[];
  /** How many entries match the filter in all. */
  total: number;
  status: LoadStatus;
  error: string | null;
  /** The entry open in the detail view (it may be one the list does not hold: a link in a chain). */
  selected: AuditEntry | null;
  chain: ChainLink[];
  chainStatus: LoadStatus;
  chainError: string | null;
  verification: AuditVerification | null;
  verifyStatus: LoadStatus;
  verifyError: string | null;
  set(change: Partial<Omit<AuditStore, 'set'>>): void;
}

export const useAudit = create<AuditStore>()((set) => ({
  filters: NO_FILTERS,
  query: {},
  entries: [],
  total: 0,
  status: 'idle',
  error: null,
  selected: null,
  chain: [],
  chainStatus: 'idle',
  chainError: null,
  verification: null,
  verifyStatus: 'idle',
  verifyError: null,
  set: (change) => set(change),
}));
