import type { Db } from './database';

export interface AuditRow {
  seq: number;
  id: string;
  at: number;
  actor: string;
  action: string;
  mode: string | null;
  persona: string | null;
  input: string | null;
  output: string | null;
  model: string | null;
  tokens_in: number | null;
  tokens_out: number | null;
  latency_ms: number | null;
  cost_usd: number | null;
  success: 0 | 1;
  error: string | null;
  prev_hash: string;
  hash: string;
}

export type NewAuditRow = Omit<AuditRow, 'seq' | 'prev_hash' | 'hash'>;

export class AuditRepo {
  constructor(private readonly db: Db) {}

  /** Appends atomically: reading the previous hash and inserting happen in one write transaction. */
  append(row: NewAuditRow, hashOf: (prevHash: string, row: NewAuditRow) => string, genesis: string): AuditRow {
    const last = this.db.prepare('SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1');
    const insert = this.db.prepare(
      `INSERT INTO audit_log (id, at, actor, action, mode, persona, input, output, model, tokens_in, tokens_out, latency_ms, cost_usd, success, error, prev_hash, hash)
       VALUES (@id, @at, @actor, @action, @mode, @persona, @input, @output, @model, @tokens_in, @tokens_out, @latency_ms, @cost_usd, @success, @error, @prev_hash, @hash)`,
    );
    return this.db
      .transaction(() => {
        const prevHash = (last.get() as { hash: string } | undefined)?.hash ?? genesis;
        const hash = hashOf(prevHash, row);
        const info = insert.run({ ...row, prev_hash: prevHash, hash });
        return { ...row, seq: Number(info.lastInsertRowid), prev_hash: prevHash, hash };
      })
      .immediate();
  }

  all(): AuditRow[] {
    return this.db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as AuditRow[];
  }

  recent(limit: number): AuditRow[] {
    return this.db.prepare('SELECT * FROM audit_log ORDER BY seq DESC LIMIT ?').all(limit) as AuditRow[];
  }
}
