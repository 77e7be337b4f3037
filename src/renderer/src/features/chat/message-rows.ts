import type { Message } from '../../../../shared';
import type { DeliveryNotice } from '../../stores/messages';

export interface MessageRow {
  message: Message;
  /** User message: the full delivery notice. Reply: why it failed. */
  notice: DeliveryNotice | null;
  /** User message: the short "Not answered" marker. */
  marked: boolean;
  canEdit: boolean;
  canRetry: boolean;
}

/**
 * Decides, for the whole conversation at once, where each problem and action shows, so the
 * thread shows one call to action rather than a wall of them: the newest unanswered message's
 * reason appears once — on the failed reply that follows it, or under the message itself — and
 * Retry only on the newest exchange (the core retries the thread's last message), never mid-reply.
 */
export function messageRows(messages: readonly Message[], replying: boolean): MessageRow[] {
  const lastFailed = messages.findLast((m) => m.deliveryError !== null);
  const lastUser = messages.findLast((m) => m.role === 'user');
  const last = messages.at(-1);
  return messages.map((message, index) => {
    const next = messages[index + 1];
    if (message.role === 'assistant') {
      const asked = messages.slice(0, index).findLast((m) => m.role === 'user');
      return {
        message,
        notice: message.status === 'error' ? (asked?.deliveryError ?? null) : null,
        marked: false,
        canEdit: false,
        canRetry: !replying && message === last && (message.status === 'error' || message.status === 'stopped'),
      };
    }
    const failedReplyFollows = next?.role === 'assistant' && next.status === 'error';
    const newestFailure = message === lastFailed;
    return {
      message,
      notice: newestFailure && !failedReplyFollows ? message.deliveryError : null,
      marked: message.deliveryError !== null && !newestFailure,
      canEdit: message.role === 'user' && !replying,
      canRetry: !replying && message === lastUser && message === last,
    };
  });
}
