import { createHash, randomUUID } from 'node:crypto';
import type { Clock } from '../ports';
import type { AuditRepo, AuditRow, NewAuditRow } from '../store/audit-repo';

export const GENESIS_HASH = '0'.repeat(64);
const MAX_FIELD_CHARS = 4000;

export interface AuditEntryInput {
  readonly actor: 'user' | 'izzie' | 'system';
  readonly action: string;
  readonly mode?: 'assistant' | 'proxy';
  readonly persona?: 'work' | 'personal';
  readonly input?: unknown;
  readonly output?: unknown;
  readonly model?: string;
  readonly tokensIn?: number;
  readonly tokensOut?: number;
  readonly latencyMs?: number;
  readonly costUsd?: number;
  readonly success: boolean;
  readonly error?: string;
}

export type AuditVerification = { ok: true; entries: number } | { ok: false; entries: number; brokenAt: number; reason: string };

/**
 * The append-only, hash-chained audit trail (seed: Audit Trail). Each entry's hash covers its own
 * fields and the previous entry's hash, so editing, deleting or reordering any row is detectable.
 */
export class AuditLog {
  constructor(
    private readonly repo: AuditRepo,
    private readonly clock: Clock,
  ) {}

  append(entry: AuditEntryInput): AuditRow {
    const row: NewAuditRow = {
      id: randomUUID(),
      at: this.clock.now(),
      actor: entry.actor,
      action: entry.action,
      mode: entry.mode ?? null,
      persona: entry.persona ?? null,
      input: serialise(entry.input),
      output: serialise(entry.output),
      model: entry.model ?? null,
      tokens_in: entry.tokensIn ?? null,
      tokens_out: entry.tokensOut ?? null,
      latency_ms: entry.latencyMs ?? null,
      cost_usd: entry.costUsd ?? null,
      success: entry.success ? 1 : 0,
      error: entry.error ?? null,
    };
    return this.repo.append(row, hashEntry, GENESIS_HASH);
  }

  recent(limit: number): AuditRow[] {
    return this.repo.recent(limit);
  }

  /** Walks the chain from the first entry and names the first row that does not fit. */
  verify(): AuditVerification {
    const rows = this.repo.all();
    let prev = GENESIS_HASH;
    for (const row of rows) {
      if (row.prev_hash !== prev) {
        return {
          ok: false,
          entries: rows.length,
          brokenAt: row.seq,
          reason: `entry ${row.seq} does not follow the entry before it (a row was deleted or reordered)`,
        };
      }
      const { seq: _seq, prev_hash: _p, hash, ...fields } = row;
      if (hashEntry(prev, fields) !== hash) {
        return {
          ok: false,
          entries: rows.length,
          brokenAt: row.seq,
          reason: `entry ${row.seq} was modified after it was written`,
        };
      }
      prev = hash;
    }
    return { ok: true, entries: rows.length };
  }
}

function hashEntry(prevHash: string, row: NewAuditRow): string {
  const fields = [
    row.id,
    row.at,
    row.actor,
    row.action,
    row.mode,
    row.persona,
    row.input,
    row.output,
    row.model,
    row.tokens_in,
    row.tokens_out,
    row.latency_ms,
    row.cost_usd,
    row.success,
    row.error,
  ];
  return createHash('sha256').update(prevHash).update('\n').update(JSON.stringify(fields)).digest('hex');
}

function serialise(value: unknown): string | null {
  if (value === undefined) return null;
  const text = JSON.stringify(value) ?? null;
  if (text === null || text.length <= MAX_FIELD_CHARS) return text;
  return JSON.stringify({ truncated: true, preview: text.slice(0, MAX_FIELD_CHARS) });
}
