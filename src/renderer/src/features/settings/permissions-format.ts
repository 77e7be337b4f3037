import type { ActionClass, ConfirmKind, Grant, GrantScope, RateLimit } from '../../../../shared';
import { formatRelative } from '../approvals/approvals-format';

export const SCOPE_NAMES: Record<GrantScope, string> = {
  single: 'One action',
  class: 'For a while',
  standing: 'Until revoked',
};

export const SCOPE_HINTS: Record<GrantScope, string> = {
  single: 'Covers the next one action of its kind, then is used up.',
  class: 'Covers every action of its kind until it expires. Needs an expiry.',
  standing: 'Covers every action of its kind until you revoke it (an expiry is optional).',
};

export const CLASS_NAMES: Record<ActionClass, string> = {
  read: 'Read',
  draft: 'Draft',
  create: 'Create',
  update: 'Update',
  delete: 'Delete',
  send: 'Send',
};

/** The classes a grant can cover: reading and drafting never act as the person, so they need none. */
export const GRANTABLE = ['create', 'update', 'delete', 'send'] as const;

export const STATE_NAMES: Record<Grant['state'], string> = {
  active: 'Active',
  expired: 'Expired',
  revoked: 'Revoked',
  used: 'Used up',
};

export const CONFIRM_KINDS: { kind: ConfirmKind; label: string; doing: string }[] = [
  { kind: 'send_email', label: 'Send email', doing: 'send email' },
  { kind: 'post_slack', label: 'Post to Slack', doing: 'post to Slack' },
  { kind: 'create_issue', label: 'Create issue', doing: 'create issues' },
];

export function describeRateLimit(rate: RateLimit | null): string {
  if (!rate) return 'No limit';
  return `At most ${rate.count} per ${rate.perHours === 1 ? 'hour' : `${rate.perHours} hours`}`;
}

/** "Expires in 6 days", "Never expires", "Revoked 2 hours ago", "Expired yesterday". */
export function describeExpiry(grant: Grant, now: number): string {
  if (grant.revokedAt !== null) return `Revoked ${formatRelative(grant.revokedAt, now)}`;
  if (grant.expiresAt === null) return grant.scope === 'single' ? 'Until used' : 'Never expires';
  return `${grant.expiresAt > now ? 'Expires' : 'Expired'} ${formatRelative(grant.expiresAt, now)}`;
}

export function describeUses(grant: Grant, now: number): string {
  if (grant.uses === 0) return 'Not used yet';
  const times = grant.uses === 1 ? 'once' : `${grant.uses} times`;
  return grant.lastUsedAt === null ? `Used ${times}` : `Used ${times}, last ${formatRelative(grant.lastUsedAt, now)}`;
}

/** Comma- or space-separated names to a list, empty entries dropped. */
export function parseList(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((entry) => entry.trim())
    .filter(Boolean);
}
