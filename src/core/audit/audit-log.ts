import { createHash, randomUUID } from 'node:crypto';
import type { AuditTrace, AuditVerification } from '../../shared';
import type { Redactor } from '../log/redact';
import type { Clock } from '../ports';
import type { AuditRepo, AuditRow, NewAuditRow } from '../store/audit-repo';

export const GENESIS_HASH = '0'.repeat(64);
const MAX_FIELD_CHARS = 4000;

export interface AuditEntryInput {
  readonly actor: 'user' | 'izzie' | 'system';
  readonly action: string;
  readonly mode?: 'assistant' | 'proxy' | undefined;
  readonly persona?: 'work' | 'personal' | undefined;
  readonly input?: unknown;
  readonly output?: unknown;
  readonly model?: string | undefined;
  readonly tokensIn?: number | undefined;
  readonly tokensOut?: number | undefined;
  readonly latencyMs?: number | undefined;
  readonly costUsd?: number | undefined;
  readonly success: boolean;
  readonly error?: string | undefined;
  readonly trace?: AuditTrace | undefined;
}

/**
 * The append-only, hash-chained audit trail (seed: Audit Trail). Each entry's hash covers its own
 * fields and the previous entry's hash, and the head (last sequence number and hash) is kept beside
 * it, so editing, deleting, reordering or cutting off any row is detected and named. Values under
 * secret-looking keys, and every registered secret, are masked before anything is written.
 */
export class AuditLog {
  constructor(
    private readonly repo: AuditRepo,
    private readonly clock: Clock,
    private readonly redactor?: Redactor,
  ) {}

  append(entry: AuditEntryInput): AuditRow {
    const row: NewAuditRow = {
      id: randomUUID(),
      at: this.clock.now(),
      actor: entry.actor,
      action: entry.action,
      mode: entry.mode ?? null,
      persona: entry.persona ?? null,
      input: this.serialise(entry.input),
      output: this.serialise(entry.output),
      model: entry.model ?? null,
      tokens_in: entry.tokensIn ?? null,
      tokens_out: entry.tokensOut ?? null,
      latency_ms: entry.latencyMs ?? null,
      cost_usd: entry.costUsd ?? null,
      success: entry.success ? 1 : 0,
      error: entry.error === undefined ? null : this.clean(entry.error),
      trace: entry.trace && Object.keys(entry.trace).length > 0 ? JSON.stringify(entry.trace) : null,
    };
    return this.repo.append(row, hashEntry, GENESIS_HASH);
  }

  recent(limit: number): AuditRow[] {
    return this.repo.recent(limit);
  }

  /** Walks the chain from the first entry and names the first row that does not fit. */
  verify(): AuditVerification {
    const checkedAt = this.clock.now();
    let prev = GENESIS_HASH;
    let prevSeq = 0;
    let entries = 0;
    for (const row of this.repo.each()) {
      entries++;
      const broken = (brokenAt: number, reason: string): AuditVerification => ({
        ok: false,
        entries: this.repo.count(),
        checkedAt,
        brokenAt,
        reason,
      });
      if (row.prev_hash !== prev) {
        if (row.seq !== prevSeq + 1) {
          const missing = row.seq - prevSeq - 1;
          return broken(
            prevSeq + 1,
            missing === 1
              ? `entry ${prevSeq + 1} was deleted (entry ${row.seq} does not follow entry ${prevSeq})`
              : `entries ${prevSeq + 1}–${row.seq - 1} were deleted (entry ${row.seq} does not follow entry ${prevSeq})`,
          );
        }
        const moved = this.repo.all().find((other) => other.hash === row.prev_hash);
        if (moved) return broken(row.seq, `entry ${row.seq} is out of order: it was written after the entry now at ${moved.seq}`);
        if (!selfConsistent(row)) return broken(row.seq, `entry ${row.seq} was modified after it was written`);
        if (prevSeq === 0) return broken(row.seq, `entry ${row.seq} does not start the chain (entries before it were removed)`);
        return broken(prevSeq, `entry ${prevSeq} was modified and its hash recomputed (entry ${row.seq} no longer follows it)`);
      }
      if (!selfConsistent(row)) return broken(row.seq, `entry ${row.seq} was modified after it was written`);
      prev = row.hash;
      prevSeq = row.seq;
    }
    const head = this.repo.head();
    if (head && (head.seq !== prevSeq || head.hash !== prev)) {
      return {
        ok: false,
        entries,
        checkedAt,
        brokenAt: prevSeq + 1,
        reason:
          head.seq > prevSeq
            ? `the newest entries were deleted: the log ends at entry ${prevSeq}, but entry ${head.seq} was written`
            : `the log's head does not match entry ${prevSeq}`,
      };
    }
    if (!head && entries > 0) {
      return { ok: false, entries, checkedAt, brokenAt: prevSeq, reason: 'the record of the newest entry was removed' };
    }
    return { ok: true, entries, checkedAt };
  }

  private serialise(value: unknown): string | null {
    if (value === undefined) return null;
    const text = JSON.stringify(this.redactor ? this.redactor.redact(value) : value) ?? null;
    if (text === null || text.length <= MAX_FIELD_CHARS) return text;
    return JSON.stringify({ truncated: true, preview: text.slice(0, MAX_FIELD_CHARS) });
  }

  private clean(text: string): string {
    return this.redactor ? this.redactor.redactString(text) : text;
  }
}

function selfConsistent(row: AuditRow | null): boolean {
  if (!row) return false;
  const { seq: _seq, prev_hash: prevHash, hash, ...fields } = row;
  return hashEntry(prevHash, fields) === hash;
}

function hashEntry(prevHash: string, row: NewAuditRow): string {
  const fields: unknown[] = [
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
  // Entries written before traces existed hash exactly as they did then.
  if (row.trace !== null) fields.push(row.trace);
  return createHash('sha256').update(prevHash).update('\n').update(JSON.stringify(fields)).digest('hex');
}
