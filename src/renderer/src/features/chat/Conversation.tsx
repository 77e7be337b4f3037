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
import { stopReply } from './reply-actions';
import { ThreadHeader } from './ThreadHeader';
import { useReplying } from './use-replying';
import './conversation.css';
import './reply.css';

export function Conversation() {
  const client = useRpc();
  const threadId = useNavigation((s) => s.threadId);
  const thread = useThreads((s) => s.threads.find((t) => t.id === threadId));
  const entry = useMessages((s) => (threadId ? s.byThread[threadId] : undefined));
  const notice = useMessages((s) => (threadId ? s.notices[threadId] : undefined));
  const sending = useMessages((s) => (threadId ? s.sending[threadId] === true : false));
  const connected = useConnection((s) => s.state === 'connected');
  const replying = useReplying(threadId);
  const hasEntry = entry !== undefined;

  useEffect(() => {
    if (threadId && !hasEntry && connected) void loadMessages(client, threadId);
  }, [client, threadId, hasEntry, connected]);

  // Escape stops the reply from anywhere on the page; editors and dialogs that use Escape
  // themselves stop its propagation (or mark it handled) first.
  useEffect(() => {
    if (!replying || !threadId) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented && !event.isComposing) void stopReply(client, threadId);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [client, replying, threadId]);

  return (
    <section className="conversation" aria-label="Conversation">
      <ThreadHeader thread={thread} threadId={threadId} />
      <Banners scope="chat" />
      {threadId ? (
        <MessageList threadId={threadId} entry={entry} notice={notice} replying={replying} />
      ) : (
        <div className="conversation__welcome">
          <EmptyState icon="sparkle" title="What can Izzie help with?">
            Type a message below to start a new chat, or pick one from the list.
          </EmptyState>
        </div>
      )}
      <Composer threadId={threadId} sending={sending} replying={replying} />
    </section>
  );
}
