import { useLayoutEffect, useMemo, useRef } from 'react';
import { useRpc } from '../../rpc/rpc-context';
import type { DeliveryNotice as Notice, ThreadMessages } from '../../stores/messages';
import { AssistantMessage } from './AssistantMessage';
import { loadEarlierMessages } from './chat-actions';
import { DeliveryNotice } from './DeliveryNotice';
import { MessageBubble } from './MessageBubble';
import { messageRows } from './message-rows';

/** How close to the bottom (px) still counts as "following along" while a reply streams in. */
const FOLLOW_SLACK_PX = 80;

/**
 * The conversation, oldest first. A new message scrolls into view, and a streaming reply keeps the
 * view pinned to the bottom unless the reader scrolled up; loading an earlier page keeps their place.
 */
export function MessageList({
  threadId,
  entry,
  notice,
  replying,
}: {
  threadId: string;
  entry: ThreadMessages | undefined;
  notice: Notice | undefined;
  replying: boolean;
}) {
  const client = useRpc();
  const scrollRef = useRef<HTMLDivElement>(null);
  const following = useRef(true);
  const previous = useRef({ threadId: '', first: '', last: '', height: 0 });
  const messages = useMemo(() => entry?.messages ?? [], [entry]);
  const rows = useMemo(() => messageRows(messages, replying), [messages, replying]);
  const first = messages[0];
  const last = messages.at(-1);
  const lastKey = last ? `${last.id}:${last.deliveryError ? 'x' : ''}` : '';
  const anyFailed = messages.some((m) => m.deliveryError !== null);

  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const before = previous.current;
    if (before.threadId === threadId && before.last === lastKey && first && before.first !== first.id) {
      el.scrollTop += el.scrollHeight - before.height; // an earlier page arrived above
    } else if (before.threadId !== threadId || before.last !== lastKey || following.current) {
      el.scrollTop = el.scrollHeight;
      following.current = true;
    }
    previous.current = { threadId, first: first?.id ?? '', last: lastKey, height: el.scrollHeight };
  });

  const ready = entry?.status === 'ready';
  return (
    <div
      className="message-scroll"
      ref={scrollRef}
      onScroll={(event) => {
        const el = event.currentTarget;
        following.current = el.scrollHeight - el.scrollTop - el.clientHeight < FOLLOW_SLACK_PX;
      }}
    >
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
          {rows.map((row) =>
            row.message.role === 'assistant' ? (
              <AssistantMessage key={row.message.id} message={row.message} problem={row.notice} canRetry={row.canRetry} />
            ) : (
              <MessageBubble
                key={row.message.id}
                message={row.message}
                notice={row.notice}
                marked={row.marked}
                canEdit={row.canEdit}
                canRetry={row.canRetry}
              />
            ),
          )}
        </div>
        {notice && !anyFailed ? <DeliveryNotice notice={notice} /> : null}
        {ready && messages.length === 0 ? (
          <p className="message-hint">No messages yet. Say hello — or ask Izzie to draft, summarise or remember something.</p>
        ) : null}
        {entry?.status === 'loading' && messages.length === 0 ? <p className="message-hint">Loading messages…</p> : null}
      </div>
    </div>
  );
}
