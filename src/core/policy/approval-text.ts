import { previewOf, type ApprovalStatus, type AuditTrace } from '../../shared';
import type { StoredApproval } from '../store/approvals-repo';

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
  const words: Record<ApprovalStatus, string> = {
    pending: 'waiting for you',
    approved: 'approved',
    executing: 'going out',
    done: 'done',
    failed: 'failed',
    denied: 'denied',
    expired: 'expired',
    cancelled: 'cancelled',
    superseded: 'replaced by an edit',
  };
  return words[status];
}
