import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { MEMORY_CONTENT_MAX, type Memory } from '../../../../shared';
import { FormError } from '../../components/FormError';
import { useRpc } from '../../rpc/rpc-context';
import { saveMemory } from './memory-actions';

/** The memory's text in place, saved through the core (which embeds it again) or refused with the core's reason. */
export function MemoryEditor({ memory, onDone }: { memory: Memory; onDone(): void }) {
  const client = useRpc();
  const [text, setText] = useState(memory.content);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const fieldId = useId();
  const hintId = useId();
  const errorId = useId();
  const fieldRef = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    const field = fieldRef.current;
    field?.focus();
    field?.setSelectionRange(field.value.length, field.value.length);
  }, []);

  async function save(event: FormEvent) {
    event.preventDefault();
    if (saving) return;
    if (text === memory.content) return onDone();
    setSaving(true);
    setError(null);
    const result = await saveMemory(client, memory.id, text);
    setSaving(false);
    if (typeof result !== 'string') return onDone();
    setError(result);
    fieldRef.current?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Escape' && !saving) {
      event.stopPropagation();
      onDone();
    } else if (event.key === 'Enter' && (event.metaKey || event.ctrlKey)) {
      event.preventDefault();
      event.currentTarget.form?.requestSubmit();
    }
  }

  return (
    <form className="memory-editor" aria-label="Edit memory" noValidate onSubmit={(event) => void save(event)}>
      <label htmlFor={fieldId} className="visually-hidden">
        Memory text
      </label>
      <textarea
        ref={fieldRef}
        id={fieldId}
        className="input memory-editor__text"
        value={text}
        rows={3}
        maxLength={MEMORY_CONTENT_MAX}
        readOnly={saving}
        aria-invalid={Boolean(error)}
        aria-describedby={error ? `${errorId} ${hintId}` : hintId}
        onChange={(event) => setText(event.currentTarget.value)}
        onKeyDown={onKeyDown}
      />
      <FormError id={errorId} message={error} />
      <div className="memory-editor__foot">
        <span id={hintId} className="field__hint">
          Saving embeds it again, so search finds the new wording. Ctrl+Enter saves, Escape cancels.
        </span>
        <div className="memory-editor__actions">
          <button type="button" className="button button--small button--ghost" disabled={saving} onClick={onDone}>
            Cancel
          </button>
          <button type="submit" className="button button--small button--primary" disabled={saving}>
            {saving ? (
              <>
                <span className="spinner" aria-hidden="true" />
                Saving…
              </>
            ) : (
              'Save'
            )}
          </button>
        </div>
      </div>
    </form>
  );
}
