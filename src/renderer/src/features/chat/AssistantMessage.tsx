import type { Message } from '../../../../shared';
import { Icon } from '../../components/Icon';
import { useRpc } from '../../rpc/rpc-context';
import { useActivity } from '../../stores/activity';
import type { DeliveryNotice as Notice } from '../../stores/messages';
import { DeliveryNotice } from './DeliveryNotice';
import { Markdown } from './Markdown';
import { ReplyActivity } from './ReplyActivity';
import { retryReply } from './reply-actions';
import { formatClock, formatFull } from './relative-time';
import { ToolCallCard } from './ToolCallCard';
import { describeUsage } from './usage';

/**
 * One of Izzie's replies: the tools it used (in the order it used them), the text as Markdown,
 * what it is doing while it runs, and how it ended — usage, "Stopped", or the error — with Retry
 * on the newest reply.
 */
export function AssistantMessage({
  message,
  problem,
  canRetry,
}: {
  message: Message;
  /** Why it failed: the delivery error the core put on the message it answers. */
  problem: Notice | null;
  canRetry: boolean;
}) {
  const client = useRpc();
  const activity = useActivity((s) => {
    const current = s.byThread[message.threadId];
    return current && (current.messageId === message.id || current.messageId === null) ? current : undefined;
  });
  const note = useActivity((s) => s.notes[message.id]);
  const streaming = message.status === 'streaming';
  const retry = canRetry ? () => void retryReply(client, message.threadId) : undefined;

  return (
    <div className="message message--assistant" data-role="assistant">
      {message.toolCalls.length > 0 ? (
        <div className="tool-calls">
          {message.toolCalls.map((call) => (
            <ToolCallCard key={call.id} call={call} />
          ))}
        </div>
      ) : null}
      {message.content !== '' ? (
        <div className="message__bubble message__bubble--markdown">
          <span className="visually-hidden">Izzie: </span>
          <Markdown content={message.content} />
        </div>
      ) : null}
      {streaming ? <ReplyActivity activity={activity} hasText={message.content !== ''} /> : null}
      {note ? (
        <p className="reply-note">
          <Icon name="info" size={13} />
          {note}
        </p>
      ) : null}
      {message.status === 'error' ? (
        <DeliveryNotice notice={problem ?? { code: 'INTERNAL', message: 'This reply failed.' }} onRetry={retry} />
      ) : null}
      {!streaming ? (
        <div className="message__meta">
          <time dateTime={new Date(message.createdAt).toISOString()} title={formatFull(message.createdAt)}>
            {formatClock(message.createdAt)}
          </time>
          {message.status === 'stopped' ? <span className="reply-stopped">Stopped</span> : null}
          {message.usage ? <UsageLine usage={message.usage} /> : null}
          {message.status === 'stopped' && retry ? (
            <button type="button" className="button button--small button--ghost reply-retry" onClick={retry}>
              <Icon name="retry" size={13} />
              Retry
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

function UsageLine({ usage }: { usage: NonNullable<Message['usage']> }) {
  const { text, title } = describeUsage(usage);
  return (
    <span className="reply-usage" title={title}>
      {text}
    </span>
  );
}
