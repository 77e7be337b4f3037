import type { AuditEntry, ChainLink } from '../../../../shared';

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
