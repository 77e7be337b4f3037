import type { Message } from '../../../../shared';
import { Icon } from '../../components/Icon';
import { DeliveryNotice } from './DeliveryNotice';
import { formatClock, formatFull } from './relative-time';

const SPEAKER: Record<Message['role'], string> = { user: 'You', assistant: 'Izzie', system: 'System', tool: 'Tool' };

export function MessageBubble({ message, showNotice }: { message: Message; showNotice: boolean }) {
  const side = message.role === 'user' ? 'user' : 'other';
  return (
    <div className={`message message--${side}`} data-role={message.role}>
      <div className="message__bubble">
        <span className="visually-hidden">{SPEAKER[message.role]}: </span>
        {message.content}
      </div>
      <div className="message__meta">
        <time dateTime={new Date(message.createdAt).toISOString()} title={formatFull(message.createdAt)}>
          {formatClock(message.createdAt)}
        </time>
        {message.deliveryError && !showNotice ? (
          <span className="message__undelivered" title={message.deliveryError.message}>
            <Icon name="alert" size={12} /> Not answered
          </span>
        ) : null}
      </div>
      {message.deliveryError && showNotice ? <DeliveryNotice notice={message.deliveryError} /> : null}
    </div>
  );
}
