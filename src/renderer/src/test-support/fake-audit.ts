import { auditCsv, RpcError, type AuditEntry, type AuditFilter, type AuditVerification, type ChainLink } from '../../../shared';
import type { Handlers } from './fake-models';
import { payloadHash } from './fake-payload';

export interface FakeAuditOptions {
  /** The log, oldest first, chained as `auditLog` chains them. */
  entries?: AuditEntry[];
  /** The "why did Izzie do this?" chain of an entry, by sequence number; built from the traces otherwise. */
  chains?: Record<number, ChainLink[]>;
}

const GENESIS = '0'.repeat(64);

type Fields = Omit<AuditEntry, 'seq' | 'hash' | 'prevHash'>;

/**
 * The audit log behind the fake core, read like the core reads it: newest first, filtered by time,
 * action (a prefix when it ends in "."), mode, persona, outcome and words anywhere, `total` over the
 * whole filter and `before` paging back. `audit.verify` walks the chain as the core does, so a test
 * that edits, deletes or reorders `state.entries` (or cuts off the newest) finds it named.
 */
export function createFakeAudit(clock: () => number, options: FakeAuditOptions = {}) {
  const entries = [...(options.entries ?? [])];
  const state = {
    entries,
    chains: { ...options.chains },
    /** The newest entry as it was written (the core's `audit_head`). */
    head: entries.at(-1) ?? null,
  };

  function requireEntry(seq: number): AuditEntry {
    const found = state.entries.find((e) => e.seq === seq);
    if (!found) throw new RpcError('NOT_FOUND', `There is no audit entry ${seq}.`);
    return found;
  }

  function find(filter: AuditFilter & { before?: number | undefined }): { matching: AuditEntry[]; total: number } {
    const words = (filter.q ?? '').toLowerCase().split(/\s+/).filter(Boolean);
    const matching = state.entries
      .filter((e) => {
        const action = filter.action;
        const text = [e.action, e.input, e.output, e.error, e.model, JSON.stringify(e.trace)].join(' ').toLowerCase();
        return (
          (filter.from === undefined || e.at >= filter.from) &&
          (filter.to === undefined || e.at <= filter.to) &&
          (!action || (action.endsWith('.') ? e.action.startsWith(action) : e.action === action)) &&
          (!filter.mode || e.mode === filter.mode) &&
          (!filter.persona || e.persona === filter.persona) &&
          (!filter.outcome || e.success === (filter.outcome === 'success')) &&
          words.every((word) => text.includes(word))
        );
      })
      .sort((a, b) => b.seq - a.seq);
    const before = filter.before;
    return { matching: before === undefined ? matching : matching.filter((e) => e.seq < before), total: matching.length };
  }

  function verify(): AuditVerification {
    const checkedAt = clock();
    const rows = [...state.entries].sort((a, b) => a.seq - b.seq);
    const broken = (brokenAt: number, reason: string): AuditVerification => ({
      ok: false,
      entries: rows.length,
      checkedAt,
      brokenAt,
      reason,
    });
    let prev = GENESIS;
    let prevSeq = 0;
    for (const row of rows) {
      if (row.prevHash !== prev) {
        if (row.seq !== prevSeq + 1) {
          return broken(prevSeq + 1, `entry ${prevSeq + 1} was deleted (entry ${row.seq} does not follow entry ${prevSeq})`);
        }
        return broken(row.seq, `entry ${row.seq} does not follow the entry before it`);
      }
      if (entryHash(row.prevHash, row) !== row.hash) return broken(row.seq, `entry ${row.seq} was modified after it was written`);
      prev = row.hash;
      prevSeq = row.seq;
    }
    if (state.head && state.head.seq !== prevSeq) {
      return broken(
        prevSeq + 1,
        `the newest entries were deleted: the log ends at entry ${prevSeq}, but entry ${state.head.seq} was written`,
      );
    }
    return { ok: true, entries: rows.length, checkedAt };
  }

  /** The links the core would follow: the trace's event, run and chat, then every entry sharing its ids. */
  function chainOf(entry: AuditEntry): ChainLink[] {
    const { trace } = entry;
    const links: ChainLink[] = [];
    if (trace.eventId) links.push(link('event', `Event ${trace.eventId}`, null));
    if (trace.threadId) links.push(link('message', 'Chat message', { page: 'chat', id: trace.threadId }));
    if (trace.runId) links.push(link('run', `Run ${trace.runId}`, { page: 'activity', id: trace.runId }));
    const shared = (e: AuditEntry) =>
      (['runId', 'toolCallId', 'approvalId'] as const).some((key) => trace[key] !== undefined && e.trace[key] === trace[key]);
    for (const e of state.entries.filter((other) => other.seq === entry.seq || shared(other)).sort((a, b) => a.seq - b.seq)) {
      links.push({ kind: kindOf(e.action), title: e.action, detail: e.error ?? e.output, at: e.at, seq: e.seq, target: null });
    }
    return links;
  }

  const handlers: Pick<Handlers, 'audit.list' | 'audit.entry' | 'audit.verify' | 'audit.chain' | 'audit.export'> = {
    'audit.list': ({ limit = 100, ...filter }) => {
      const { matching, total } = find(filter);
      return { entries: matching.slice(0, limit), total };
    },
    'audit.entry': ({ seq }) => requireEntry(seq),
    'audit.verify': verify,
    'audit.chain': ({ seq }) => state.chains[seq] ?? chainOf(requireEntry(seq)),
    'audit.export': ({ format, ...filter }) => {
      // Oldest first, as the core writes the file.
      const entries = find(filter).matching.reverse();
      const stamp = new Date(clock()).toISOString().slice(0, 19).replace(/[:T]/g, '-');
      return format === 'json'
        ? {
            filename: `izzie-audit-${stamp}.json`,
            mimeType: 'application/json',
            content: JSON.stringify(entries, null, 2),
            entries: entries.length,
          }
        : { filename: `izzie-audit-${stamp}.csv`, mimeType: 'text/csv', content: auditCsv(entries), entries: entries.length };
    },
  };

  return { handlers, state };
}

function link(kind: ChainLink['kind'], title: string, target: ChainLink['target']): ChainLink {
  return { kind, title, detail: null, at: null, seq: null, target };
}

function kindOf(action: string): ChainLink['kind'] {
  if (action.startsWith('model.')) return 'model';
  if (action.startsWith('tool.')) return 'tool_call';
  if (action.startsWith('policy.')) return 'policy';
  if (action.startsWith('approval.') || action.startsWith('approvals.')) return 'approval';
  if (action.startsWith('proxy.')) return 'effect';
  return 'step';
}

/** The fake's stand-in for the core's entry hash: its fields and the hash before it. */
function entryHash(prevHash: string, entry: AuditEntry): string {
  const { seq: _seq, hash: _hash, prevHash: _prev, ...fields } = entry;
  return payloadHash({ prevHash, ...fields });
}

/** A successful model call by Izzie; override anything. */
export function auditEntry(overrides: Partial<Fields> = {}): Fields {
  return {
    id: crypto.randomUUID(),
    at: Date.now() - 60_000,
    actor: 'izzie',
    action: 'model.call',
    mode: 'assistant',
    persona: 'work',
    input: null,
    output: null,
    model: null,
    tokensIn: null,
    tokensOut: null,
    latencyMs: null,
    costUsd: null,
    success: true,
    error: null,
    trace: {},
    ...overrides,
  };
}

/** Entries in the order written, numbered from 1 and hash-chained like the core's log. */
export function auditLog(written: Fields[]): AuditEntry[] {
  let prevHash = GENESIS;
  return written.map((fields, i) => {
    const entry: AuditEntry = { ...fields, seq: i + 1, prevHash, hash: '' };
    entry.hash = entryHash(prevHash, entry);
    prevHash = entry.hash;
    return entry;
  });
}
