import type { DigestItem, Persona, PersonaId } from '../../shared';
import type { ToolRegistry } from '../agents/tools/tool-registry';
import type { AuditLog } from '../audit/audit-log';
import type { EventHub } from '../events/event-hub';
import type { Logger } from '../log/logger';
import type { NotificationsService } from '../notifications/notifications-service';
import type { Clock } from '../ports';
import { ApprovalsRepo, type StoredApproval } from '../store/approvals-repo';
import type { Db } from '../store/database';
import { GrantsRepo } from '../store/grants-repo';
import { PolicySettingsRepo } from '../store/policy-settings-repo';
import { TaintRepo } from '../store/taint-repo';
import { describe } from './approval-text';
import { ApprovalsService } from './approvals-service';
import { ArgumentCheck } from './argument-check';
import { GrantsService } from './grants';
import { PolicyGate } from './policy-gate';
import { PolicySettingsService } from './policy-settings';
import { TaintTracker } from './taint';
import { ToolExecutor } from './tool-executor';

export interface Policy {
  readonly gate: PolicyGate;
  readonly approvals: ApprovalsService;
  readonly grants: GrantsService;
  readonly settings: PolicySettingsService;
  readonly taint: TaintTracker;
  /** The digest's "waiting for your approval" section. */
  pendingForDigest(): DigestItem[];
}

/** Proxy safety, wired: the gate, the approvals queue and outbox, grants, taint and the permissions. */
export function createPolicy(deps: {
  db: Db;
  registry: ToolRegistry;
  audit: AuditLog;
  events: EventHub;
  clock: Clock;
  log: Logger;
  notifications: NotificationsService;
  persona: (id: PersonaId) => Persona;
  fromAddress: () => string | null;
  onApprovalChanged?: (item: StoredApproval) => void;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}): Policy {
  const { db, clock, events, audit } = deps;
  const settings = new PolicySettingsService({ repo: new PolicySettingsRepo(db), clock, log: deps.log, events });
  const approvalsRepo = new ApprovalsRepo(db);
  const taint = new TaintTracker({ repo: new TaintRepo(db), clock });
  const executor = new ToolExecutor({ audit, clock });
  const check = new ArgumentCheck();
  let approvals: ApprovalsService | null = null;
  const grants = new GrantsService({
    repo: new GrantsRepo(db),
    approvals: approvalsRepo,
    clock,
    events,
    onRevoked: (id) => approvals?.cancelForGrant(id),
  });
  approvals = new ApprovalsService({
    repo: approvalsRepo,
    grants,
    settings,
    executor,
    check,
    findTool: (name) => deps.registry.find(name),
    persona: deps.persona,
    notifications: deps.notifications,
    audit,
    events,
    clock,
    log: deps.log,
    fromAddress: deps.fromAddress,
    ...(deps.onApprovalChanged ? { onChanged: deps.onApprovalChanged } : {}),
    ...(deps.setTimer ? { setTimer: deps.setTimer } : {}),
    ...(deps.clearTimer ? { clearTimer: deps.clearTimer } : {}),
  });
  const gate = new PolicyGate({ registry: deps.registry, settings, grants, taint, approvals, executor, check, audit });
  const queue = approvals;
  return {
    gate,
    approvals: queue,
    grants,
    settings,
    taint,
    pendingForDigest: () =>
      queue.list(['pending'], 20).approvals.map((item) => ({ title: describe(item), detail: item.reasonText, url: null })),
  };
}
