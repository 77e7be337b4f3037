import { useState, type FormEvent } from 'react';
import type { PolicySettings } from '../../../../shared';
import { FormError } from '../../components/FormError';
import { Icon } from '../../components/Icon';
import { useRpc } from '../../rpc/rpc-context';
import { Field } from '../integrations/Field';
import { savePolicy, type PolicyProblem } from './permissions-actions';

interface Draft {
  undoSeconds: string;
  approvalTtlHours: string;
}

const NO_PROBLEM: PolicyProblem = { message: null, fields: {}, tools: {} };

/** How long an approved action waits (with Undo) before it goes out, and how long an approval waits for the person. */
export function ApprovalTimingForm({ policy }: { policy: PolicySettings }) {
  const client = useRpc();
  const [draft, setDraft] = useState<Draft>(() => toDraft(policy));
  const [baseline, setBaseline] = useState(policy);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<PolicyProblem>(NO_PROBLEM);
  const [justSaved, setJustSaved] = useState(false);
  if (baseline !== policy) {
    setBaseline(policy);
    if (!changed(baseline, draft)) setDraft(toDraft(policy));
  }
  const dirty = changed(policy, draft);

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!dirty || busy) return;
    const undoSeconds = wholeNumber(draft.undoSeconds);
    const approvalTtlHours = wholeNumber(draft.approvalTtlHours);
    if (undoSeconds === null || approvalTtlHours === null) {
      return setProblem({
        ...NO_PROBLEM,
        fields: {
          ...(undoSeconds === null ? { undoSeconds: 'Enter a whole number of seconds.' } : {}),
          ...(approvalTtlHours === null ? { approvalTtlHours: 'Enter a whole number of hours.' } : {}),
        },
      });
    }
    // The core decides what is in range, and says so for the field.
    const change = {
      ...(undoSeconds !== policy.undoSeconds ? { undoSeconds } : {}),
      ...(approvalTtlHours !== policy.approvalTtlHours ? { approvalTtlHours } : {}),
    };
    if (Object.keys(change).length === 0) return setDraft(toDraft(policy));
    setBusy(true);
    setProblem(NO_PROBLEM);
    const result = await savePolicy(client, change);
    setBusy(false);
    if ('tools' in result) return setProblem(result);
    setDraft(toDraft(result));
    setJustSaved(true);
  }

  const edit = (change: Partial<Draft>) => {
    setDraft({ ...draft, ...change });
    setJustSaved(false);
  };

  return (
    <form className="permissions-block" aria-label="Undo window and expiry" noValidate onSubmit={(event) => void save(event)}>
      <h3 className="permissions-block__title">Undo window and expiry</h3>
      <div className="permissions-block__row">
        <Field
          label="Undo window (seconds)"
          hint="An approved action waits this long, with Undo, before it goes out. 0 sends at once."
          error={problem.fields.undoSeconds}
        >
          {(control) => (
            <input
              {...control}
              className="input permissions__number"
              type="number"
              inputMode="numeric"
              min={0}
              max={300}
              value={draft.undoSeconds}
              disabled={busy}
              onChange={(event) => edit({ undoSeconds: event.currentTarget.value })}
            />
          )}
        </Field>
        <Field
          label="Approvals expire after (hours)"
          hint="An action nobody approved in this time is dropped, never sent."
          error={problem.fields.approvalTtlHours}
        >
          {(control) => (
            <input
              {...control}
              className="input permissions__number"
              type="number"
              inputMode="numeric"
              min={1}
              max={336}
              value={draft.approvalTtlHours}
              disabled={busy}
              onChange={(event) => edit({ approvalTtlHours: event.currentTarget.value })}
            />
          )}
        </Field>
      </div>
      <FormError message={problem.message} />
      <div className="permissions-block__actions">
        {justSaved && !dirty ? (
          <span className="persona__saved">
            <Icon name="check" size={13} /> Saved
          </span>
        ) : null}
        <button type="submit" className="button button--primary" disabled={!dirty || busy}>
          {busy ? 'Saving…' : 'Save'}
        </button>
      </div>
    </form>
  );
}

function toDraft(policy: PolicySettings): Draft {
  return { undoSeconds: String(policy.undoSeconds), approvalTtlHours: String(policy.approvalTtlHours) };
}

function changed(policy: PolicySettings, draft: Draft): boolean {
  return draft.undoSeconds !== String(policy.undoSeconds) || draft.approvalTtlHours !== String(policy.approvalTtlHours);
}

function wholeNumber(text: string): number | null {
  return /^\s*-?\d+\s*$/.test(text) ? Number(text) : null;
}
