import type { ActionClass, GrantScope, PersonaId, RateLimit } from '../../shared';
import type { Db } from './database';
import { StatementCache } from './statement-cache';

/** A row of `proxy_authorizations` (seed: ProxyAuthorization). */
export interface StoredGrant {
  readonly id: string;
  readonly scope: GrantScope;
  readonly persona: PersonaId;
  readonly actionClass: Exclude<ActionClass, 'read' | 'draft'>;
  readonly tool: string | null;
  readonly allowlist: readonly string[];
  readonly rateLimit: RateLimit | null;
  readonly createdAt: number;
  readonly expiresAt: number | null;
  readonly revokedAt: number | null;
  readonly uses: number;
  readonly lastUsedAt: number | null;
  readonly fromApproval: string | null;
}

interface Row {
  id: string;
  scope: GrantScope;
  persona: PersonaId;
  action_class: StoredGrant['actionClass'];
  tool: string | null;
  allowlist: string;
  rate_count: number | null;
  rate_hours: number | null;
  created_at: number;
  expires_at: number | null;
  revoked_at: number | null;
  uses: number;
  last_used_at: number | null;
  from_approval: string | null;
}

export class GrantsRepo {
  private readonly sql: StatementCache;

  constructor(db: Db) {
    this.sql = new StatementCache(db, 12);
  }

  insert(grant: StoredGrant): void {
    this.sql
      .get(
        `INSERT INTO proxy_authorizations (id, scope, persona, action_class, tool, allowlist, rate_count, rate_hours, created_at, expires_at, revoked_at, uses, last_used_at, from_approval)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        grant.id,
        grant.scope,
        grant.persona,
        grant.actionClass,
        grant.tool,
        JSON.stringify(grant.allowlist),
        grant.rateLimit?.count ?? null,
        grant.rateLimit?.perHours ?? null,
        grant.createdAt,
        grant.expiresAt,
        grant.revokedAt,
        grant.uses,
        grant.lastUsedAt,
        grant.fromApproval,
      );
  }

  get(id: string): StoredGrant | null {
    const row = this.sql.get('SELECT * FROM proxy_authorizations WHERE id = ?').get(id) as Row | undefined;
    return row ? toGrant(row) : null;
  }

  list(): StoredGrant[] {
    return (this.sql.get('SELECT * FROM proxy_authorizations ORDER BY created_at DESC, id').all() as Row[]).map(toGrant);
  }

  /** Grants that might authorize an action of this class for this persona (expiry and limits are checked by the caller). */
  candidates(persona: PersonaId, actionClass: ActionClass): StoredGrant[] {
    return (
      this.sql
        .get(
          'SELECT * FROM proxy_authorizations WHERE persona = ? AND action_class = ? AND revoked_at IS NULL ORDER BY created_at',
        )
        .all(persona, actionClass) as Row[]
    ).map(toGrant);
  }

  /** Counts one use; a single-use grant is only used once (false when it already was, or was revoked). */
  use(id: string, at: number): boolean {
    return (
      this.sql
        .get(
          `UPDATE proxy_authorizations SET uses = uses + 1, last_used_at = ?
           WHERE id = ? AND revoked_at IS NULL AND (scope != 'single' OR uses = 0)`,
        )
        .run(at, id).changes === 1
    );
  }

  revoke(id: string, at: number): boolean {
    return (
      this.sql.get('UPDATE proxy_authorizations SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(at, id).changes === 1
    );
  }
}

function toGrant(row: Row): StoredGrant {
  return {
    id: row.id,
    scope: row.scope,
    persona: row.persona,
    actionClass: row.action_class,
    tool: row.tool,
    allowlist: JSON.parse(row.allowlist) as string[],
    rateLimit: row.rate_count !== null && row.rate_hours !== null ? { count: row.rate_count, perHours: row.rate_hours } : null,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    uses: row.uses,
    lastUsedAt: row.last_used_at,
    fromApproval: row.from_approval,
  };
}
