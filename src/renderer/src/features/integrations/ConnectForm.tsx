import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { Integration } from '../../../../shared';
import { Icon } from '../../components/Icon';
import { Segmented } from '../../components/Segmented';
import { useRpc } from '../../rpc/rpc-context';
import { connectInput, DEFAULT_API, EMPTY_VALUES, FIELD_KEYS, fieldsFor, type GithubMode, type Values } from './connect-fields';
import { TextField } from './Field';
import { NO_PROBLEM, type FormProblem } from './form-problem';
import { connectIntegration } from './integrations-actions';
import { FormError } from '../../components/FormError';

const GITHUB_MODES = [
  { value: 'token', label: 'Paste a token' },
  { value: 'device', label: 'Sign in with GitHub' },
] as const;

/**
 * Connects one integration, inline in its card. Secrets live only in this form's state while the
 * person types and are emptied after every submit; the store never sees them. Refusals appear
 * under the field they are about.
 */
export function ConnectForm({
  integration,
  onCancel,
  onDone,
}: {
  integration: Integration;
  onCancel(): void;
  onDone(integration: Integration): void;
}) {
  const client = useRpc();
  const { id } = integration;
  const [githubMode, setGithubMode] = useState<GithubMode>(integration.method === 'device' ? 'device' : 'token');
  const [values, setValues] = useState<Values>({ ...EMPTY_VALUES, baseUrl: integration.baseUrl ?? '' });
  const [advanced, setAdvanced] = useState(integration.baseUrl !== null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<FormProblem<keyof Values>>(NO_PROBLEM);
  const formRef = useRef<HTMLFormElement>(null);
  const advancedId = useId();
  const fields = fieldsFor(id, githubMode);

  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>('input:not([type="radio"])')?.focus();
  }, []);

  // After a refusal, take the person to the first field that needs changing.
  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], .form-error')?.focus();
  }, [problem]);

  const set = (key: keyof Values, value: string) => setValues((current) => ({ ...current, [key]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (id === 'github' && githubMode === 'device' && !values.clientId.trim()) {
      setProblem({ message: null, fields: { clientId: 'Enter the client ID of your GitHub OAuth app.' } });
      return;
    }
    setBusy(true);
    setProblem(NO_PROBLEM);
    const outcome = await connectIntegration(client, connectInput(id, githubMode, values), FIELD_KEYS);
    setBusy(false);
    setValues((current) => ({ ...current, clientSecret: '', token: '', apiKey: '', authToken: '' }));
    if (!outcome.ok) {
      setProblem(outcome.problem);
      if (outcome.problem.fields.baseUrl || outcome.problem.fields.redirectPort) setAdvanced(true);
      return;
    }
    onDone(outcome.value);
  }

  return (
    <form
      ref={formRef}
      className="connect-form"
      aria-label={`Connect ${integration.name}`}
      noValidate
      onSubmit={(event) => void submit(event)}
    >
      {id === 'github' ? (
        <Segmented
          label="How to connect"
          value={githubMode}
          disabled={busy}
          onChange={(mode) => {
            setGithubMode(mode);
            setProblem(NO_PROBLEM);
          }}
          options={GITHUB_MODES}
        />
      ) : null}
      <div className="connect-form__fields">
        {fields.map((field) => (
          <TextField
            key={`${githubMode}-${field.key}`}
            label={field.label}
            type={field.type}
            value={values[field.key]}
            onChange={(value) => set(field.key, value)}
            placeholder={field.placeholder}
            hint={field.hint}
            optional={field.optional}
            mono={field.key !== 'fromNumber'}
            error={problem.fields[field.key]}
          />
        ))}
      </div>
      <div className="connect-form__advanced">
        <button
          type="button"
          className="disclosure"
          aria-expanded={advanced}
          aria-controls={advancedId}
          onClick={() => setAdvanced(!advanced)}
        >
          <Icon name="chevron" size={14} className="disclosure__chevron" />
          Advanced
        </button>
        <div id={advancedId} hidden={!advanced} className="connect-form__advanced-body">
          <TextField
            label="API base URL"
            type="url"
            value={values.baseUrl}
            onChange={(value) => set('baseUrl', value)}
            placeholder={DEFAULT_API[id]}
            optional
            hint="Only for a self-hosted or test server. Leave it empty to use the service itself."
            error={problem.fields.baseUrl}
          />
          {id === 'google' ? (
            <TextField
              label="Redirect port"
              type="text"
              value={values.redirectPort}
              onChange={(value) => set('redirectPort', value)}
              placeholder="Any free port"
              optional
              mono
              hint="Only if your OAuth server requires the exact redirect URI http://127.0.0.1:<port>/callback to be registered. Google does not."
              error={problem.fields.redirectPort}
            />
          ) : null}
        </div>
      </div>
      <FormError message={problem.message} focusable />
      <div className="connect-form__footer">
        <p className="connect-form__vault">
          <Icon name="lock" size={14} />
          {id === 'google' || (id === 'github' && githubMode === 'device')
            ? 'You sign in on the service’s own page; the tokens it gives Izzie go to your system keychain.'
            : 'Checked with the service, then kept in your system keychain. Izzie never shows it again.'}
        </p>
        <div className="connect-form__actions">
          <button type="button" className="button" onClick={onCancel} disabled={busy}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={busy} aria-busy={busy}>
            {busy ? <span className="spinner" aria-hidden="true" /> : null}
            {busy ? 'Connecting…' : 'Connect'}
          </button>
        </div>
      </div>
    </form>
  );
}
