import {
  ActionClass,
  PROXY_ACTION_CLASSES,
  PROXY_CONFIDENCE_THRESHOLD,
  type ApprovalReason,
  type OperatingMode,
  type Persona,
  type PolicySettings,
} from '../../shared';
import { allowed, type Tool } from '../agents/tools/tool-registry';
import type { StoredGrant } from '../store/grants-repo';
import { confirmKindOf } from './action-preview';
import type { GrantMatch } from './grants';

export type Decision =
  | { readonly verdict: 'allow'; readonly why: string; readonly grant: StoredGrant | null }
  | { readonly verdict: 'needs-approval'; readonly reason: ApprovalReason; readonly why: string }
  | { readonly verdict: 'deny'; readonly why: string };

export interface DecisionInput {
  readonly tool: Tool | undefined;
  readonly calledName: string;
  readonly persona: Persona;
  readonly mode: OperatingMode;
  readonly settings: PolicySettings;
  /** The outside content the context has read; empty when it is clean. */
  readonly taintedBy: readonly string[];
  readonly confidence: number | null;
  /** Looked up only for a proxy action that could use a grant. */
  readonly grant: () => GrantMatch | null;
}

const CONFIRM_LABEL = { send_email: 'Sending email', post_slack: 'Posting to Slack', create_issue: 'Creating an issue' } as const;

/**
 * The policy gate's decision for one tool call, in order: an unknown tool or action class is denied;
 * the persona × mode matrix must allow the tool (acting as the person needs proxy mode and the
 * persona's proxy access); reads and drafts are then allowed. A proxy action waits for a person when
 * its context is tainted (no grant can stand in for them then), when the model is unsure, when it is
 * on the always-confirm list, or when no grant covers it.
 */
export function decide(input: DecisionInput): Decision {
  const { tool, persona, mode, settings } = input;
  if (!tool) return { verdict: 'deny', why: `There is no tool named "${input.calledName}".` };
  const actionClass = ActionClass.safeParse(tool.actionClass);
  if (!actionClass.success)
    return { verdict: 'deny', why: `${tool.name} has an unknown action class, so Izzie will not run it.` };
  if (!allowed(tool, persona)) return { verdict: 'deny', why: `The ${persona.id} persona is not allowed to use ${tool.name}.` };
  const acts = PROXY_ACTION_CLASSES.includes(actionClass.data);
  if (!acts)
    return { verdict: 'allow', why: `${tool.name} only ${actionClass.data === 'read' ? 'reads' : 'drafts'}.`, grant: null };

  if (mode !== 'proxy') {
    return {
      verdict: 'deny',
      why: `${tool.name} would act as the user, which only proxy mode may do. Offer a draft instead, or ask the user to switch this chat to proxy mode.`,
    };
  }
  if (!proxyAllowed(tool, settings, persona)) {
    return {
      verdict: 'deny',
      why: `The ${persona.id} persona may not use ${tool.name} to act as the user (Settings → Permissions).`,
    };
  }
  if (input.taintedBy.length > 0) {
    return {
      verdict: 'needs-approval',
      reason: 'tainted',
      why: `This conversation has read outside content (${input.taintedBy.slice(0, 3).join('; ')}), so only the user can approve acting as them.`,
    };
  }
  if (input.confidence !== null && input.confidence < PROXY_CONFIDENCE_THRESHOLD) {
    return {
      verdict: 'needs-approval',
      reason: 'low-confidence',
      why: `Izzie is ${Math.round(input.confidence * 100)}% sure; acting as the user needs ${Math.round(PROXY_CONFIDENCE_THRESHOLD * 100)}%.`,
    };
  }
  const kind = confirmKindOf(tool.name);
  if (kind && settings.alwaysConfirm.includes(kind)) {
    return {
      verdict: 'needs-approval',
      reason: 'always-confirm',
      why: `${CONFIRM_LABEL[kind]} always waits for the user's approval.`,
    };
  }
  const match = input.grant();
  if (match && !match.limited) {
    return {
      verdict: 'allow',
      why: `Allowed by a ${match.grant.scope} grant for ${match.grant.actionClass}.`,
      grant: match.grant,
    };
  }
  if (match?.limited) {
    return {
      verdict: 'needs-approval',
      reason: 'grant-limit',
      why: `The grant for ${match.grant.actionClass} has reached its rate limit.`,
    };
  }
  return {
    verdict: 'needs-approval',
    reason: 'no-grant',
    why: `No grant lets Izzie ${actionClass.data} as the user without asking.`,
  };
}

/**
 * The proxy row of the matrix names tools (`google.gmail_send`, or `gmail_send` as the seed does,
 * which names every server's tool of that name), groups (`email`) or servers.
 */
export function proxyAllowed(tool: Tool, settings: PolicySettings, persona: Persona): boolean {
  const names = settings.proxyToolAccess[persona.id];
  return allowed(tool, { ...persona, toolAccess: names }) || names.includes(tool.name.slice(tool.name.indexOf('.') + 1));
}
