import { useLayoutEffect, useRef } from 'react';
import { useRpc } from '../../rpc/rpc-context';
import type { DeliveryNotice as Notice, ThreadMessages } from '../../stores/messages';
import { loadEarlierMessages } from './chat-actions';
import { DeliveryNotice } from './DeliveryNotice';
import { MessageBubble } from './MessageBubble';

/**
 * The conversation, oldest first. New messages scroll into view; loading an earlier page keeps the
 * reader's place. Only the newest undelivered message carries the full notice, so a thread with
 * several unanswered messages shows one call to action, not a wall of them.
 */
export function MessageList({
  threadId,
  entry,
  notice,
}: {
  threadId: string;
  entry: ThreadMessages | undefined;
  notice: Notice | undefined;
}) {
  const client = useRpc();
  const scrollRef = useRef<HTMLDivElement>(null);
  const previous = useRef({ threadId: '', first: '', last: '', height: 0 });
  const messages = entry?.messages ?? [];
  const first = messages[0];
  const last = messages.at(-1);
  const lastKey = last ? `${last.id}:${last.deliveryError ? 'x' : ''}` : '';
  const lastFailedId = messages.findLast((m) => m.deliveryError !== null)?.id;

  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const before = previous.current;
    if (before.threadId === threadId && before.last === lastKey && first && before.first !== first.id) {
      el.scrollTop += el.scrollHeight - before.height; // an earlier page arrived above
    } else if (before.threadId !== threadId || before.last !== lastKey) {
      el.scrollTop = el.scrollHeight;
    }
    previous.current = { threadId, first: first?.id ?? '', last: lastKey, height: el.scrollHeight };
  });

  const ready = entry?.status === 'ready';
  return (
    <div className="message-scroll" ref={scrollRef}>
      <div className="message-column">
        {entry && entry.nextBefore !== null ? (
          <div className="message-earlier">
            <button
              type="button"
              className="button button--small button--ghost"
              disabled={entry.loadingEarlier}
              onClick={() => void loadEarlierMessages(client, threadId)}
            >
              {entry.loadingEarlier ? 'Loading…' : 'Load earlier messages'}
            </button>
          </div>
        ) : null}
        <div role="log" aria-label="Messages" className="message-log" aria-busy={entry?.status === 'loading'}>
          {messages.map((message) => (
            <MessageBubble key={message.id} message={message} showNotice={message.id === lastFailedId} />
          ))}
        </div>
        {notice && !lastFailedId ? <DeliveryNotice notice={notice} /> : null}
        {ready && messages.length === 0 ? (
          <p className="message-hint">No messages yet. Say hello — or ask Izzie to draft, summarise or remember something.</p>
        ) : null}
        {entry?.status === 'loading' && messages.length === 0 ? <p className="message-hint">Loading messages…</p> : null}
      </div>
    </div>
  );
}
