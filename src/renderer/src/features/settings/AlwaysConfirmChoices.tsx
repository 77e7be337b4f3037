import { useId, useState } from 'react';
import type { ConfirmKind, PolicySettings } from '../../../../shared';
import { FormError } from '../../components/FormError';
import { Icon } from '../../components/Icon';
import { useRpc } from '../../rpc/rpc-context';
import { CONFIRM_KINDS } from './permissions-format';
import { savePolicy } from './permissions-actions';

/**
 * The seed's PROXY_REQUIRES_CONFIRMATION: kinds of action that wait for the person whatever a grant
 * says. Each box saves as soon as it changes; an unchecked one says what that allows.
 */
export function AlwaysConfirmChoices({ policy }: { policy: PolicySettings }) {
  const client = useRpc();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const titleId = useId();
  const warningId = useId();
  const unchecked = CONFIRM_KINDS.filter((k) => !policy.alwaysConfirm.includes(k.kind));

  async function toggle(kind: ConfirmKind, checked: boolean) {
    const alwaysConfirm = checked
      ? CONFIRM_KINDS.map((k) => k.kind).filter((k) => k === kind || policy.alwaysConfirm.includes(k))
      : policy.alwaysConfirm.filter((k) => k !== kind);
    setBusy(true);
    setError(null);
    const result = await savePolicy(client, { alwaysConfirm });
    setBusy(false);
    if ('tools' in result) setError(result.fields.alwaysConfirm ?? result.message);
  }

  return (
    <div
      role="group"
      className="permissions-block"
      aria-labelledby={titleId}
      aria-describedby={unchecked.length > 0 ? warningId : undefined}
    >
      <h3 id={titleId} className="permissions-block__title">
        Always ask first
      </h3>
      <p className="field__hint">Izzie asks before each of these, even when a grant would allow it.</p>
      <div className="confirm-choices">
        {CONFIRM_KINDS.map(({ kind, label }) => (
          <label key={kind} className="confirm-choices__option">
            <input
              type="checkbox"
              checked={policy.alwaysConfirm.includes(kind)}
              disabled={busy}
              onChange={(event) => void toggle(kind, event.currentTarget.checked)}
            />
            {label}
          </label>
        ))}
      </div>
      {unchecked.length > 0 ? (
        <div id={warningId} className="callout permissions__warning">
          <Icon name="alert" className="callout__icon" />
          <p className="callout__text">
            A grant can now let Izzie {unchecked.map((k) => k.doing).join(', ')} as you without asking. Actions after Izzie has
            read outside content still wait for you.
          </p>
        </div>
      ) : null}
      <FormError message={error} />
    </div>
  );
}
