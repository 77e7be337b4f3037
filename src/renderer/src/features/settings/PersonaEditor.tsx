import { useId, useState, type FormEvent } from 'react';
import { PERSONA_PROMPT_MAX, type Persona } from '../../../../shared';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Icon } from '../../components/Icon';
import { Segmented } from '../../components/Segmented';
import { useRpc } from '../../rpc/rpc-context';
import { useDraftForm } from './use-draft-form';
import { resetPersona, updatePersona } from './personas-actions';
import { FormError } from '../../components/FormError';

interface Draft {
  systemPrompt: string;
  communicationStyle: Persona['communicationStyle'];
  toolAccess: string;
  memoryNamespace: string;
}

const NAMES: Record<Persona['id'], string> = { work: 'Work', personal: 'Personal' };

/** One persona's settings. Save sends only what changed; Reset puts Izzie's defaults back. */
export function PersonaEditor({ persona }: { persona: Persona }) {
  const client = useRpc();
  const name = NAMES[persona.id];
  const { draft, edit, busy, error, saved, run } = useDraftForm(persona, toDraft);
  const [confirmReset, setConfirmReset] = useState(false);
  const ids = { prompt: useId(), tools: useId(), toolsHint: useId(), namespace: useId(), namespaceHint: useId() };
  const change = changes(persona, draft);
  const dirty = Object.keys(change).length > 0;
  function save(event: FormEvent) {
    event.preventDefault();
    if (dirty) void run(() => updatePersona(client, { id: persona.id, ...change }));
  }

  return (
    <form className="persona" aria-label={`${name} persona`} noValidate onSubmit={save}>
      <div className="persona__head">
        <h3 className="persona__name">{name}</h3>
        <span className="pill">{persona.customized ? 'Customized' : 'Izzie’s defaults'}</span>
      </div>
      <div className="field">
        <label className="field__label" htmlFor={ids.prompt}>
          System prompt
        </label>
        <textarea
          id={ids.prompt}
          className="input persona__prompt"
          aria-label={`${name} system prompt`}
          value={draft.systemPrompt}
          maxLength={PERSONA_PROMPT_MAX}
          rows={5}
          onChange={(e) => edit({ systemPrompt: e.currentTarget.value })}
        />
      </div>
      <div className="persona__row">
        <div className="field">
          <span className="field__label">Communication style</span>
          <Segmented
            small
            label={`${name} communication style`}
            value={draft.communicationStyle}
            options={[
              { value: 'formal', label: 'Formal' },
              { value: 'casual', label: 'Casual' },
            ]}
            onChange={(communicationStyle) => edit({ communicationStyle })}
          />
        </div>
        <div className="field persona__namespace">
          <label className="field__label" htmlFor={ids.namespace}>
            Memory namespace
          </label>
          <input
            id={ids.namespace}
            className="input input--mono"
            aria-label={`${name} memory namespace`}
            aria-describedby={ids.namespaceHint}
            value={draft.memoryNamespace}
            spellCheck={false}
            onChange={(e) => edit({ memoryNamespace: e.currentTarget.value })}
          />
          <span id={ids.namespaceHint} className="field__hint">
            Where this persona’s memories are kept and searched.
          </span>
        </div>
      </div>
      <div className="field">
        <label className="field__label" htmlFor={ids.tools}>
          Tool access
        </label>
        <input
          id={ids.tools}
          className="input input--mono"
          aria-label={`${name} tool access`}
          aria-describedby={ids.toolsHint}
          value={draft.toolAccess}
          spellCheck={false}
          onChange={(e) => edit({ toolAccess: e.currentTarget.value })}
        />
        <span id={ids.toolsHint} className="field__hint">
          Comma-separated. Name single tools (<code>thread_search</code>) or whole groups (<code>builtin</code>,{' '}
          <code>github</code>, <code>email</code>…).
        </span>
      </div>
      <FormError message={error} />
      <div className="persona__actions">
        {saved && !dirty ? (
          <span className="persona__saved">
            <Icon name="check" size={13} /> Saved
          </span>
        ) : null}
        <button
          type="button"
          className="button button--ghost"
          disabled={!persona.customized || busy}
          onClick={() => setConfirmReset(true)}
        >
          Reset to defaults
        </button>
        <button type="submit" className="button button--primary" disabled={!dirty || busy}>
          Save
        </button>
      </div>
      {confirmReset ? (
        <ConfirmDialog
          title={`Reset the ${name} persona?`}
          confirmLabel="Reset"
          busy={busy}
          onCancel={() => setConfirmReset(false)}
          onConfirm={() => {
            setConfirmReset(false);
            void run(() => resetPersona(client, persona.id));
          }}
        >
          Its system prompt, communication style, tool access and memory namespace go back to Izzie’s defaults.
        </ConfirmDialog>
      ) : null}
    </form>
  );
}

function toDraft(persona: Persona): Draft {
  return {
    systemPrompt: persona.systemPrompt,
    communicationStyle: persona.communicationStyle,
    toolAccess: persona.toolAccess.join(', '),
    memoryNamespace: persona.memoryNamespace,
  };
}

function parseTools(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((tool) => tool.trim())
    .filter(Boolean);
}

/** Only the fields that differ from what is saved; the core refuses an empty change. */
function changes(persona: Persona, draft: Draft) {
  const tools = parseTools(draft.toolAccess);
  return {
    ...(draft.systemPrompt !== persona.systemPrompt ? { systemPrompt: draft.systemPrompt } : {}),
    ...(draft.communicationStyle !== persona.communicationStyle ? { communicationStyle: draft.communicationStyle } : {}),
    ...(tools.join(',') !== persona.toolAccess.join(',') ? { toolAccess: tools } : {}),
    ...(draft.memoryNamespace.trim() !== persona.memoryNamespace ? { memoryNamespace: draft.memoryNamespace.trim() } : {}),
  };
}
