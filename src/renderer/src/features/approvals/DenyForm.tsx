import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';

const REASON_MAX = 2000;

/** Asks why (optionally) before saying no. */
export function DenyForm({ busy, onDeny, onCancel }: { busy: boolean; onDeny(reason: string): void; onCancel(): void }) {
  const [reason, setReason] = useState('');
  const fieldRef = useRef<HTMLTextAreaElement>(null);
  const fieldId = useId();
  const hintId = useId();

  useEffect(() => fieldRef.current?.focus(), []);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!busy) onDeny(reason.trim());
  }

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key === 'Escape' && !busy) {
      event.stopPropagation();
      onCancel();
    } else if (event.key === 'Enter' && (event.metaKey || event.ctrlKey)) {
      event.preventDefault();
      event.currentTarget.requestSubmit();
    }
  }

  return (
    <form className="approval-panel" aria-label="Deny" noValidate onSubmit={submit} onKeyDown={onKeyDown}>
      <div className="field">
        <div className="field__label-row">
          <label className="field__label" htmlFor={fieldId}>
            Why not?
          </label>
          <span className="field__optional">Optional</span>
        </div>
        <textarea
          ref={fieldRef}
          id={fieldId}
          className="input approval-panel__reason"
          rows={2}
          maxLength={REASON_MAX}
          value={reason}
          readOnly={busy}
          aria-describedby={hintId}
          onChange={(event) => setReason(event.currentTarget.value)}
        />
        <span id={hintId} className="field__hint">
          Izzie won’t send it. The reason is kept with it here and in the audit log.
        </span>
      </div>
      <div className="approval__buttons">
        <button type="button" className="button button--small button--ghost" disabled={busy} onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button button--small button--danger" disabled={busy}>
          {busy ? 'Denying…' : 'Deny'}
        </button>
      </div>
    </form>
  );
}
