import { useState, type FormEvent } from 'react';
import type { EmbedderChoice } from '../../../../shared';
import { FormError } from '../../components/FormError';
import { Segmented } from '../../components/Segmented';
import { useRpc } from '../../rpc/rpc-context';
import { useMemory } from '../../stores/memory';
import { Dialog } from '../integrations/Dialog';
import { TextField } from '../integrations/Field';
import { NO_PROBLEM, type FormProblem } from '../integrations/form-problem';
import { switchEmbedder } from './memory-actions';

type Kind = EmbedderChoice['kind'];

/** Local embeddings or the model provider's; switching embeds every memory again in the background. */
export function EmbedderDialog({ onClose }: { onClose(): void }) {
  const client = useRpc();
  const current = useMemory((s) => s.status?.embedder ?? null);
  const [kind, setKind] = useState<Kind>(current?.kind ?? 'local');
  const [model, setModel] = useState(current?.kind === 'provider' ? current.model : '');
  const [problem, setProblem] = useState<FormProblem<'model'>>(NO_PROBLEM);
  const [busy, setBusy] = useState(false);
  const unchanged = current !== null && kind === current.kind && (kind === 'local' || model.trim() === current.model);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const result = await switchEmbedder(client, kind === 'local' ? { kind } : { kind, model });
    setBusy(false);
    if (result) setProblem(result);
    else onClose();
  }

  return (
    <Dialog
      title="Embedder"
      description={
        current ? (
          <>
            Izzie now embeds with <strong>{current.label}</strong>
            {current.dimension ? ` (${current.dimension} dimensions)` : ''}.
          </>
        ) : undefined
      }
      onClose={onClose}
    >
      <form className="dialog-form" aria-label="Change embedder" noValidate onSubmit={(event) => void submit(event)}>
        <Segmented
          label="Embed with"
          value={kind}
          options={[
            { value: 'local', label: 'On this computer' },
            { value: 'provider', label: 'Model provider' },
          ]}
          onChange={(next) => {
            setKind(next);
            setProblem(NO_PROBLEM);
          }}
        />
        {kind === 'provider' ? (
          <TextField
            label="Embedding model"
            value={model}
            onChange={setModel}
            placeholder="text-embedding-3-small"
            mono
            error={problem.fields.model}
            hint="An embeddings model served by the provider set in Settings → Models. Each memory’s text is sent to it."
          />
        ) : (
          <p className="field__hint">Universal Sentence Encoder lite runs on this computer; no text leaves it.</p>
        )}
        <p className="embedder__note">
          Switching embeds every memory again in the background. Progress shows at the top of the Memory page, and you can cancel
          it there.
        </p>
        <FormError message={problem.message} />
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={busy || unchanged}>
            {busy ? 'Switching…' : 'Switch and re-embed'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
