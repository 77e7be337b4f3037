import type { AuditEntry, ChainLink } from '../../../../shared';
import { describeActionResult, type ActionResultLine } from '../../../../shared/proxy/action-result';

export const ACTOR_NAMES: Record<AuditEntry['actor'], string> = { user: 'You', izzie: 'Izzie', system: 'System' };
export const MODE_NAMES: Record<NonNullable<AuditEntry['mode']>, string> = { assistant: 'Assistant', proxy: 'Proxy' };
export const PERSONA_NAMES: Record<NonNullable<AuditEntry['persona']>, string> = { work: 'Work', personal: 'Personal' };

export const LINK_NAMES: Record<ChainLink['kind'], string> = {
  event: 'Event',
  classification: 'Classification',
  run: 'Run',
  step: 'Step',
  message: 'Message',
  model: 'Model call',
  tool_call: 'Tool call',
  policy: 'Policy decision',
  approval: 'Approval',
  effect: 'Effect',
};

/** The core's title for an effect that went out: "google.gmail_send went out" (src/core/audit/audit-service.ts). */
const WENT_OUT = /^(\S+) went out$/;

/**
 * What an effect link's detail says, when it is the tool's raw answer: the core puts what the tool
 * answered there as it came (JSON text), which reads as one line ("Posted in #general"). Null keeps
 * the detail as it is: any other link, an effect that failed (its detail is the error, in words) or
 * a detail already in words.
 */
export function effectResult(link: ChainLink): ActionResultLine | null {
  if (link.kind !== 'effect' || !link.detail || !/^\s*[{[]/.test(link.detail)) return null;
  const tool = WENT_OUT.exec(link.title)?.[1];
  return tool ? describeActionResult(tool, link.detail) : null;
}

/** Suggestions for the action filter: the kinds of entry the log holds, as prefixes (your changes are RPC method names). */
export const ACTION_PREFIXES = ['model.', 'tool.', 'policy.', 'approval.', 'proxy.', 'approvals.', 'grants.', 'settings.'];

/** "10:42:03" today, "Mar 4, 10:42:03" before. */
export function formatTime(at: number, now: number, locale?: string): string {
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(at);
  if (new Date(at).toDateString() === new Date(now).toDateString()) return time;
  return `${new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric' }).format(at)}, ${time}`;
}

export function formatTokens(entry: AuditEntry): { text: string; title: string } | null {
  if (entry.tokensIn === null && entry.tokensOut === null) return null;
  const input = entry.tokensIn ?? 0;
  const output = entry.tokensOut ?? 0;
  return {
    text: (input + output).toLocaleString('en'),
    title: `${input.toLocaleString('en')} in, ${output.toLocaleString('en')} out`,
  };
}
