import { useState } from 'react';
import type { Message } from '../../../../shared';
import { Icon } from '../../components/Icon';
import { useRpc } from '../../rpc/rpc-context';
import type { DeliveryNotice as Notice } from '../../stores/messages';
import { DeliveryNotice } from './DeliveryNotice';
import { MessageEditor } from './MessageEditor';
import { editMessage, retryReply } from './reply-actions';
import { formatClock, formatFull } from './relative-time';

const SPEAKER: Record<Message['role'], string> = { user: 'You', assistant: 'Izzie', system: 'System', tool: 'Tool' };

/**
 * A message shown as plain text (the person's own, or a system line). The person's messages can be
 * edited and sent again; the newest unanswered one carries the full notice.
 */
export function MessageBubble({
  message,
  notice,
  marked,
  canEdit,
  canRetry,
}: {
  message: Message;
  /** The full notice with its actions, on the newest unanswered message. */
  notice: Notice | null;
  /** Older unanswered messages get a short "Not answered" marker instead. */
  marked: boolean;
  canEdit: boolean;
  canRetry: boolean;
}) {
  const client = useRpc();
  const [editing, setEditing] = useState(false);
  const side = message.role === 'user' ? 'user' : 'other';

  if (editing) {
    return (
      <div className="message message--user message--editing" data-role={message.role}>
        <MessageEditor
          initial={message.content}
          onCancel={() => setEditing(false)}
          onSave={async (content) => {
            if (await editMessage(client, message.threadId, message.id, content)) setEditing(false);
          }}
        />
      </div>
    );
  }

  return (
    <div className={`message message--${side}`} data-role={message.role}>
      <div className="message__row">
        {message.role === 'user' && canEdit ? (
          <button
            type="button"
            className="icon-button icon-button--small message__edit"
            aria-label="Edit message"
            title="Edit and resend"
            onClick={() => setEditing(true)}
          >
            <Icon name="pencil" size={14} />
          </button>
        ) : null}
        <div className="message__bubble">
          <span className="visually-hidden">{SPEAKER[message.role]}: </span>
          {message.content}
        </div>
      </div>
      <div className="message__meta">
        <time dateTime={new Date(message.createdAt).toISOString()} title={formatFull(message.createdAt)}>
          {formatClock(message.createdAt)}
        </time>
        {message.deliveryError && marked ? (
          <span className="message__undelivered" title={message.deliveryError.message}>
            <Icon name="alert" size={12} /> Not answered
          </span>
        ) : null}
      </div>
      {notice ? (
        <DeliveryNotice notice={notice} onRetry={canRetry ? () => void retryReply(client, message.threadId) : undefined} />
      ) : null}
    </div>
  );
}
