import type { ToolCall } from '../../shared';
import type { EventHub } from '../events/event-hub';
import type { StoredApproval } from '../store/approvals-repo';
import type { MessagesRepo } from '../store/messages-repo';

/**
 * A chat's tool card follows the approval it asked for: it says "waiting" while the person decides,
 * and what happened once they have (sent, denied, expired, cancelled, failed). The model reads the
 * card's result on later turns too, so it knows whether the action went out.
 */
export function settleChatToolCall(deps: { messages: MessagesRepo; events: EventHub }, item: StoredApproval): void {
  if (item.toolCallId === null || item.trigger.kind !== 'chat') return;
  const outcome = outcomeOf(item);
  if (!outcome) return;
  const messageId = deps.messages.settleToolCall(item.toolCallId, outcome.status, outcome.result);
  const message = messageId ? deps.messages.get(messageId) : null;
  if (message) deps.events.emit('messages.updated', { message });
}

function outcomeOf(item: StoredApproval): { status: ToolCall['status']; result: string } | null {
  switch (item.status) {
    case 'done':
      return {
        status: 'ok',
        result:
          `${item.decidedBy === 'grant' ? "Sent under the user's grant." : "Sent after the user's approval."} ${item.result ?? ''}`.trim(),
      };
    case 'failed':
      return { status: 'error', result: `Approved, but it did not go out: ${item.error ?? 'it failed.'}` };
    case 'denied':
      return { status: 'denied', result: `The user denied it${item.denyReason ? `: ${item.denyReason}` : '.'}` };
    case 'expired':
      return { status: 'denied', result: 'Nobody approved it in time; it expired and was not sent.' };
    case 'cancelled':
      return { status: 'denied', result: `Not sent: ${item.error ?? 'it was cancelled.'}` };
    default:
      // Waiting, approved inside the undo window, going out, or edited (the edit carries the same call).
      return null;
  }
}
