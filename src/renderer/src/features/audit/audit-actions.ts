import type { AuditEntry, AuditFilter, RpcClient } from '../../../../shared';
import { useAudit, type AuditFilters, type TimeRange } from '../../stores/audit';
import { describeError } from '../../stores/banners';
import { useToasts } from '../../stores/toasts';
import { downloadText } from './download';

/**
 * The Audit page over the RPC client: the filtered log a page at a time, an entry's detail and the
 * chain that explains it, the hash-chain check, and export. Only the newest answer for each view is
 * applied, so a slow one never overwrites a fresher one (typing in the search box asks often).
 */

const PAGE_SIZE = 100;

const RANGES: Record<TimeRange, number | null> = {
  hour: 3_600_000,
  day: 86_400_000,
  week: 7 * 86_400_000,
  all: null,
};

const latest = { list: 0, chain: 0, verify: 0 };

/** The contract's filter for what the page shows; the time window ends now. */
export function toQuery(filters: AuditFilters, now = Date.now()): AuditFilter {
  const span = RANGES[filters.range];
  const action = filters.action.trim();
  const q = filters.q.trim();
  return {
    ...(span === null ? {} : { from: now - span }),
    ...(action ? { action } : {}),
    ...(filters.mode ? { mode: filters.mode } : {}),
    ...(filters.persona ? { persona: filters.persona } : {}),
    ...(filters.outcome ? { outcome: filters.outcome } : {}),
    ...(q ? { q } : {}),
  };
}

/** Reads the newest page under the filters, or (`older`) the page before the oldest shown. */
export async function loadEntries(client: RpcClient, { older = false } = {}): Promise<void> {
  const token = ++latest.list;
  const store = useAudit.getState();
  const query = older ? store.query : toQuery(store.filters);
  const before = older ? store.entries.at(-1)?.seq : undefined;
  useAudit.getState().set({ status: 'loading', error: null, query });
  try {
    const page = await client.call('audit.list', { ...query, ...(before === undefined ? {} : { before }), limit: PAGE_SIZE });
    if (token !== latest.list) return;
    const kept = older ? useAudit.getState().entries : [];
    useAudit.getState().set({ entries: [...kept, ...page.entries], total: page.total, status: 'ready' });
  } catch (error) {
    if (token === latest.list) useAudit.getState().set({ status: 'error', error: describeError(error) });
  }
}

/** Changes filters and reads the list again from the newest entry. */
export function applyFilters(client: RpcClient, change: Partial<AuditFilters>): Promise<void> {
  useAudit.getState().set({ filters: { ...useAudit.getState().filters, ...change }, entries: [], total: 0 });
  return loadEntries(client);
}

export async function verifyChain(client: RpcClient): Promise<void> {
  const token = ++latest.verify;
  useAudit.getState().set({ verifyStatus: 'loading', verifyError: null });
  try {
    const verification = await client.call('audit.verify');
    if (token === latest.verify) useAudit.getState().set({ verification, verifyStatus: 'ready' });
  } catch (error) {
    if (token === latest.verify) useAudit.getState().set({ verifyStatus: 'error', verifyError: describeError(error) });
  }
}

/** Opens an entry in the detail view (read from the core when only its number is known) with its chain. */
export async function selectEntry(client: RpcClient, target: AuditEntry | number): Promise<void> {
  const token = ++latest.chain;
  const seq = typeof target === 'number' ? target : target.seq;
  const shown = typeof target === 'number' ? useAudit.getState().entries.find((e) => e.seq === seq) : target;
  useAudit.getState().set({ selected: shown ?? null, chain: [], chainStatus: 'loading', chainError: null });
  try {
    const [entry, chain] = await Promise.all([
      shown ? Promise.resolve(shown) : client.call('audit.entry', { seq }),
      client.call('audit.chain', { seq }),
    ]);
    if (token === latest.chain) useAudit.getState().set({ selected: entry, chain, chainStatus: 'ready' });
  } catch (error) {
    if (token !== latest.chain) return;
    useAudit.getState().set({ chainStatus: 'error', chainError: describeError(error) });
    // Nothing is open to show the problem in (an entry that was deleted, say): say it in a toast.
    if (!shown) toast(`Couldn’t open entry ${seq}.`, error);
  }
}

export function closeEntry(): void {
  latest.chain++;
  useAudit.getState().set({ selected: null, chain: [], chainStatus: 'idle', chainError: null });
}

/** What the page needs when it opens: the check and the list (kept filters, read again). */
export async function openAuditPage(client: RpcClient): Promise<void> {
  await Promise.all([verifyChain(client), loadEntries(client)]);
}

/** After a reconnect: what the page had shown, read again (one still loading is current already). */
export async function refreshAudit(client: RpcClient): Promise<void> {
  if (!['ready', 'error'].includes(useAudit.getState().status)) return;
  await openAuditPage(client);
}

/** The entries the list shows (all of them, not just the loaded pages) saved as a file. The file's name, or null. */
export async function exportLog(
  client: RpcClient,
  format: 'json' | 'csv',
): Promise<{ filename: string; entries: number } | null> {
  try {
    const file = await client.call('audit.export', { ...useAudit.getState().query, format });
    downloadText(file.filename, file.mimeType, file.content);
    return { filename: file.filename, entries: file.entries };
  } catch (error) {
    toast(`Couldn’t export the audit log as ${format.toUpperCase()}.`, error);
    return null;
  }
}

let nextToast = 1;

function toast(title: string, error: unknown): void {
  useToasts.getState().push({ id: `audit-${nextToast++}`, title, body: describeError(error), target: null });
}
