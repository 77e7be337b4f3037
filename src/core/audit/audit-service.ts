import type { AuditEntry, AuditFilter, AuditTrace, ChainLink, MethodResult } from '../../shared';
import { AuditTrace as AuditTraceSchema, auditCsv } from '../../shared';
import { CoreError } from '../errors';
import type { AuditRepo, AuditRow } from '../store/audit-repo';
import type { AuditLog } from './audit-log';

const EXPORT_LIMIT = 50_000;
const CHAIN_KEYS = ['approvalId', 'toolCallId', 'runId'] as const;

/** What the chain says about things outside the audit log (the host fills these from its services). */
export interface ChainSources {
  readonly event: (id: string) => Omit<ChainLink, 'seq'> | null;
  readonly classification: (eventId: string) => Omit<ChainLink, 'seq'> | null;
  readonly run: (id: string) => Omit<ChainLink, 'seq'> | null;
  readonly thread: (id: string) => Omit<ChainLink, 'seq'> | null;
}

/** The Audit page's reads: entries by filter, one entry, verification, export and the "why" chain. */
export class AuditService {
  constructor(private readonly deps: { repo: AuditRepo; log: AuditLog; sources: ChainSources; now: () => number }) {}

  list(filter: AuditFilter & { before?: number | undefined }, limit: number): MethodResult<'audit.list'> {
    const { rows, total } = this.deps.repo.find(filter, limit);
    return { entries: rows.map(toEntry), total };
  }

  entry(seq: number): AuditEntry {
    const row = this.deps.repo.get(seq);
    if (!row) throw new CoreError('NOT_FOUND', `There is no audit entry ${seq}.`);
    return toEntry(row);
  }

  verify(): MethodResult<'audit.verify'> {
    return this.deps.log.verify();
  }

  export(filter: AuditFilter, format: 'json' | 'csv'): MethodResult<'audit.export'> {
    const entries = this.deps.repo.find(filter, EXPORT_LIMIT).rows.map(toEntry).reverse();
    const stamp = new Date(this.deps.now()).toISOString().slice(0, 19).replace(/[:T]/g, '-');
    if (format === 'json') {
      return {
        filename: `izzie-audit-${stamp}.json`,
        mimeType: 'application/json',
        content: JSON.stringify(entries, null, 2),
        entries: entries.length,
      };
    }
    return {
      filename: `izzie-audit-${stamp}.csv`,
      mimeType: 'text/csv',
      content: auditCsv(entries),
      entries: entries.length,
    };
  }

  /**
   * "Why did Izzie do this?": from the event that started it (or the chat it happened in), through
   * the run, the tool call and the policy decision, to the approval and the effect. Entries are tied
   * by the ids in their traces: the approval, the tool call, the run.
   */
  chain(seq: number): ChainLink[] {
    const start = this.deps.repo.get(seq);
    if (!start) throw new CoreError('NOT_FOUND', `There is no audit entry ${seq}.`);
    const seen = new Map<number, AuditRow>([[start.seq, start]]);
    const followed = new Set<string>();
    const traces: AuditTrace[] = [];
    const queue: AuditRow[] = [start];
    while (queue.length > 0 && seen.size < 200) {
      const row = queue.shift() as AuditRow;
      const trace = traceOf(row);
      traces.push(trace);
      for (const key of CHAIN_KEYS) {
        const id = trace[key];
        if (!id || followed.has(`${key}:${id}`)) continue;
        followed.add(`${key}:${id}`);
        for (const related of this.deps.repo.byTrace(key, id)) {
          if (seen.has(related.seq)) continue;
          seen.set(related.seq, related);
          queue.push(related);
        }
      }
      // The model calls of the reply that asked for the tool, but not that reply's other tool calls.
      const messageId = trace.messageId;
      if (messageId && !followed.has(`messageId:${messageId}`)) {
        followed.add(`messageId:${messageId}`);
        for (const related of this.deps.repo.byTrace('messageId', messageId)) {
          if (related.action === 'model.call') seen.set(related.seq, related);
        }
      }
    }
    const first = <K extends keyof AuditTrace>(key: K) => traces.find((t) => t[key])?.[key];
    const links: ChainLink[] = [];
    const eventId = first('eventId');
    const runId = first('runId');
    const threadId = first('threadId');
    const add = (link: Omit<ChainLink, 'seq'> | null) => {
      if (link) links.push({ ...link, seq: null });
    };
    if (eventId) {
      add(this.deps.sources.event(eventId));
      add(this.deps.sources.classification(eventId));
    }
    if (runId) add(this.deps.sources.run(runId));
    if (threadId) add(this.deps.sources.thread(threadId));
    for (const row of [...seen.values()].sort((a, b) => a.seq - b.seq)) links.push(linkOf(row));
    return links;
  }
}

function linkOf(row: AuditRow): ChainLink {
  const input = parse(row.input);
  const output = parse(row.output);
  const tool = typeof input?.['tool'] === 'string' ? input['tool'] : null;
  const base = { at: row.at, seq: row.seq, target: null };
  if (row.action === 'policy.decision') {
    return {
      ...base,
      kind: 'policy',
      title: `Policy: ${String(output?.['verdict'] ?? '?')} for ${tool ?? 'a tool'}`,
      detail: str(output?.['why']),
    };
  }
  if (row.action === 'tool.call') {
    return { ...base, kind: 'tool_call', title: `Called ${tool ?? 'a tool'}`, detail: row.success ? null : row.error };
  }
  if (row.action.startsWith('approval.') || row.action === 'grant.created') {
    const trace = traceOf(row);
    return {
      ...base,
      kind: 'approval',
      title: `${row.action.replace('approval.', 'Approval ').replace('grant.created', 'Grant created')} (${tool ?? ''})`,
      detail: str(input?.['why']) ?? str(input?.['reason']),
      target: trace.approvalId ? { page: 'approvals', id: trace.approvalId } : null,
    };
  }
  if (row.action.startsWith('proxy.')) {
    return {
      ...base,
      kind: 'effect',
      title: row.success ? `${tool ?? 'The action'} went out` : `${tool ?? 'The action'} did not go out`,
      detail: row.success ? answerOf(row.output) : row.error,
    };
  }
  if (row.action === 'model.call')
    return { ...base, kind: 'model', title: `Model call (${row.model ?? '?'})`, detail: str(input?.['purpose']) };
  return { ...base, kind: 'step', title: row.action, detail: row.error };
}

export function toEntry(row: AuditRow): AuditEntry {
  return {
    seq: row.seq,
    id: row.id,
    at: row.at,
    actor: row.actor as AuditEntry['actor'],
    action: row.action,
    mode: row.mode as AuditEntry['mode'],
    persona: row.persona as AuditEntry['persona'],
    input: row.input,
    output: row.output,
    model: row.model,
    tokensIn: row.tokens_in,
    tokensOut: row.tokens_out,
    latencyMs: row.latency_ms,
    costUsd: row.cost_usd,
    success: row.success === 1,
    error: row.error,
    trace: traceOf(row),
    hash: row.hash,
    prevHash: row.prev_hash,
  };
}

function traceOf(row: AuditRow): AuditTrace {
  if (!row.trace) return {};
  const parsed = AuditTraceSchema.safeParse(parse(row.trace));
  return parsed.success ? parsed.data : {};
}

/** A proxy action's output is the tool's answer, stored as a JSON string: the answer itself. */
function answerOf(output: string | null): string | null {
  if (output === null) return null;
  try {
    const value: unknown = JSON.parse(output);
    return typeof value === 'string' ? value : output;
  } catch {
    return output;
  }
}

function parse(text: string | null): Record<string, unknown> | null {
  if (!text) return null;
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);
