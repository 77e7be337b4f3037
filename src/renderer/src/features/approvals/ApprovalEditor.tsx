import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { Approval } from '../../../../shared';
import { FormError } from '../../components/FormError';
import { useRpc } from '../../rpc/rpc-context';
import { Field } from '../integrations/Field';
import { saveEdit } from './approvals-actions';
import { draftOf, editableFields, payloadOf, type PayloadProblem } from './payload-draft';

const NO_PROBLEM: PayloadProblem = { message: null, fields: {} };

/**
 * The preview turned into a form. Saving never sends anything: the core keeps the edit as a new
 * item that waits for its own approval, and the page shows it where this one was.
 */
export function ApprovalEditor({ approval, onClose }: { approval: Approval; onClose(): void }) {
  const client = useRpc();
  const fields = editableFields(approval);
  const [values, setValues] = useState(() => draftOf(approval));
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<PayloadProblem>(NO_PROBLEM);
  const formRef = useRef<HTMLFormElement>(null);
  const hintId = useId();

  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>('input, textarea')?.focus();
  }, []);

  // After a refusal, focus the first field refused (or the form's own message) so the reason is read out.
  useEffect(() => {
    if (problem === NO_PROBLEM) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], .form-error')?.focus();
  }, [problem]);

  async function save(event: FormEvent) {
    event.preventDefault();
    if (saving) return;
    const built = payloadOf(approval, values);
    if ('problem' in built) return setProblem(built.problem);
    setSaving(true);
    setProblem(NO_PROBLEM);
    const result = await saveEdit(
      client,
      approval,
      built.payload,
      fields.map((f) => f.key),
    );
    setSaving(false);
    // Saved: this item is superseded and leaves the queue; its replacement shows in its place and takes focus.
    if ('id' in result) onClose();
    else setProblem(result);
  }

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key === 'Escape' && !saving) {
      event.stopPropagation();
      onClose();
    } else if (event.key === 'Enter' && (event.metaKey || event.ctrlKey)) {
      event.preventDefault();
      event.currentTarget.requestSubmit();
    }
  }

  return (
    <form
      ref={formRef}
      className="approval-editor"
      aria-label="Edit before approving"
      aria-describedby={hintId}
      noValidate
      onSubmit={(event) => void save(event)}
      onKeyDown={onKeyDown}
    >
      {fields.map((field) => (
        <Field key={field.key} label={field.label} hint={field.hint} error={problem.fields[field.key]}>
          {(control) =>
            field.type === 'long' || field.type === 'json' ? (
              <textarea
                {...control}
                name={field.key}
                className={field.type === 'json' ? 'input input--mono' : 'input'}
                rows={field.type === 'json' ? 2 : 6}
                value={values[field.key] ?? ''}
                readOnly={saving}
                spellCheck={field.type !== 'json'}
                onChange={(event) => setValues({ ...values, [field.key]: event.currentTarget.value })}
              />
            ) : (
              <input
                {...control}
                name={field.key}
                className={field.type === 'list' ? 'input input--mono' : 'input'}
                value={values[field.key] ?? ''}
                readOnly={saving}
                spellCheck={field.type === 'text'}
                autoComplete="off"
                onChange={(event) => setValues({ ...values, [field.key]: event.currentTarget.value })}
              />
            )
          }
        </Field>
      ))}
      <FormError message={problem.message} focusable />
      <div className="approval-editor__foot">
        <span id={hintId} className="field__hint">
          Saving doesn’t send it: your edit waits here for your approval. Ctrl+Enter saves, Escape cancels.
        </span>
        <div className="approval__buttons">
          <button type="button" className="button button--small button--ghost" disabled={saving} onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--small button--primary" disabled={saving}>
            {saving ? (
              <>
                <span className="spinner" aria-hidden="true" />
                Saving…
              </>
            ) : (
              'Save edit'
            )}
          </button>
        </div>
      </div>
    </form>
  );
}
