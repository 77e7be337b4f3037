import { useEffect } from 'react';
import { Banners } from '../../components/Banners';
import { EmptyState } from '../../components/EmptyState';
import { useRpc } from '../../rpc/rpc-context';
import { useConnection } from '../../stores/connection';
import { useMessages } from '../../stores/messages';
import { useNavigation } from '../../stores/navigation';
import { useThreads } from '../../stores/threads';
import { loadMessages } from './chat-actions';
import { Composer } from './Composer';
import { MessageList } from './MessageList';
import './conversation.css';

export function Conversation() {
  const client = useRpc();
  const threadId = useNavigation((s) => s.threadId);
  const thread = useThreads((s) => s.threads.find((t) => t.id === threadId));
  const entry = useMessages((s) => (threadId ? s.byThread[threadId] : undefined));
  const notice = useMessages((s) => (threadId ? s.notices[threadId] : undefined));
  const sending = useMessages((s) => (threadId ? s.sending[threadId] === true : false));
  const connected = useConnection((s) => s.state === 'connected');
  const hasEntry = entry !== undefined;

  useEffect(() => {
    if (threadId && !hasEntry && connected) void loadMessages(client, threadId);
  }, [client, threadId, hasEntry, connected]);

  return (
    <section className="conversation" aria-label="Conversation">
      <header className="conversation__header">
        <h2 className={thread ? 'conversation__title' : 'conversation__title conversation__title--muted'}>
          {thread?.title ?? (threadId ? '' : 'New conversation')}
        </h2>
        {thread && thread.messageCount > 0 ? (
          <span className="conversation__count">
            {thread.messageCount} {thread.messageCount === 1 ? 'message' : 'messages'}
          </span>
        ) : null}
      </header>
      <Banners scope="chat" />
      {threadId ? (
        <MessageList threadId={threadId} entry={entry} notice={notice} />
      ) : (
        <div className="conversation__welcome">
          <EmptyState icon="sparkle" title="What can Izzie help with?">
            Type a message below to start a new chat, or pick one from the list.
          </EmptyState>
        </div>
      )}
      <Composer threadId={threadId} sending={sending} />
    </section>
  );
}
