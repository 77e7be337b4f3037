import { useId, useState, type FormEvent } from 'react';
import type { NamespaceInfo } from '../../../../shared';
import { FormError } from '../../components/FormError';
import { useRpc } from '../../rpc/rpc-context';
import { useMemory } from '../../stores/memory';
import { Dialog } from '../integrations/Dialog';
import { applyRetention, saveRetention } from './memory-actions';
import { formatCount, namespaceName } from './memory-format';

interface Draft {
  forever: boolean;
  days: string;
}

/** How long each namespace keeps its memories, and a purge on demand (it also runs daily). */
export function RetentionDialog({ onClose }: { onClose(): void }) {
  const client = useRpc();
  const namespaces = useMemory((s) => s.namespaces);
  const [drafts, setDrafts] = useState<Record<string, Draft>>(() =>
    Object.fromEntries(namespaces.map((n) => [n.namespace, toDraft(n)])),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [purgeError, setPurgeError] = useState<string | null>(null);
  const dirtyHintId = useId();
  const changed = namespaces.filter((n) => {
    const draft = drafts[n.namespace];
    return draft !== undefined && isChanged(n, draft);
  });

  function edit(namespace: string, change: Partial<Draft>) {
    setDrafts((all) => ({ ...all, [namespace]: { ...(all[namespace] ?? { forever: true, days: '' }), ...change } }));
    setNotice(null);
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const refused: Record<string, string> = {};
    for (const info of changed) {
      const draft = drafts[info.namespace];
      if (!draft) continue;
      const result = await saveRetention(client, info.namespace, draft.forever ? null : Number(draft.days));
      if (typeof result === 'string') refused[info.namespace] = result;
      else setDrafts((all) => ({ ...all, [info.namespace]: toDraft(result) }));
    }
    setErrors(refused);
    setBusy(false);
    setNotice(Object.keys(refused).length === 0 ? 'Retention saved.' : null);
  }

  async function purge() {
    setBusy(true);
    setPurgeError(null);
    const result = await applyRetention(client);
    setBusy(false);
    if (typeof result === 'string') setPurgeError(result);
    else
      setNotice(
        result === 0
          ? 'Nothing had expired.'
          : `Removed ${formatCount(result, 'expired memory', 'expired memories')} and what was learned only from them.`,
      );
  }

  return (
    <Dialog
      title="Retention"
      description="How long Izzie keeps what it learned in each namespace. Expired memories are removed every day, with their search entries and the relations learned only from them."
      onClose={onClose}
    >
      <form className="dialog-form" aria-label="Retention" noValidate onSubmit={(event) => void save(event)}>
        <table className="retention">
          <thead>
            <tr>
              <th scope="col">Namespace</th>
              <th scope="col">Read by</th>
              <th scope="col">Keep memories</th>
            </tr>
          </thead>
          <tbody>
            {namespaces.map((info) => (
              <RetentionRow
                key={info.namespace}
                info={info}
                draft={drafts[info.namespace] ?? toDraft(info)}
                error={errors[info.namespace]}
                disabled={busy}
                onChange={(change) => edit(info.namespace, change)}
              />
            ))}
          </tbody>
        </table>
        <FormError message={purgeError} />
        {notice ? (
          <p className="retention__notice" role="status">
            {notice}
          </p>
        ) : null}
        <div className="dialog__actions retention__actions">
          <div className="retention__purge">
            <button
              type="button"
              className="button"
              disabled={busy || changed.length > 0}
              aria-describedby={changed.length > 0 ? dirtyHintId : undefined}
              onClick={() => void purge()}
            >
              Apply retention now
            </button>
            {changed.length > 0 ? (
              <span id={dirtyHintId} className="field__hint">
                Save first: this applies the saved retention.
              </span>
            ) : null}
          </div>
          <button type="button" className="button" onClick={onClose}>
            Close
          </button>
          <button type="submit" className="button button--primary" disabled={busy || changed.length === 0}>
            Save
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function RetentionRow({
  info,
  draft,
  error,
  disabled,
  onChange,
}: {
  info: NamespaceInfo;
  draft: Draft;
  error: string | undefined;
  disabled: boolean;
  onChange(change: Partial<Draft>): void;
}) {
  const errorId = useId();
  const name = info.namespace;
  return (
    <tr>
      <th scope="row">
        <span className="retention__name">{namespaceName(name)}</span>
        <span className="retention__count">{formatCount(info.count, 'memory', 'memories')}</span>
      </th>
      <td className="retention__readers">{info.accessContexts.length > 0 ? info.accessContexts.join(', ') : 'no persona'}</td>
      <td>
        <div className="retention__controls">
          <select
            className="input retention__select"
            aria-label={`Keep ${name} memories`}
            value={draft.forever ? 'forever' : 'days'}
            disabled={disabled}
            onChange={(event) =>
              onChange(
                event.currentTarget.value === 'forever' ? { forever: true } : { forever: false, days: draft.days || '365' },
              )
            }
          >
            <option value="forever">Forever</option>
            <option value="days">For a number of days</option>
          </select>
          {draft.forever ? null : (
            <label className="retention__days">
              <input
                type="number"
                className="input"
                min={1}
                max={36_500}
                inputMode="numeric"
                aria-label={`Days to keep ${name} memories`}
                aria-invalid={Boolean(error)}
                aria-describedby={error ? errorId : undefined}
                value={draft.days}
                disabled={disabled}
                onChange={(event) => onChange({ days: event.currentTarget.value })}
              />
              <span aria-hidden="true">days</span>
            </label>
          )}
        </div>
        <FormError id={errorId} message={error} />
      </td>
    </tr>
  );
}

function toDraft(info: NamespaceInfo): Draft {
  return { forever: info.retentionDays === null, days: info.retentionDays === null ? '' : String(info.retentionDays) };
}

function isChanged(info: NamespaceInfo, draft: Draft): boolean {
  if (draft.forever) return info.retentionDays !== null;
  return info.retentionDays === null || draft.days.trim() !== String(info.retentionDays);
}
