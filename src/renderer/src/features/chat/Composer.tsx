import { useEffect, useLayoutEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { MESSAGE_CONTENT_MAX } from '../../../../shared';
import { Icon } from '../../components/Icon';
import { useRpc } from '../../rpc/rpc-context';
import { sendMessage } from './chat-actions';

const MAX_HEIGHT_PX = 220;

/**
 * Enter sends, Shift+Enter breaks the line. With no thread open the first message starts one.
 * The draft clears once the core has the message (even when no reply can come); if the send
 * fails outright the draft stays so nothing typed is lost.
 */
export function Composer({ threadId, sending }: { threadId: string | null; sending: boolean }) {
  const client = useRpc();
  const [draft, setDraft] = useState('');
  const [busy, setBusy] = useState(false);
  const submitting = useRef(false);
  const shownThread = useRef(threadId);
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const canSend = draft.trim().length > 0 && !sending && !busy;

  useEffect(() => {
    if (shownThread.current === threadId) return;
    shownThread.current = threadId;
    // A thread we created for this very message keeps the draft until the send finishes.
    if (submitting.current) return;
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
        <button type="submit" className="composer__send" aria-label="Send" title="Send (Enter)" disabled={!canSend}>
          <Icon name="send" size={16} />
        </button>
      </form>
      <p className="composer__hint" aria-hidden="true">
        <kbd>Enter</kbd> to send · <kbd>Shift</kbd> + <kbd>Enter</kbd> for a new line
      </p>
    </div>
  );
}
