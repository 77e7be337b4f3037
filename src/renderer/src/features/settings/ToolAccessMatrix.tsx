import { useId, useState, type FormEvent } from 'react';
import type { PersonaId, PolicySettings } from '../../../../shared';
import { FormError } from '../../components/FormError';
import { Icon } from '../../components/Icon';
import { useRpc } from '../../rpc/rpc-context';
import { useNavigation } from '../../stores/navigation';
import { usePersonas } from '../../stores/personas';
import { PERSONA_NAMES } from '../approvals/approvals-format';
import { parseList } from './permissions-format';
import { savePolicy, type PolicyProblem } from './permissions-actions';

const PERSONAS: readonly PersonaId[] = ['work', 'personal'];
const NO_PROBLEM: PolicyProblem = { message: null, fields: {}, tools: {} };

/**
 * The seed's tool-access matrix, persona × mode. The assistant row is each persona's tool access
 * (Settings → Personas), shown here read-only; the proxy row — what each persona may use to act as
 * the person — is edited here and saved with the policy.
 */
export function ToolAccessMatrix({ policy }: { policy: PolicySettings }) {
  const client = useRpc();
  const personas = usePersonas((s) => s.personas);
  const saved = policy.proxyToolAccess;
  const [draft, setDraft] = useState<Record<PersonaId, string>>(() => toDraft(saved));
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<PolicyProblem>(NO_PROBLEM);
  const [justSaved, setJustSaved] = useState(false);
  // Changed elsewhere (another window, the tray): take the new lists unless the person is editing them.
  const [baseline, setBaseline] = useState(saved);
  if (baseline !== saved) {
    setBaseline(saved);
    if (sameLists(draft, baseline)) setDraft(toDraft(saved));
  }
  const hintId = useId();
  const errorIds = { work: useId(), personal: useId() };
  const next = { work: parseList(draft.work), personal: parseList(draft.personal) };
  const dirty = !sameLists(draft, saved);

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!dirty || busy) return;
    setBusy(true);
    setProblem(NO_PROBLEM);
    const result = await savePolicy(client, { proxyToolAccess: next });
    setBusy(false);
    if ('tools' in result) return setProblem(result);
    setDraft(toDraft(result.proxyToolAccess));
    setJustSaved(true);
  }

  return (
    <form className="permissions-block" aria-labelledby={`${hintId}-title`} noValidate onSubmit={(event) => void save(event)}>
      <h3 id={`${hintId}-title`} className="permissions-block__title">
        Tool access
      </h3>
      <table className="tool-matrix">
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">Mode</span>
            </th>
            {PERSONAS.map((persona) => (
              <th key={persona} scope="col">
                {PERSONA_NAMES[persona]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">
              Assistant
              <span className="tool-matrix__mode">Reads, drafts and suggests</span>
            </th>
            {PERSONAS.map((persona) => {
              const tools = personas.find((p) => p.id === persona)?.toolAccess;
              return (
                <td key={persona} aria-label={`${PERSONA_NAMES[persona]} assistant tools`}>
                  {tools === undefined ? (
                    <span className="tool-matrix__none">Loading…</span>
                  ) : tools.length === 0 ? (
                    <span className="tool-matrix__none">No tools</span>
                  ) : (
                    <span className="tool-matrix__tools">{tools.join(', ')}</span>
                  )}
                </td>
              );
            })}
          </tr>
          <tr>
            <th scope="row">
              Proxy
              <span className="tool-matrix__mode">Acts as you</span>
            </th>
            {PERSONAS.map((persona) => (
              <td key={persona}>
                <input
                  className="input input--mono"
                  aria-label={`${PERSONA_NAMES[persona]} proxy tools`}
                  aria-describedby={problem.tools[persona] ? `${errorIds[persona]} ${hintId}` : hintId}
                  aria-invalid={Boolean(problem.tools[persona])}
                  value={draft[persona]}
                  spellCheck={false}
                  autoComplete="off"
                  disabled={busy}
                  onChange={(event) => {
                    setDraft({ ...draft, [persona]: event.currentTarget.value });
                    setJustSaved(false);
                  }}
                />
                {problem.tools[persona] ? (
                  <p id={errorIds[persona]} className="field__error">
                    <Icon name="alert" size={13} />
                    {problem.tools[persona]}
                  </p>
                ) : null}
              </td>
            ))}
          </tr>
        </tbody>
      </table>
      <p id={hintId} className="field__hint">
        Proxy: comma-separated tools (<code>gmail_send</code>, <code>google.gmail_send</code>) or groups (<code>email</code>) each
        persona may use to act as you. Assistant: each persona’s tool access, edited under{' '}
        <button
          type="button"
          className="permissions__link"
          onClick={() => useNavigation.getState().navigate('settings', { section: 'personas' })}
        >
          Personas
        </button>
        ; it never includes acting as you.
      </p>
      <FormError message={Object.keys(problem.tools).length > 0 ? null : (problem.fields.proxyToolAccess ?? problem.message)} />
      <div className="permissions-block__actions">
        {justSaved && !dirty ? (
          <span className="persona__saved">
            <Icon name="check" size={13} /> Saved
          </span>
        ) : null}
        <button type="submit" className="button button--primary" disabled={!dirty || busy}>
          {busy ? 'Saving…' : 'Save tool access'}
        </button>
      </div>
    </form>
  );
}

function sameLists(draft: Record<PersonaId, string>, access: PolicySettings['proxyToolAccess']): boolean {
  return PERSONAS.every((p) => parseList(draft[p]).join(',') === access[p].join(','));
}

function toDraft(access: PolicySettings['proxyToolAccess']): Record<PersonaId, string> {
  return { work: access.work.join(', '), personal: access.personal.join(', ') };
}
