import { useEffect, useLayoutEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { MESSAGE_CONTENT_MAX } from '../../../../shared';
import { Icon } from '../../components/Icon';
import { useRpc } from '../../rpc/rpc-context';
import { sendMessage } from './chat-actions';
import { stopReply } from './reply-actions';

const MAX_HEIGHT_PX = 220;

/**
 * Enter sends, Shift+Enter breaks the line. With no thread open the first message starts one.
 * The draft clears once the core has the message (even when no reply can come); if the send
 * fails outright the draft stays so nothing typed is lost. While Izzie replies, Send becomes Stop
 * (Escape stops too, see Conversation) and the next message can be drafted meanwhile.
 */
export function Composer({ threadId, sending, replying }: { threadId: string | null; sending: boolean; replying: boolean }) {
  const client = useRpc();
  const [draft, setDraft] = useState('');
  const [busy, setBusy] = useState(false);
  const submitting = useRef(false);
  const shownThread = useRef(threadId);
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const canSend = draft.trim().length > 0 && !sending && !busy && !replying;

  useEffect(() => {
    if (shownThread.current === threadId) return;
    const previous = shownThread.current;
    shownThread.current = threadId;
    // A thread we created for this very message keeps the draft until the send finishes, and so
    // does one that opens under text typed with no thread open (typing right after "New chat").
    if (submitting.current || previous === null) return;
    setDraft('');
    textareaRef.current?.focus();
  }, [threadId]);

  useLayoutEffect(() => {
    const el = textareaRef.current;
    if (!el) return;
    el.style.height = 'auto';
    el.style.height = `${Math.min(el.scrollHeight, MAX_HEIGHT_PX)}px`;
  }, [draft]);

  async function submit() {
    if (!canSend) return;
    const content = draft;
    submitting.current = true;
    setBusy(true);
    const outcome = await sendMessage(client, threadId, content);
    submitting.current = false;
    setBusy(false);
    if (outcome !== 'failed') setDraft((current) => (current === content ? '' : current));
    textareaRef.current?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void submit();
    }
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    void submit();
  }

  return (
    <div className="composer-wrap">
      <form className="composer" onSubmit={onSubmit}>
        <textarea
          ref={textareaRef}
          className="composer__input"
          aria-label="Message"
          placeholder={threadId ? 'Message Izzie…' : 'Message Izzie to start a new chat…'}
          rows={1}
          maxLength={MESSAGE_CONTENT_MAX}
          value={draft}
          onChange={(event) => setDraft(event.currentTarget.value)}
          onKeyDown={onKeyDown}
        />
        {replying && threadId ? (
          <button
            type="button"
            className="composer__send composer__send--stop"
            aria-label="Stop"
            title="Stop (Esc)"
            onClick={() => {
              textareaRef.current?.focus();
              void stopReply(client, threadId);
            }}
          >
            <Icon name="stop" size={16} />
          </button>
        ) : (
          <button type="submit" className="composer__send" aria-label="Send" title="Send (Enter)" disabled={!canSend}>
            <Icon name="send" size={16} />
          </button>
        )}
      </form>
      <p className="composer__hint" aria-hidden="true">
        {replying ? (
          <>
            Izzie is replying · <kbd>Esc</kbd> to stop
          </>
        ) : (
          <>
            <kbd>Enter</kbd> to send · <kbd>Shift</kbd> + <kbd>Enter</kbd> for a new line
          </>
        )}
      </p>
    </div>
  );
}
