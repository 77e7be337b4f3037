import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { THREAD_TITLE_MAX, type Thread } from '../../../../shared';
import { Icon } from '../../components/Icon';
import { routeToHash } from '../../app/hash-route';
import { useRpc } from '../../rpc/rpc-context';
import { useNavigation } from '../../stores/navigation';
import { renameThread } from './chat-actions';
import { plainPreview } from './plain-preview';
import { formatFull, formatRelative } from './relative-time';

/**
 * One thread in the list. The row is a link named by the thread title (preview and time describe
 * it); rename and delete sit beside it and appear on hover or keyboard focus.
 */
export function ThreadRow({
  thread,
  selected,
  now,
  onDelete,
}: {
  thread: Thread;
  selected: boolean;
  now: number;
  onDelete(): void;
}) {
  const client = useRpc();
  const selectThread = useNavigation((s) => s.selectThread);
  const [editing, setEditing] = useState(false);
  const refocus = useRef(false);
  const linkRef = useRef<HTMLAnchorElement>(null);
  const titleId = useId();
  const metaId = useId();

  useEffect(() => {
    if (!editing && refocus.current) {
      refocus.current = false;
      linkRef.current?.focus();
    }
  }, [editing]);

  if (editing) {
    return (
      <li className="thread-row thread-row--editing">
        <TitleEditor
          initial={thread.title}
          onDone={(title, byKeyboard) => {
            refocus.current = byKeyboard;
            setEditing(false);
            if (title !== null) void renameThread(client, thread.id, title);
          }}
        />
      </li>
    );
  }

  const select = () => selectThread(thread.id);
  return (
    <li className={selected ? 'thread-row thread-row--selected' : 'thread-row'}>
      <a
        ref={linkRef}
        href={routeToHash({ page: 'chat', threadId: thread.id })}
        className="thread-row__link"
        aria-current={selected ? 'true' : undefined}
        aria-labelledby={titleId}
        aria-describedby={metaId}
        onClick={(event) => {
          event.preventDefault();
          select();
        }}
        onKeyDown={(event) => {
          if (event.key === ' ') {
            event.preventDefault();
            select();
          }
        }}
      >
        <span className="thread-row__top">
          <span id={titleId} className="thread-row__title">
            {thread.title}
          </span>
          <time
            className="thread-row__time"
            dateTime={new Date(thread.updatedAt).toISOString()}
            title={formatFull(thread.updatedAt)}
          >
            {formatRelative(thread.updatedAt, now)}
          </time>
        </span>
        <span id={metaId} className="thread-row__preview">
          {thread.lastMessagePreview === null ? 'No messages yet' : plainPreview(thread.lastMessagePreview)}
        </span>
      </a>
      <div className="thread-row__actions">
        <button
          type="button"
          className="icon-button icon-button--small"
          aria-label="Rename thread"
          title="Rename"
          onClick={() => setEditing(true)}
        >
          <Icon name="pencil" size={14} />
        </button>
        <button
          type="button"
          className="icon-button icon-button--small"
          aria-label="Delete thread"
          title="Delete"
          onClick={onDelete}
        >
          <Icon name="trash" size={14} />
        </button>
      </div>
    </li>
  );
}

/** Enter saves, Escape cancels, leaving the field saves; an empty title is not saved. */
function TitleEditor({ initial, onDone }: { initial: string; onDone(title: string | null, byKeyboard: boolean): void }) {
  const [value, setValue] = useState(initial);
  const finished = useRef(false);
  const finish = (title: string | null, byKeyboard: boolean) => {
    if (finished.current) return;
    finished.current = true;
    onDone(title !== null && title.trim() ? title : null, byKeyboard);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      finish(value, true);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      finish(null, true);
    }
  };
  return (
    <input
      className="thread-row__input"
      aria-label="Thread title"
      value={value}
      maxLength={THREAD_TITLE_MAX}
      autoFocus
      onFocus={(event) => event.currentTarget.select()}
      onChange={(event) => setValue(event.currentTarget.value)}
      onKeyDown={onKeyDown}
      onBlur={() => finish(value, false)}
    />
  );
}
