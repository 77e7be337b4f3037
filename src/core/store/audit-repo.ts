import type { AuditFilter } from '../../shared';
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
  /** JSON of the ids tying the entry to its cause; null on entries written before it existed. */
  trace: string | null;
  prev_hash: string;
  hash: string;
}

export type NewAuditRow = Omit<AuditRow, 'seq' | 'prev_hash' | 'hash'>;

export interface AuditHead {
  readonly seq: number;
  readonly hash: string;
}

export class AuditRepo {
  constructor(private readonly db: Db) {}

  /**
   * Appends atomically: reading the previous hash, inserting and moving the head happen in one write
   * transaction.
   */
  append(row: NewAuditRow, hashOf: (prevHash: string, row: NewAuditRow) => string, genesis: string): AuditRow {
    const last = this.db.prepare('SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1');
    const insert = this.db.prepare(
      `INSERT INTO audit_log (id, at, actor, action, mode, persona, input, output, model, tokens_in, tokens_out, latency_ms, cost_usd, success, error, trace, prev_hash, hash)
       VALUES (@id, @at, @actor, @action, @mode, @persona, @input, @output, @model, @tokens_in, @tokens_out, @latency_ms, @cost_usd, @success, @error, @trace, @prev_hash, @hash)`,
    );
    const head = this.db.prepare(
      'INSERT INTO audit_head (id, seq, hash) VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash',
    );
    return this.db
      .transaction(() => {
        const prevHash = (last.get() as { hash: string } | undefined)?.hash ?? genesis;
        const hash = hashOf(prevHash, row);
        const info = insert.run({ ...row, prev_hash: prevHash, hash });
        const seq = Number(info.lastInsertRowid);
        head.run(seq, hash);
        return { ...row, seq, prev_hash: prevHash, hash };
      })
      .immediate();
  }

  /** Every entry in order, a page at a time (the log grows without bound). */
  *each(pageSize = 2000): Generator<AuditRow> {
    const page = this.db.prepare('SELECT * FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?');
    let after = -1;
    for (;;) {
      const rows = page.all(after, pageSize) as AuditRow[];
      yield* rows;
      const last = rows.at(-1);
      if (!last || rows.length < pageSize) return;
      after = last.seq;
    }
  }

  all(): AuditRow[] {
    return [...this.each()];
  }

  head(): AuditHead | null {
    return (this.db.prepare('SELECT seq, hash FROM audit_head WHERE id = 1').get() as AuditHead | undefined) ?? null;
  }

  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
  }

  get(seq: number): AuditRow | null {
    return (this.db.prepare('SELECT * FROM audit_log WHERE seq = ?').get(seq) as AuditRow | undefined) ?? null;
  }

  recent(limit: number): AuditRow[] {
    return this.db.prepare('SELECT * FROM audit_log ORDER BY seq DESC LIMIT ?').all(limit) as AuditRow[];
  }

  /** Entries matching the filter, newest first, and how many match in all. */
  find(filter: AuditFilter & { before?: number | undefined }, limit: number): { rows: AuditRow[]; total: number } {
    const where: string[] = [];
    const params: Record<string, unknown> = {};
    const when = (clause: string, name: string, value: unknown) => {
      where.push(clause);
      params[name] = value;
    };
    if (filter.from !== undefined) when('at >= @from', 'from', filter.from);
    if (filter.to !== undefined) when('at <= @to', 'to', filter.to);
    if (filter.action) {
      const prefix = filter.action.endsWith('.');
      when(prefix ? 'substr(action, 1, length(@action)) = @action' : 'action = @action', 'action', filter.action);
    }
    if (filter.mode) when('mode = @mode', 'mode', filter.mode);
    if (filter.persona) when('persona = @persona', 'persona', filter.persona);
    if (filter.outcome) where.push(filter.outcome === 'success' ? 'success = 1' : 'success = 0');
    const words = (filter.q ?? '').toLowerCase().split(/\s+/).filter(Boolean).slice(0, 8);
    words.forEach((word, i) => {
      where.push(
        `instr(lower(action || ' ' || coalesce(input, '') || ' ' || coalesce(output, '') || ' ' || coalesce(error, '') || ' ' || coalesce(model, '') || ' ' || coalesce(trace, '')), @w${i}) > 0`,
      );
      params[`w${i}`] = word;
    });
    const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const total = (this.db.prepare(`SELECT count(*) AS n FROM audit_log ${clause}`).get(params) as { n: number }).n;
    const paged = filter.before !== undefined ? `${clause ? `${clause} AND` : 'WHERE'} seq < @before` : clause;
    if (filter.before !== undefined) params['before'] = filter.before;
    const rows = this.db
      .prepare(`SELECT * FROM audit_log ${paged} ORDER BY seq DESC LIMIT @limit`)
      .all({ ...params, limit }) as AuditRow[];
    return { rows, total };
  }

  /** Entries whose trace names this id under this key (the "why" chain follows them). */
  byTrace(key: string, id: string, limit = 200): AuditRow[] {
    return this.db
      .prepare(`SELECT * FROM audit_log WHERE trace IS NOT NULL AND json_extract(trace, '$.' || ?) = ? ORDER BY seq LIMIT ?`)
      .all(key, id, limit) as AuditRow[];
  }
}
