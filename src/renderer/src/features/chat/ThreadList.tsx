import { useId, useRef, useState } from 'react';
import type { Thread } from '../../../../shared';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { EmptyState } from '../../components/EmptyState';
import { Icon } from '../../components/Icon';
import { useRpc } from '../../rpc/rpc-context';
import { useConnection } from '../../stores/connection';
import { useNavigation } from '../../stores/navigation';
import { useThreads } from '../../stores/threads';
import { createThread, deleteThread } from './chat-actions';
import { useNow } from './relative-time';
import { ThreadRow } from './ThreadRow';

export function ThreadList() {
  const client = useRpc();
  const threads = useThreads((s) => s.threads);
  const status = useThreads((s) => s.status);
  const offline = useConnection((s) => s.state === 'failed');
  const selectedId = useNavigation((s) => s.threadId);
  const [pendingDelete, setPendingDelete] = useState<Thread | null>(null);
  const [deleting, setDeleting] = useState(false);
  const newChatRef = useRef<HTMLButtonElement>(null);
  const headingId = useId();
  const now = useNow();

  async function confirmDelete(thread: Thread) {
    setDeleting(true);
    const deleted = await deleteThread(client, thread.id);
    setDeleting(false);
    setPendingDelete(null);
    if (deleted) newChatRef.current?.focus();
  }

  return (
    <section className="thread-pane" aria-labelledby={headingId}>
      <header className="thread-pane__header">
        <h2 id={headingId} className="thread-pane__title">
          Chats
        </h2>
        <button ref={newChatRef} type="button" className="button button--small" onClick={() => void createThread(client)}>
          <Icon name="plus" />
          New chat
        </button>
      </header>

      {status === 'ready' && threads.length === 0 ? (
        <EmptyState icon="chat" title="No chats yet">
          Start one with New chat, or just type a message — Izzie keeps every conversation on this computer.
        </EmptyState>
      ) : (
        <ul aria-label="Threads" className="thread-list" aria-busy={status === 'loading'}>
          {(status === 'loading' || status === 'idle') && !offline && threads.length === 0
            ? [0, 1, 2].map((i) => <li key={i} className="thread-skeleton" aria-hidden="true" />)
            : threads.map((thread) => (
                <ThreadRow
                  key={thread.id}
                  thread={thread}
                  selected={thread.id === selectedId}
                  now={now}
                  onDelete={() => setPendingDelete(thread)}
                />
              ))}
        </ul>
      )}

      {pendingDelete ? (
        <ConfirmDialog
          title="Delete this chat?"
          confirmLabel="Delete"
          danger
          busy={deleting}
          onConfirm={() => void confirmDelete(pendingDelete)}
          onCancel={() => setPendingDelete(null)}
        >
          “{pendingDelete.title}” and its messages will be removed from this computer. This can’t be undone.
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
