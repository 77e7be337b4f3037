import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { GrantScope, PersonaId } from '../../../../shared';
import { FormError } from '../../components/FormError';
import { Icon } from '../../components/Icon';
import { Segmented } from '../../components/Segmented';
import { useRpc } from '../../rpc/rpc-context';
import { PERSONA_NAMES } from '../approvals/approvals-format';
import { Field } from '../integrations/Field';
import { NO_PROBLEM, type FormProblem } from '../integrations/form-problem';
import { CLASS_NAMES, GRANTABLE, SCOPE_HINTS, SCOPE_NAMES, parseList } from './permissions-format';
import { createGrant, type GrantField } from './permissions-actions';

interface Draft {
  scope: GrantScope;
  persona: PersonaId;
  actionClass: (typeof GRANTABLE)[number];
  tool: string;
  allowlist: string;
  rateCount: string;
  ratePerHours: string;
  days: string;
}

const EMPTY: Draft = {
  scope: 'class',
  persona: 'work',
  actionClass: 'send',
  tool: '',
  allowlist: '',
  rateCount: '',
  ratePerHours: '',
  days: '7',
};

const SCOPES = (['single', 'class', 'standing'] as const).map((scope) => ({ value: scope, label: SCOPE_NAMES[scope] }));

/**
 * A new grant: what Izzie may do as the person without asking, for which persona, with which tool,
 * to whom, how often and for how long. The core checks it (a class grant needs an expiry) and says
 * what is wrong under the field.
 */
export function GrantForm() {
  const client = useRpc();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<FormProblem<GrantField>>(NO_PROBLEM);
  const [created, setCreated] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const ids = { persona: useId(), actionClass: useId(), rate: useId(), rateError: useId() };
  const edit = (change: Partial<Draft>) => {
    setDraft({ ...draft, ...change });
    setCreated(false);
  };

  // A refused grant: focus the first field refused, or the form's message, so the reason is read out.
  useEffect(() => {
    if (problem === NO_PROBLEM) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], .form-error')?.focus();
  }, [problem]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setProblem(NO_PROBLEM);
    const rate = draft.rateCount.trim() || draft.ratePerHours.trim();
    const result = await createGrant(client, {
      scope: draft.scope,
      persona: draft.persona,
      actionClass: draft.actionClass,
      tool: draft.tool.trim() || null,
      allowlist: parseList(draft.allowlist),
      rateLimit: rate ? { count: Number(draft.rateCount), perHours: Number(draft.ratePerHours) } : null,
      days: draft.days.trim() ? Number(draft.days) : null,
    });
    setBusy(false);
    if ('id' in result) {
      setDraft(EMPTY);
      setCreated(true);
    } else {
      setProblem(result);
    }
  }

  return (
    <form ref={formRef} className="grant-form" aria-label="New grant" noValidate onSubmit={(event) => void submit(event)}>
      <h4 className="grant-form__title">New grant</h4>
      <div className="field">
        <span className="field__label">Scope</span>
        <Segmented<GrantScope> small label="Scope" options={SCOPES} value={draft.scope} onChange={(scope) => edit({ scope })} />
        <span className="field__hint">{SCOPE_HINTS[draft.scope]}</span>
        {problem.fields.scope ? <FieldError message={problem.fields.scope} /> : null}
      </div>
      <div className="permissions-block__row">
        <div className="field">
          <label className="field__label" htmlFor={ids.persona}>
            Persona
          </label>
          <select
            id={ids.persona}
            className="input"
            value={draft.persona}
            onChange={(event) => edit({ persona: event.currentTarget.value as PersonaId })}
          >
            {(['work', 'personal'] as const).map((persona) => (
              <option key={persona} value={persona}>
                {PERSONA_NAMES[persona]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor={ids.actionClass}>
            Action
          </label>
          <select
            id={ids.actionClass}
            className="input"
            value={draft.actionClass}
            onChange={(event) => edit({ actionClass: event.currentTarget.value as Draft['actionClass'] })}
          >
            {GRANTABLE.map((actionClass) => (
              <option key={actionClass} value={actionClass}>
                {CLASS_NAMES[actionClass]}
              </option>
            ))}
          </select>
        </div>
        <Field
          label="Expires after (days)"
          optional={draft.scope !== 'class'}
          error={problem.fields.days}
          hint={draft.scope === 'class' ? 'Required for this scope.' : undefined}
        >
          {(control) => (
            <input
              {...control}
              className="input permissions__number"
              type="number"
              inputMode="numeric"
              min={1}
              max={365}
              value={draft.days}
              onChange={(event) => edit({ days: event.currentTarget.value })}
            />
          )}
        </Field>
      </div>
      <Field
        label="Tool"
        optional
        error={problem.fields.tool}
        hint="Only this tool, e.g. google.gmail_send. Empty: any tool of the action."
      >
        {(control) => (
          <input
            {...control}
            className="input input--mono"
            value={draft.tool}
            spellCheck={false}
            autoComplete="off"
            onChange={(event) => edit({ tool: event.currentTarget.value })}
          />
        )}
      </Field>
      <Field
        label="Only for"
        optional
        error={problem.fields.allowlist}
        hint="Comma-separated recipients (ada@example.com, @example.com), channels (#general) or repositories (acme/app). Empty: any."
      >
        {(control) => (
          <input
            {...control}
            className="input input--mono"
            value={draft.allowlist}
            spellCheck={false}
            autoComplete="off"
            onChange={(event) => edit({ allowlist: event.currentTarget.value })}
          />
        )}
      </Field>
      <fieldset className="field grant-form__rate" aria-describedby={problem.fields.rateLimit ? ids.rateError : undefined}>
        <legend className="field__label">
          Rate limit <span className="field__optional">Optional</span>
        </legend>
        <div className="grant-form__rate-row">
          <span>At most</span>
          <input
            className="input permissions__number"
            type="number"
            inputMode="numeric"
            min={1}
            aria-label="Actions at most"
            aria-invalid={Boolean(problem.fields.rateLimit)}
            value={draft.rateCount}
            onChange={(event) => edit({ rateCount: event.currentTarget.value })}
          />
          <span>per</span>
          <input
            className="input permissions__number"
            type="number"
            inputMode="numeric"
            min={1}
            aria-label="Per hours"
            aria-invalid={Boolean(problem.fields.rateLimit)}
            value={draft.ratePerHours}
            onChange={(event) => edit({ ratePerHours: event.currentTarget.value })}
          />
          <span>hours</span>
        </div>
        {problem.fields.rateLimit ? <FieldError id={ids.rateError} message={problem.fields.rateLimit} /> : null}
      </fieldset>
      <FormError message={problem.message} focusable />
      <div className="permissions-block__actions">
        {created ? (
          <span className="persona__saved" role="status">
            <Icon name="check" size={13} /> Grant created
          </span>
        ) : null}
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? 'Creating…' : 'Create grant'}
        </button>
      </div>
    </form>
  );
}

function FieldError({ message, id }: { message: string; id?: string }) {
  return (
    <p id={id} className="field__error">
      <Icon name="alert" size={13} />
      {message}
    </p>
  );
}
