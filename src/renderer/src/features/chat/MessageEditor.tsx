import { useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { MESSAGE_CONTENT_MAX } from '../../../../shared';

/**
 * Rewrites a sent message in place. Enter saves (Shift+Enter breaks the line), Escape cancels.
 * Saving sends it again: the replies after it are replaced.
 */
export function MessageEditor({
  initial,
  onSave,
  onCancel,
}: {
  initial: string;
  onSave(content: string): Promise<void>;
  onCancel(): void;
}) {
  const [value, setValue] = useState(initial);
  const [busy, setBusy] = useState(false);
  const ref = useRef<HTMLTextAreaElement>(null);
  const canSave = value.trim().length > 0 && !busy;

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.style.height = 'auto';
    el.style.height = `${Math.min(el.scrollHeight, 320)}px`;
  }, [value]);

  async function save() {
    if (!canSave) return;
    if (value === initial) return onCancel();
    setBusy(true);
    await onSave(value);
    setBusy(false);
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void save();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onCancel();
    }
  }

  return (
    <div className="message-editor">
      <textarea
        ref={ref}
        className="message-editor__input"
        aria-label="Edit message"
        value={value}
        maxLength={MESSAGE_CONTENT_MAX}
        autoFocus
        onFocus={(event) => event.currentTarget.setSelectionRange(value.length, value.length)}
        onChange={(event) => setValue(event.currentTarget.value)}
        onKeyDown={onKeyDown}
      />
      <div className="message-editor__bar">
        <span className="message-editor__hint">Saving asks again and replaces the replies after this message.</span>
        <button type="button" className="button button--small button--ghost" onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className="button button--small button--primary" disabled={!canSave} onClick={() => void save()}>
          Save
        </button>
      </div>
    </div>
  );
}
