import { randomUUID } from 'node:crypto';
import { previewOf, type Approval, type ApprovalReason, type ApprovalStatus, type AuditTrace } from '../../shared';
import type { Tool } from '../agents/tools/tool-registry';
import type { AuditLog } from '../audit/audit-log';
import { CoreError } from '../errors';
import type { EventHub } from '../events/event-hub';
import type { Logger } from '../log/logger';
import type { NotificationsService } from '../notifications/notifications-service';
import type { Clock } from '../ports';
import type { ApprovalChange, ApprovalsRepo, StoredApproval } from '../store/approvals-repo';
import type { StoredGrant } from '../store/grants-repo';
import type { ArgumentCheck } from './argument-check';
import { originId, type CallContext } from './call-context';
import type { GrantsService } from './grants';
import { notices, statusWord, traceOf } from './approval-text';
import { payloadHash } from './payload-hash';
import type { PolicySettingsService } from './policy-settings';
import type { ToolExecutor } from './tool-executor';

const HOUR_MS = 3_600_000;
/** The longest the timer sleeps: expiry sweeps also run on this beat. */
const MAX_SLEEP_MS = 60_000;

export interface ApprovalsDeps {
  readonly repo: ApprovalsRepo;
  readonly grants: GrantsService;
  readonly settings: PolicySettingsService;
  readonly executor: ToolExecutor;
  readonly check: ArgumentCheck;
  /** The tool by Izzie's name, when its server is running. */
  readonly findTool: (name: string) => Tool | undefined;
  readonly persona: (id: 'work' | 'personal') => CallContext['persona'];
  readonly notifications: NotificationsService;
  readonly audit: AuditLog;
  readonly events: EventHub;
  readonly clock: Clock;
  readonly log: Logger;
  /** The address mail goes out from (the connected Google account), for the preview. */
  readonly fromAddress: () => string | null;
  /** Told of every change, e.g. so the chat's tool card can say what became of it. */
  readonly onChanged?: (item: StoredApproval) => void;
  readonly setTimer?: (run: () => void, ms: number) => unknown;
  readonly clearTimer?: (timer: unknown) => void;
}

/**
 * The approvals queue and outbox. Every proxy action the gate did not deny lands here: waiting for
 * the person (`pending`), or approved — by them or by a grant — and waiting out the undo window.
 * An approval is bound to the hash of the exact payload; execution recomputes it and runs exactly
 * that payload, once: the move to `executing` is a compare-and-set, and an action that was
 * executing when Izzie stopped is never sent again on its own (it is marked failed for the person
 * to check), so nothing goes out twice.
 */
export class ApprovalsService {
  private timer: unknown = null;
  private stopped = false;
  private readonly running = new Set<Promise<void>>();

  constructor(private readonly deps: ApprovalsDeps) {}

  /** Picks up after a restart: an action interrupted mid-send is failed, never re-sent; due ones go out. */
  start(): void {
    for (const item of this.deps.repo.list(['executing'], 1000)) {
      this.change(item.id, ['executing'], {
        status: 'failed',
        error: 'Izzie stopped while this was going out. Check whether it arrived before sending it again.',
      });
    }
    this.schedule();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer !== null) (this.deps.clearTimer ?? clearTimeout)(this.timer as ReturnType<typeof setTimeout>);
    this.timer = null;
    await Promise.allSettled([...this.running]);
  }

  /** A proxy action that needs the person: queued with its preview and reason; they are notified. */
  request(
    tool: Tool,
    payload: Record<string, unknown>,
    context: CallContext,
    reason: ApprovalReason,
    why: string,
    taintedBy: readonly string[],
  ): Approval {
    const now = this.deps.clock.now();
    const item = this.newItem(tool.name, tool.actionClass, payload, context, reason, why, taintedBy, now);
    this.deps.repo.insert(item);
    this.audit('approval.requested', item, true, { reason, why });
    this.deps.notifications.notify(notices.waiting(item));
    this.schedule();
    return this.changed(item);
  }

  /** A proxy action a grant allows: approved by it, and sent when the undo window has passed. */
  queueGranted(tool: Tool, payload: Record<string, unknown>, context: CallContext, grant: StoredGrant): Approval | null {
    const now = this.deps.clock.now();
    if (!this.deps.grants.use(grant)) return null;
    const base = this.newItem(
      tool.name,
      tool.actionClass,
      payload,
      context,
      'no-grant',
      `Allowed by a ${grant.scope} grant.`,
      [],
      now,
    );
    const item: StoredApproval = {
      ...base,
      status: 'approved',
      approvedHash: base.payloadHash,
      decidedAt: now,
      decidedBy: 'grant',
      grantId: grant.id,
      sendAt: now + this.deps.settings.get().undoSeconds * 1000,
    };
    this.deps.repo.insert(item);
    this.audit('approval.granted', item, true, { grantId: grant.id, scope: grant.scope });
    if (item.sendAt !== null && item.sendAt > now) {
      this.deps.notifications.notify(notices.granted(item, grant, Math.round((item.sendAt - now) / 1000)));
    }
    this.schedule();
    return this.changed(item);
  }

  list(statuses: readonly ApprovalStatus[] | null, limit: number): { approvals: Approval[]; pending: number } {
    this.expireDue();
    return {
      approvals: this.deps.repo.list(statuses, limit).map((item) => this.view(item)),
      pending: this.deps.repo.pendingCount(),
    };
  }

  get(id: string): Approval {
    this.expireDue();
    return this.view(this.require(id));
  }

  pendingCount(): number {
    return this.deps.repo.pendingCount();
  }

  /** Approves exactly what the person saw; refused when the item changed, expired or was decided since. */
  approve(id: string, seenHash: string, grantDays?: number): Approval {
    this.expireDue();
    const item = this.require(id);
    if (item.status !== 'pending') throw new CoreError('CONFLICT', `This action is already ${statusWord(item.status)}.`);
    if (seenHash !== item.payloadHash || payloadHash(item.tool, item.payload) !== item.payloadHash) {
      throw new CoreError('CONFLICT', 'This action changed since you looked at it. Review it again before approving.');
    }
    const now = this.deps.clock.now();
    const approved = this.change(id, ['pending'], {
      status: 'approved',
      approvedHash: seenHash,
      decidedAt: now,
      decidedBy: 'user',
      sendAt: now + this.deps.settings.get().undoSeconds * 1000,
    });
    if (grantDays !== undefined && item.actionClass !== 'read' && item.actionClass !== 'draft') {
      const grant = this.deps.grants.create({
        scope: 'class',
        persona: item.persona,
        actionClass: item.actionClass,
        tool: null,
        allowlist: [],
        rateLimit: null,
        days: grantDays,
        fromApproval: id,
      });
      this.audit('grant.created', approved, true, { grantId: grant.id, days: grantDays }, { grantId: grant.id });
    }
    this.audit('approval.approved', approved, true, { payloadHash: seenHash });
    this.schedule();
    return this.view(approved);
  }

  deny(id: string, reason: string): Approval {
    const item = this.require(id);
    if (item.status !== 'pending') throw new CoreError('CONFLICT', `This action is already ${statusWord(item.status)}.`);
    const denied = this.change(id, ['pending'], {
      status: 'denied',
      decidedAt: this.deps.clock.now(),
      decidedBy: 'user',
      denyReason: reason.trim() === '' ? null : reason.trim(),
    });
    this.audit('approval.denied', denied, true, { reason: denied.denyReason });
    return this.view(denied);
  }

  /** The edit becomes a new pending item with its own hash; the old one is superseded. */
  edit(id: string, payload: Record<string, unknown>): Approval {
    const item = this.require(id);
    if (item.status !== 'pending')
      throw new CoreError('CONFLICT', `Only a waiting action can be edited; this one is ${statusWord(item.status)}.`);
    const tool = this.deps.findTool(item.tool);
    const problems = tool ? this.deps.check.problems(tool, payload) : null;
    if (problems) throw new CoreError('INVALID_INPUT', `${item.tool} would refuse this: ${problems}`);
    const now = this.deps.clock.now();
    const hash = payloadHash(item.tool, payload);
    if (hash === item.payloadHash) return this.view(item);
    const next: StoredApproval = {
      ...item,
      id: randomUUID(),
      payload,
      payloadHash: hash,
      createdAt: now,
      expiresAt: now + this.deps.settings.get().approvalTtlHours * HOUR_MS,
      editedFrom: item.id,
      replacedBy: null,
    };
    this.deps.repo.transaction(() => {
      this.deps.repo.insert(next);
      if (
        !this.deps.repo.transition(id, ['pending'], {
          status: 'superseded',
          replacedBy: next.id,
          decidedAt: now,
          decidedBy: 'user',
        })
      ) {
        throw new CoreError('CONFLICT', 'This action was decided meanwhile.');
      }
    });
    this.audit('approval.edited', next, true, { editedFrom: id, payloadHash: hash });
    this.changed(this.require(id));
    return this.changed(next);
  }

  /** Stops an approved action inside its undo window. */
  undo(id: string): Approval {
    const item = this.require(id);
    const now = this.deps.clock.now();
    if (item.status !== 'approved' || item.sendAt === null || item.sendAt <= now) {
      throw new CoreError(
        'CONFLICT',
        item.status === 'approved'
          ? 'It is going out now; it is too late to undo.'
          : `This action is ${statusWord(item.status)}.`,
      );
    }
    const undone =
      item.decidedBy === 'grant'
        ? this.change(id, ['approved'], { status: 'cancelled', error: 'Undone before it went out.' })
        : this.change(id, ['approved'], {
            status: 'pending',
            approvedHash: null,
            decidedAt: null,
            decidedBy: null,
            sendAt: null,
            expiresAt: Math.max(item.expiresAt, now + HOUR_MS),
          });
    this.audit('approval.undone', undone, true, {});
    this.schedule();
    return this.view(undone);
  }

  /** A revoked grant's queued actions are cancelled at once. */
  cancelForGrant(grantId: string): void {
    for (const id of this.deps.repo.ids('approved', 'grant', grantId)) {
      if (
        this.deps.repo.transition(id, ['approved'], { status: 'cancelled', error: 'Its grant was revoked before it went out.' })
      ) {
        const item = this.require(id);
        this.audit('approval.cancelled', item, true, { grantId });
        this.changed(item);
      }
    }
  }

  /** Sends every approved action whose undo window has passed (the timer calls this; tests may too). */
  async runDue(): Promise<void> {
    this.expireDue();
    const due = this.deps.repo.due(this.deps.clock.now());
    for (const item of due) {
      const work = this.execute(item.id);
      this.running.add(work);
      await work.finally(() => this.running.delete(work));
    }
    this.schedule();
  }

  private async execute(id: string): Promise<void> {
    const item = this.deps.repo.get(id);
    if (!item || item.status !== 'approved') return;
    // Checks before the claim, so a refused action ends as failed or cancelled, never executing.
    const hash = payloadHash(item.tool, item.payload);
    if (hash !== item.approvedHash || hash !== item.payloadHash) {
      const failed = this.change(id, ['approved'], {
        status: 'failed',
        error: 'What would be sent is not what was approved (the payload changed after approval). Nothing was sent.',
      });
      this.audit('proxy.refused', failed, false, { computed: hash, approved: item.approvedHash }, {}, failed.error ?? undefined);
      return;
    }
    if (item.decidedBy === 'grant' && (item.grantId === null || !this.deps.grants.isActive(item.grantId))) {
      const cancelled = this.change(id, ['approved'], {
        status: 'cancelled',
        error: 'Its grant was revoked or expired before it went out.',
      });
      this.audit('approval.cancelled', cancelled, true, { grantId: item.grantId });
      return;
    }
    const tool = this.deps.findTool(item.tool);
    if (!tool) {
      const failed = this.change(id, ['approved'], {
        status: 'failed',
        error: `${item.tool} is not available (is its account connected?). Nothing was sent.`,
      });
      this.audit('proxy.action', failed, false, {}, {}, failed.error ?? undefined);
      return;
    }
    if (!this.deps.repo.transition(id, ['approved'], { status: 'executing' })) return;
    this.changed(this.require(id));
    const controller = new AbortController();
    const outcome = await this.deps.executor.run(
      tool,
      item.payload,
      {
        threadId: item.trigger.threadId ?? item.trigger.runId ?? item.id,
        persona: this.deps.persona(item.persona),
        mode: 'proxy',
        signal: controller.signal,
        idempotencyKey: item.id,
      },
      traceOf(item),
    );
    const ok = outcome.status === 'ok';
    const done = this.change(id, ['executing'], {
      status: ok ? 'done' : 'failed',
      executedAt: this.deps.clock.now(),
      result: ok ? outcome.result.slice(0, 4000) : null,
      error: ok ? null : outcome.result,
    });
    this.audit('proxy.action', done, ok, { tool: item.tool, payloadHash: hash }, {}, ok ? undefined : outcome.result);
    if (!ok) {
      this.deps.notifications.notify(notices.failed(item, outcome.result));
    }
  }

  private expireDue(): void {
    const now = this.deps.clock.now();
    for (const id of this.deps.repo.ids('pending', 'expired', now)) {
      if (this.deps.repo.transition(id, ['pending'], { status: 'expired', decidedAt: now })) {
        const item = this.require(id);
        this.audit('approval.expired', item, true, {});
        this.changed(item);
      }
    }
  }

  private schedule(): void {
    if (this.stopped) return;
    const set = this.deps.setTimer ?? ((run: () => void, ms: number) => setTimeout(run, ms).unref());
    const clear = this.deps.clearTimer ?? ((timer: unknown) => clearTimeout(timer as ReturnType<typeof setTimeout>));
    if (this.timer !== null) clear(this.timer);
    const now = this.deps.clock.now();
    const next = [this.deps.repo.nextSendAt(), this.deps.repo.nextExpiry()].filter((at): at is number => at !== null);
    const wait = next.length > 0 ? Math.max(0, Math.min(...next) - now) : MAX_SLEEP_MS;
    this.timer = set(
      () => {
        this.timer = null;
        this.runDue().catch((error: unknown) => this.deps.log.error('sending approved actions failed', { error }));
      },
      Math.min(wait, MAX_SLEEP_MS),
    );
  }

  private newItem(
    tool: string,
    actionClass: StoredApproval['actionClass'],
    payload: Record<string, unknown>,
    context: CallContext,
    reason: ApprovalReason,
    why: string,
    taintedBy: readonly string[],
    now: number,
  ): StoredApproval {
    const origin = context.origin;
    return {
      id: randomUUID(),
      status: 'pending',
      persona: context.persona.id,
      mode: context.mode,
      tool,
      actionClass,
      payload,
      payloadHash: payloadHash(tool, payload),
      approvedHash: null,
      reason,
      reasonText: why,
      taintedBy: [...taintedBy],
      trigger: {
        kind: origin.kind,
        threadId: origin.kind === 'chat' ? origin.threadId : null,
        runId: origin.kind === 'engine' ? origin.runId : null,
        eventId: origin.kind === 'engine' ? origin.eventId : null,
        summary: origin.summary || originId(origin),
      },
      createdAt: now,
      expiresAt: now + this.deps.settings.get().approvalTtlHours * HOUR_MS,
      decidedAt: null,
      decidedBy: null,
      grantId: null,
      denyReason: null,
      sendAt: null,
      executedAt: null,
      result: null,
      error: null,
      editedFrom: null,
      replacedBy: null,
      toolCallId: context.toolCallId ?? null,
    };
  }

  private require(id: string): StoredApproval {
    const item = this.deps.repo.get(id);
    if (!item) throw new CoreError('NOT_FOUND', 'There is no such approval.');
    return item;
  }

  private change(id: string, from: readonly ApprovalStatus[], change: ApprovalChange): StoredApproval {
    if (!this.deps.repo.transition(id, from, change)) {
      throw new CoreError('CONFLICT', 'This action was decided meanwhile. Look at it again.');
    }
    const item = this.require(id);
    this.changed(item);
    return item;
  }

  private changed(item: StoredApproval): Approval {
    try {
      this.deps.onChanged?.(item);
    } catch (error) {
      this.deps.log.error('an approval listener failed', { error });
    }
    const view = this.view(item);
    this.deps.events.emit('approvals.changed', { approval: view });
    this.deps.events.emit('approvals.pending', { pending: this.deps.repo.pendingCount() });
    return view;
  }

  private view(item: StoredApproval): Approval {
    const { approvedHash: _approved, toolCallId: _call, taintedBy, ...rest } = item;
    return {
      ...rest,
      taintedBy: [...taintedBy],
      preview: previewOf(item.tool, item.payload, { from: this.deps.fromAddress() }),
    };
  }

  private audit(
    action: string,
    item: StoredApproval,
    success: boolean,
    details: Record<string, unknown>,
    extraTrace: AuditTrace = {},
    error?: string,
  ): void {
    this.deps.audit.append({
      actor: action === 'approval.requested' || action === 'approval.granted' || action.startsWith('proxy.') ? 'izzie' : 'user',
      action,
      mode: item.mode,
      persona: item.persona,
      input: { tool: item.tool, actionClass: item.actionClass, status: item.status, ...details },
      output: item.result ?? undefined,
      success,
      error,
      trace: { ...traceOf(item), ...extraTrace },
    });
  }
}
