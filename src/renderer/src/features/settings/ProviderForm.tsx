import { useId, useState, type FormEvent } from 'react';
import type { ModelsOverview, ProviderKind } from '../../../../shared';
import { Icon } from '../../components/Icon';
import { Segmented } from '../../components/Segmented';
import { useRpc } from '../../rpc/rpc-context';
import { saveProvider, testConnection, type ConnectionCheck } from './models-actions';
import { FormError } from '../../components/FormError';

type Preset = ModelsOverview['presets'][number];
type Outcome = { kind: 'testing' } | { kind: 'checked'; check: ConnectionCheck } | { kind: 'saved' } | null;

const SHOWN_MODELS = 4;

/**
 * Which provider Izzie talks to. The key field is write-only: a saved key is never sent here, only
 * "Key saved"; a typed key goes to the core once (Save, or Test connection before saving) and the
 * field is emptied after saving.
 */
export function ProviderForm({ overview }: { overview: ModelsOverview }) {
  const client = useRpc();
  const saved = overview.provider;
  const [kind, setKind] = useState<ProviderKind>(saved?.kind ?? 'openrouter');
  const [baseUrl, setBaseUrl] = useState(saved?.baseUrl ?? presetOf(overview, 'openrouter')?.baseUrl ?? '');
  const [apiKey, setApiKey] = useState('');
  const [replacingKey, setReplacingKey] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const ids = { url: useId(), key: useId(), keyHint: useId(), error: useId() };

  const preset = presetOf(overview, kind);
  const keyStored = saved !== null && saved.kind === kind && saved.apiKeySet;
  const showKeyField = !keyStored || replacingKey;
  const typedKey = apiKey.trim();
  const url = baseUrl.trim();

  function choose(next: ProviderKind) {
    setKind(next);
    setBaseUrl(saved?.kind === next ? saved.baseUrl : (presetOf(overview, next)?.baseUrl ?? ''));
    setReplacingKey(false);
    setError(null);
    setOutcome(null);
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setOutcome(null);
    const result = await saveProvider(client, {
      kind,
      ...(url ? { baseUrl: url } : {}),
      ...(saved?.kind === kind ? { timeoutMs: saved.timeoutMs } : {}),
      ...(typedKey ? { apiKey: typedKey } : {}),
    });
    setBusy(false);
    if (typeof result === 'string') return setError(result);
    setApiKey('');
    setReplacingKey(false);
    setBaseUrl(result.provider?.baseUrl ?? url);
    setOutcome({ kind: 'saved' });
  }

  async function test() {
    setOutcome({ kind: 'testing' });
    setError(null);
    const check = await testConnection(client, {
      kind,
      ...(url ? { baseUrl: url } : {}),
      ...(typedKey ? { apiKey: typedKey } : {}),
    });
    setOutcome({ kind: 'checked', check });
  }

  async function removeKey() {
    if (!saved) return;
    setBusy(true);
    setError(null);
    setOutcome(null);
    const result = await saveProvider(client, {
      kind: saved.kind,
      baseUrl: saved.baseUrl,
      timeoutMs: saved.timeoutMs,
      apiKey: null,
    });
    setBusy(false);
    if (typeof result === 'string') setError(result);
  }

  return (
    <form className="provider-form" aria-label="Model provider" noValidate onSubmit={(event) => void save(event)}>
      <div className="models__subhead">
        <h3 className="models__subtitle">Provider</h3>
        <span className={saved ? 'pill pill--ok' : 'pill'} title={saved?.label}>
          {saved ? (saved.kind === 'custom' ? 'In use' : `In use: ${saved.label}`) : 'Not set up'}
        </span>
      </div>
      <Segmented
        label="Provider"
        value={kind}
        onChange={choose}
        options={overview.presets.map((p) => ({ value: p.kind, label: p.kind === 'custom' ? 'Custom' : p.label }))}
      />
      <div className="provider-form__fields">
        <div className="field">
          <label className="field__label" htmlFor={ids.url}>
            Base URL
          </label>
          <input
            id={ids.url}
            className="input input--mono"
            type="url"
            value={baseUrl}
            required={kind === 'custom'}
            aria-required={kind === 'custom'}
            placeholder={preset?.baseUrl ?? 'http://127.0.0.1:1234/v1'}
            spellCheck={false}
            autoComplete="off"
            onChange={(event) => setBaseUrl(event.currentTarget.value)}
          />
          <span className="field__hint">
            {kind === 'custom'
              ? 'Any OpenAI-compatible server (LM Studio, vLLM, llama.cpp…), usually ending in /v1.'
              : `${preset?.label ?? 'The preset'}’s address; change it only for a proxy or another port.`}
          </span>
        </div>
        <div className="field">
          {showKeyField ? (
            <label className="field__label" htmlFor={ids.key}>
              API key
            </label>
          ) : (
            <span className="field__label">API key</span>
          )}
          {showKeyField ? (
            <div className="key-field">
              <input
                id={ids.key}
                className="input input--mono"
                type="password"
                value={apiKey}
                placeholder={
                  preset?.keyRequired ? `Paste your ${preset.label} API key` : 'Optional — local servers usually need none'
                }
                autoComplete="off"
                spellCheck={false}
                aria-describedby={ids.keyHint}
                onChange={(event) => setApiKey(event.currentTarget.value)}
              />
              {replacingKey ? (
                <button
                  type="button"
                  className="button button--small button--ghost"
                  onClick={() => {
                    setReplacingKey(false);
                    setApiKey('');
                  }}
                >
                  Keep saved key
                </button>
              ) : null}
            </div>
          ) : (
            <div className="key-saved">
              <Icon name="check" size={14} className="key-saved__icon" />
              <span className="key-saved__text">Key saved</span>
              <button type="button" className="button button--small" disabled={busy} onClick={() => setReplacingKey(true)}>
                Replace key
              </button>
              <button
                type="button"
                className="button button--small button--ghost"
                disabled={busy}
                onClick={() => void removeKey()}
              >
                Remove key
              </button>
            </div>
          )}
          <span id={ids.keyHint} className="field__hint">
            Stored encrypted in the vault. Izzie never shows a saved key again.
          </span>
        </div>
      </div>
      <FormError message={error} id={ids.error} />
      <div className="connection-result" role="status">
        <ConnectionOutcome outcome={outcome} />
      </div>
      <div className="provider-form__actions">
        <button type="button" className="button" disabled={busy || outcome?.kind === 'testing'} onClick={() => void test()}>
          Test connection
        </button>
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? 'Saving…' : 'Save'}
        </button>
      </div>
    </form>
  );
}

function ConnectionOutcome({ outcome }: { outcome: Outcome }) {
  if (!outcome) return null;
  if (outcome.kind === 'testing') return <span className="connection-result__pending">Testing connection…</span>;
  if (outcome.kind === 'saved') return <span className="connection-result__ok">Saved.</span>;
  const { check } = outcome;
  if (!check.ok) {
    return (
      <span className="connection-result__fail">
        <Icon name="alert" size={14} />
        {check.message}
      </span>
    );
  }
  const names = check.models.slice(0, SHOWN_MODELS).join(', ');
  const more = check.models.length > SHOWN_MODELS ? ', …' : '';
  return (
    <span className="connection-result__ok">
      <Icon name="check" size={14} />
      <span>
        Connected — {check.models.length} {check.models.length === 1 ? 'model' : 'models'} available
        {names ? <span className="connection-result__models">{` (${names}${more})`}</span> : null}
      </span>
    </span>
  );
}

function presetOf(overview: ModelsOverview, kind: ProviderKind): Preset | undefined {
  return overview.presets.find((p) => p.kind === kind);
}
