import { APPROVAL_STATUS_WORDS, previewOf, type ApprovalStatus, type AuditTrace } from '../../shared';
import type { NewNotification } from '../notifications/notifications-service';
import type { StoredApproval } from '../store/approvals-repo';
import type { StoredGrant } from '../store/grants-repo';

/** How an approval is put in words (notifications, refusals) and tied to its cause in the audit log. */

export function traceOf(item: StoredApproval): AuditTrace {
  return {
    approvalId: item.id,
    ...(item.trigger.threadId ? { threadId: item.trigger.threadId } : {}),
    ...(item.trigger.runId ? { runId: item.trigger.runId } : {}),
    ...(item.trigger.eventId ? { eventId: item.trigger.eventId } : {}),
    ...(item.grantId ? { grantId: item.grantId } : {}),
    ...(item.toolCallId ? { toolCallId: item.toolCallId } : {}),
  };
}

/** One line for notifications: "Send an email to ada@example.com: Quarterly numbers". */
export function describe(item: Pick<StoredApproval, 'tool' | 'payload'>): string {
  const preview = previewOf(item.tool, item.payload);
  switch (preview.kind) {
    case 'email':
      return `Send an email to ${preview.to.join(', ') || 'nobody'}: ${preview.subject || '(no subject)'}`;
    case 'slack':
      return `Post to ${preview.channel} on Slack: ${preview.text.slice(0, 80)}`;
    case 'issue':
      return `Create a ${preview.service === 'github' ? 'GitHub' : 'Linear'} issue in ${preview.target}: ${preview.title}`;
    default:
      return `Run ${item.tool}`;
  }
}

export function statusWord(status: ApprovalStatus): string {
  return APPROVAL_STATUS_WORDS[status];
}

/** The notifications an approval sends: it waits for the person, a grant is about to act, it failed. */
export const notices = {
  waiting: (item: StoredApproval): NewNotification => ({
    ...about(item),
    dedupeKey: `approval:${item.id}`,
    kind: 'approval',
    title: 'Izzie needs your approval',
    body: describe(item),
  }),
  /** Nobody clicked anything: what is about to go out, opening it (with Undo) on a click. */
  granted: (item: StoredApproval, grant: StoredGrant, seconds: number): NewNotification => ({
    ...about(item),
    dedupeKey: `approval-granted:${item.id}`,
    kind: 'approval',
    title: `Izzie sends this as you in ${seconds} s`,
    body: `${describe(item)} — allowed by your ${grant.scope} grant. Open it to undo.`,
  }),
  failed: (item: StoredApproval, why: string): NewNotification => ({
    ...about(item),
    dedupeKey: `approval-failed:${item.id}`,
    kind: 'result',
    title: 'An approved action failed',
    body: `${describe(item)} — ${why}`,
  }),
};

function about(item: StoredApproval) {
  return {
    target: { page: 'approvals', id: item.id },
    runId: item.trigger.runId,
    eventId: item.trigger.eventId,
  };
}
