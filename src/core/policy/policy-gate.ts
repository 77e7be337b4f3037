import { PROXY_ACTION_CLASSES, type AuditTrace, type OperatingMode, type Persona } from '../../shared';
import { wireName, type ToolOutcome, type ToolRegistry } from '../agents/tools/tool-registry';
import type { AuditLog } from '../audit/audit-log';
import type { ToolDefinition } from '../models/model-types';
import { targetsOf } from './action-preview';
import type { ApprovalsService } from './approvals-service';
import type { ArgumentCheck } from './argument-check';
import { originId, type CallContext } from './call-context';
import type { GrantsService } from './grants';
import { decide, proxyAllowed, type Decision } from './policy-decision';
import type { PolicySettingsService } from './policy-settings';
import type { TaintTracker } from './taint';
import type { ToolExecutor } from './tool-executor';

export interface PolicyGateDeps {
  readonly registry: ToolRegistry;
  readonly settings: PolicySettingsService;
  readonly grants: GrantsService;
  readonly taint: TaintTracker;
  readonly approvals: ApprovalsService;
  readonly executor: ToolExecutor;
  readonly check: ArgumentCheck;
  readonly audit: AuditLog;
}

/**
 * The one way a tool call runs, from chat or from the engine. Each call is decided (allow,
 * needs-approval or deny, with the reason written to the audit log), then: a read or draft runs at
 * once and, if its answer carries outside content, taints the context; a proxy action a grant
 * allows is queued behind the undo window; one that needs a person goes to the approvals queue; a
 * denied one is refused. The model is told which, in words it can act on. Nothing the model says
 * changes the decision: taint, grants and the matrix are the core's.
 */
export class PolicyGate {
  constructor(private readonly deps: PolicyGateDeps) {}

  /** What the model is offered: the tools the persona may use in this mode (never one the gate would deny). */
  definitions(persona: Persona, mode: OperatingMode): ToolDefinition[] {
    const settings = this.deps.settings.get();
    return this.deps.registry
      .usable(persona)
      .filter((tool) => {
        if (!PROXY_ACTION_CLASSES.includes(tool.actionClass)) return true;
        return mode === 'proxy' && proxyAllowed(tool, settings, persona);
      })
      .map((tool) => ({ name: wireName(tool.name), description: tool.description, parameters: tool.parameters }));
  }

  displayName(calledName: string): string {
    return this.deps.registry.displayName(calledName);
  }

  async call(calledName: string, rawArguments: string, context: CallContext): Promise<ToolOutcome> {
    const tool = this.deps.registry.find(calledName);
    const name = tool?.name ?? calledName;
    const trace = traceOf(context);
    let args: Record<string, unknown>;
    try {
      const parsed: unknown = rawArguments.trim() === '' ? {} : JSON.parse(rawArguments);
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object');
      args = parsed as Record<string, unknown>;
    } catch {
      return { status: 'error', result: `The arguments for ${name} were not a valid JSON object.` };
    }
    const taintedBy = this.deps.taint.sources(context.origin);
    const decision = decide({
      tool,
      calledName,
      persona: context.persona,
      mode: context.mode,
      settings: this.deps.settings.get(),
      taintedBy,
      confidence: context.confidence,
      grant: () =>
        tool ? this.deps.grants.match(context.persona.id, tool.name, tool.actionClass, targetsOf(tool.name, args)) : null,
    });
    this.record(name, args, context, decision, taintedBy, trace);
    if (decision.verdict === 'deny' || !tool) return { status: 'denied', result: decision.why };

    if (decision.verdict === 'allow' && !PROXY_ACTION_CLASSES.includes(tool.actionClass)) {
      const outcome = await this.deps.executor.run(
        tool,
        args,
        { threadId: originId(context.origin), persona: context.persona, mode: context.mode, signal: context.signal },
        trace,
      );
      if (outcome.status === 'ok' && tool.outsideContent) this.deps.taint.mark(context.origin, `${tool.name} answer`);
      return outcome;
    }

    const problems = this.deps.check.problems(tool, args);
    if (problems) return { status: 'error', result: `Invalid arguments for ${name}: ${problems}` };

    if (decision.verdict === 'allow' && decision.grant) {
      const queued = this.deps.approvals.queueGranted(tool, args, context, decision.grant);
      if (queued && queued.sendAt !== null) {
        return {
          status: 'pending',
          result: `Queued under the user's grant: ${name} goes out at ${new Date(queued.sendAt).toISOString()} unless the user undoes it (approval ${queued.id}). Tell the user; do not call it again.`,
        };
      }
    }
    const reason = decision.verdict === 'needs-approval' ? decision.reason : 'no-grant';
    const why = decision.verdict === 'needs-approval' ? decision.why : 'The grant was used meanwhile.';
    const item = this.deps.approvals.request(tool, args, context, reason, why, taintedBy);
    return {
      status: 'pending',
      result: `Not sent: ${name} is waiting for the user's approval in Izzie's Approvals (item ${item.id}). ${why} Tell the user it is waiting for them; do not call it again.`,
    };
  }

  private record(
    tool: string,
    args: Record<string, unknown>,
    context: CallContext,
    decision: Decision,
    taintedBy: readonly string[],
    trace: AuditTrace,
  ): void {
    this.deps.audit.append({
      actor: 'izzie',
      action: 'policy.decision',
      mode: context.mode,
      persona: context.persona.id,
      input: { tool, arguments: args, tainted: taintedBy.length > 0, taintedBy, confidence: context.confidence },
      output: {
        verdict: decision.verdict,
        why: decision.why,
        ...(decision.verdict === 'needs-approval' ? { reason: decision.reason } : {}),
        ...(decision.verdict === 'allow' && decision.grant ? { grantId: decision.grant.id } : {}),
      },
      success: decision.verdict !== 'deny',
      trace: { ...trace, ...(decision.verdict === 'allow' && decision.grant ? { grantId: decision.grant.id } : {}) },
    });
  }
}

function traceOf(context: CallContext): AuditTrace {
  const origin = context.origin;
  return {
    ...(origin.kind === 'chat' ? { threadId: origin.threadId } : { runId: origin.runId }),
    ...(origin.kind === 'engine' && origin.eventId ? { eventId: origin.eventId } : {}),
    ...(context.toolCallId ? { toolCallId: context.toolCallId } : {}),
    ...(context.messageId ? { messageId: context.messageId } : {}),
  };
}
