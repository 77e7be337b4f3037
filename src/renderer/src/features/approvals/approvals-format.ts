import type { ActionClass, Approval, ApprovalPreview, ApprovalStatus, PersonaId } from '../../../../shared';

export const PERSONA_NAMES: Record<PersonaId, string> = { work: 'Work', personal: 'Personal' };

/** What the action does, as the item's heading. */
export function actionTitle(approval: Approval): string {
  const preview: ApprovalPreview = approval.preview;
  switch (preview.kind) {
    case 'email':
      return 'Send an email';
    case 'slack':
      return 'Post to Slack';
    case 'issue':
      return preview.service === 'github' ? 'Create a GitHub issue' : 'Create a Linear issue';
    case 'fields':
      return `${ACTION_VERBS[approval.actionClass]}: ${approval.tool}`;
  }
}

const ACTION_VERBS: Record<ActionClass, string> = {
  read: 'Read',
  draft: 'Draft',
  create: 'Create',
  update: 'Change',
  delete: 'Delete',
  send: 'Send',
};

/** "send email", "create issues": what a class grant lets Izzie do, for "allow for N days". */
export const CLASS_PHRASES: Record<ActionClass, string> = {
  read: 'read',
  draft: 'write drafts',
  create: 'create things (issues, events)',
  update: 'change things',
  delete: 'delete things',
  send: 'send messages',
};

export const STATUS_NAMES: Record<ApprovalStatus, string> = {
  pending: 'Waiting for you',
  approved: 'Approved',
  executing: 'Sending',
  done: 'Sent',
  failed: 'Failed',
  denied: 'Denied',
  expired: 'Expired',
  cancelled: 'Cancelled',
  superseded: 'Edited',
};

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** "in 23 hours", "5 minutes ago", "now": past or future. */
export function formatRelative(at: number, now: number, locale?: string): string {
  const diff = at - now;
  if (Math.abs(diff) < 45_000) return 'now';
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  for (const [unit, size] of UNITS) {
    if (Math.abs(diff) >= size) return format.format(Math.round(diff / size), unit);
  }
  return format.format(Math.sign(diff), 'minute');
}
