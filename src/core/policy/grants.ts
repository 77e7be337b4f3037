import { randomUUID } from 'node:crypto';
import type { ActionClass, Grant, MethodParams, PersonaId } from '../../shared';
import { CoreError } from '../errors';
import type { EventHub } from '../events/event-hub';
import type { Clock } from '../ports';
import type { ApprovalsRepo } from '../store/approvals-repo';
import type { GrantsRepo, StoredGrant } from '../store/grants-repo';
import { allowlistCovers } from './action-preview';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export type GrantMatch =
  { readonly grant: StoredGrant; readonly limited: false } | { readonly grant: StoredGrant; readonly limited: true };

/**
 * Grants (seed: ProxyAuthorization): what the person authorized Izzie to do as them without asking
 * each time — one action, a class for a while, or standing until revoked — narrowed by tool,
 * allowlist and rate limit. Revoking takes effect at once, for actions already queued too.
 */
export class GrantsService {
  constructor(
    private readonly deps: {
      repo: GrantsRepo;
      approvals: ApprovalsRepo;
      clock: Clock;
      events: EventHub;
      /** Cancels queued actions a revoked grant had approved. */
      onRevoked: (grantId: string) => void;
    },
  ) {}

  list(): Grant[] {
    return this.deps.repo.list().map((grant) => this.view(grant));
  }

  create(input: MethodParams<'grants.create'> & { fromApproval?: string }): Grant {
    const now = this.deps.clock.now();
    const grant: StoredGrant = {
      id: randomUUID(),
      scope: input.scope,
      persona: input.persona,
      actionClass: input.actionClass,
      tool: input.tool,
      allowlist: input.allowlist,
      rateLimit: input.rateLimit,
      createdAt: now,
      expiresAt: input.days === null ? null : now + input.days * DAY_MS,
      revokedAt: null,
      uses: 0,
      lastUsedAt: null,
      fromApproval: input.fromApproval ?? null,
    };
    this.deps.repo.insert(grant);
    return this.changed(grant);
  }

  revoke(id: string): Grant {
    const grant = this.deps.repo.get(id);
    if (!grant) throw new CoreError('NOT_FOUND', 'There is no such grant.');
    if (grant.revokedAt !== null) return this.view(grant);
    this.deps.repo.revoke(id, this.deps.clock.now());
    this.deps.onRevoked(id);
    return this.changed(this.deps.repo.get(id) ?? grant);
  }

  /**
   * The grant that authorizes this action now, if any: same persona and class, the tool if it names
   * one, every target on its allowlist, not expired, revoked or used up. `limited` when the only
   * grants that fit have reached their rate limit.
   */
  match(persona: PersonaId, tool: string, actionClass: ActionClass, targets: readonly string[]): GrantMatch | null {
    const now = this.deps.clock.now();
    let limited: StoredGrant | null = null;
    for (const grant of this.deps.repo.candidates(persona, actionClass)) {
      if (this.state(grant, now) !== 'active') continue;
      if (grant.tool !== null && grant.tool !== tool && !tool.endsWith(`.${grant.tool}`)) continue;
      if (!allowlistCovers(grant.allowlist, targets)) continue;
      if (
        grant.rateLimit &&
        this.deps.approvals.grantUsesSince(grant.id, now - grant.rateLimit.perHours * HOUR_MS) >= grant.rateLimit.count
      ) {
        limited ??= grant;
        continue;
      }
      return { grant, limited: false };
    }
    return limited ? { grant: limited, limited: true } : null;
  }

  /** Counts a use; false when a single-use grant was used meanwhile (or revoked). */
  use(grant: StoredGrant): boolean {
    const used = this.deps.repo.use(grant.id, this.deps.clock.now());
    if (used) this.changed(this.deps.repo.get(grant.id) ?? grant);
    return used;
  }

  /** Still authorizes anything (checked again when a queued action goes out). */
  isActive(id: string): boolean {
    const grant = this.deps.repo.get(id);
    return grant !== null && grant.revokedAt === null && (grant.expiresAt === null || grant.expiresAt > this.deps.clock.now());
  }

  private state(grant: StoredGrant, now: number): Grant['state'] {
    if (grant.revokedAt !== null) return 'revoked';
    if (grant.expiresAt !== null && grant.expiresAt <= now) return 'expired';
    if (grant.scope === 'single' && grant.uses > 0) return 'used';
    return 'active';
  }

  private view(grant: StoredGrant): Grant {
    return { ...grant, allowlist: [...grant.allowlist], state: this.state(grant, this.deps.clock.now()) };
  }

  private changed(grant: StoredGrant): Grant {
    const view = this.view(grant);
    this.deps.events.emit('grants.changed', { grant: view });
    return view;
  }
}
