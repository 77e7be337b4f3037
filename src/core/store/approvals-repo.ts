import type { ActionClass, ApprovalReason, ApprovalStatus, ApprovalTrigger, OperatingMode, PersonaId } from '../../shared';
import type { Db } from './database';
import { StatementCache } from './statement-cache';

/** A row of `approvals`: one proxy action Izzie wanted to take, and what became of it. */
export interface StoredApproval {
  readonly id: string;
  readonly status: ApprovalStatus;
  readonly persona: PersonaId;
  readonly mode: OperatingMode;
  readonly tool: string;
  readonly actionClass: ActionClass;
  readonly payload: Record<string, unknown>;
  readonly payloadHash: string;
  /** The hash the person (or a grant) approved; execution refuses a payload whose hash differs. */
  readonly approvedHash: string | null;
  readonly reason: ApprovalReason;
  readonly reasonText: string;
  readonly taintedBy: readonly string[];
  readonly trigger: ApprovalTrigger;
  readonly createdAt: number;
  readonly expiresAt: number;
  readonly decidedAt: number | null;
  readonly decidedBy: 'user' | 'grant' | null;
  readonly grantId: string | null;
  readonly denyReason: string | null;
  readonly sendAt: number | null;
  readonly executedAt: number | null;
  readonly result: string | null;
  readonly error: string | null;
  readonly editedFrom: string | null;
  readonly replacedBy: string | null;
  readonly toolCallId: string | null;
}

interface Row {
  id: string;
  status: ApprovalStatus;
  persona: PersonaId;
  mode: OperatingMode;
  tool: string;
  action_class: ActionClass;
  payload: string;
  payload_hash: string;
  approved_hash: string | null;
  reason: ApprovalReason;
  reason_text: string;
  tainted_by: string;
  trigger: string;
  created_at: number;
  expires_at: number;
  decided_at: number | null;
  decided_by: 'user' | 'grant' | null;
  grant_id: string | null;
  deny_reason: string | null;
  send_at: number | null;
  executed_at: number | null;
  result: string | null;
  error: string | null;
  edited_from: string | null;
  replaced_by: string | null;
  tool_call_id: string | null;
}

const COLUMNS: Record<keyof StoredApproval, keyof Row> = {
  id: 'id',
  status: 'status',
  persona: 'persona',
  mode: 'mode',
  tool: 'tool',
  actionClass: 'action_class',
  payload: 'payload',
  payloadHash: 'payload_hash',
  approvedHash: 'approved_hash',
  reason: 'reason',
  reasonText: 'reason_text',
  taintedBy: 'tainted_by',
  trigger: 'trigger',
  createdAt: 'created_at',
  expiresAt: 'expires_at',
  decidedAt: 'decided_at',
  decidedBy: 'decided_by',
  grantId: 'grant_id',
  denyReason: 'deny_reason',
  sendAt: 'send_at',
  executedAt: 'executed_at',
  result: 'result',
  error: 'error',
  editedFrom: 'edited_from',
  replacedBy: 'replaced_by',
  toolCallId: 'tool_call_id',
};
const JSON_FIELDS = new Set<keyof StoredApproval>(['payload', 'taintedBy', 'trigger']);

export type ApprovalChange = Partial<Omit<StoredApproval, 'id' | 'createdAt'>>;

export class ApprovalsRepo {
  private readonly sql: StatementCache;

  constructor(private readonly db: Db) {
    this.sql = new StatementCache(db, 24);
  }

  insert(approval: StoredApproval): void {
    const keys = Object.keys(COLUMNS) as (keyof StoredApproval)[];
    this.sql
      .get(`INSERT INTO approvals (${keys.map((k) => COLUMNS[k]).join(', ')}) VALUES (${keys.map(() => '?').join(', ')})`)
      .run(...keys.map((key) => toColumn(key, approval[key])));
  }

  get(id: string): StoredApproval | null {
    const row = this.sql.get('SELECT * FROM approvals WHERE id = ?').get(id) as Row | undefined;
    return row ? toApproval(row) : null;
  }

  /** Newest first; pending ones first of all. */
  list(statuses: readonly ApprovalStatus[] | null, limit: number): StoredApproval[] {
    const where = statuses && statuses.length > 0 ? `WHERE status IN (${statuses.map(() => '?').join(', ')})` : '';
    return (
      this.sql
        .get(`SELECT * FROM approvals ${where} ORDER BY status = 'pending' DESC, created_at DESC, id LIMIT ?`)
        .all(...(statuses ?? []), limit) as Row[]
    ).map(toApproval);
  }

  pendingCount(): number {
    return (this.sql.get("SELECT count(*) AS n FROM approvals WHERE status = 'pending'").get() as { n: number }).n;
  }

  /**
   * Changes an item only while it is in one of `from` — the compare-and-set every transition goes
   * through, so two clicks (or a click and the send timer) never both win. True when it changed.
   */
  transition(id: string, from: readonly ApprovalStatus[], change: ApprovalChange): boolean {
    const keys = Object.keys(change) as (keyof ApprovalChange)[];
    const sets = keys.map((key) => `${COLUMNS[key]} = ?`).join(', ');
    return (
      this.sql
        .get(`UPDATE approvals SET ${sets} WHERE id = ? AND status IN (${from.map(() => '?').join(', ')})`)
        .run(...keys.map((key) => toColumn(key, change[key])), id, ...from).changes === 1
    );
  }

  /** Approved items whose undo window has passed. */
  due(now: number, limit = 32): StoredApproval[] {
    return (
      this.sql
        .get("SELECT * FROM approvals WHERE status = 'approved' AND send_at <= ? ORDER BY send_at, id LIMIT ?")
        .all(now, limit) as Row[]
    ).map(toApproval);
  }

  nextSendAt(): number | null {
    return (this.sql.get("SELECT min(send_at) AS at FROM approvals WHERE status = 'approved'").get() as { at: number | null }).at;
  }

  nextExpiry(): number | null {
    return (this.sql.get("SELECT min(expires_at) AS at FROM approvals WHERE status = 'pending'").get() as { at: number | null })
      .at;
  }

  ids(status: ApprovalStatus, where: 'expired' | 'grant', value: number | string): string[] {
    const clause = where === 'expired' ? 'expires_at <= ?' : 'grant_id = ?';
    return (this.sql.get(`SELECT id FROM approvals WHERE status = ? AND ${clause}`).all(status, value) as { id: string }[]).map(
      (r) => r.id,
    );
  }

  /** How many actions a grant approved since `since` (for its rate limit); undone and cancelled ones do not count. */
  grantUsesSince(grantId: string, since: number): number {
    return (
      this.sql
        .get(
          "SELECT count(*) AS n FROM approvals WHERE grant_id = ? AND decided_by = 'grant' AND decided_at >= ? AND status != 'cancelled'",
        )
        .get(grantId, since) as { n: number }
    ).n;
  }

  transaction<T>(work: () => T): T {
    return this.db.transaction(work).immediate();
  }
}

function toColumn(key: keyof StoredApproval, value: unknown): unknown {
  return JSON_FIELDS.has(key) ? JSON.stringify(value) : value;
}

function toApproval(row: Row): StoredApproval {
  return {
    id: row.id,
    status: row.status,
    persona: row.persona,
    mode: row.mode,
    tool: row.tool,
    actionClass: row.action_class,
    payload: JSON.parse(row.payload) as Record<string, unknown>,
    payloadHash: row.payload_hash,
    approvedHash: row.approved_hash,
    reason: row.reason,
    reasonText: row.reason_text,
    taintedBy: JSON.parse(row.tainted_by) as string[],
    trigger: JSON.parse(row.trigger) as ApprovalTrigger,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    decidedAt: row.decided_at,
    decidedBy: row.decided_by,
    grantId: row.grant_id,
    denyReason: row.deny_reason,
    sendAt: row.send_at,
    executedAt: row.executed_at,
    result: row.result,
    error: row.error,
    editedFrom: row.edited_from,
    replacedBy: row.replaced_by,
    toolCallId: row.tool_call_id,
  };
}
