import { Icon } from '../../components/Icon';
import { useRpc } from '../../rpc/rpc-context';
import { useAudit } from '../../stores/audit';
import { formatExact } from '../activity/activity-format';
import { selectEntry, verifyChain } from './audit-actions';

/**
 * Whether the hash chain still holds: every entry follows the one before it and nothing was edited,
 * deleted, reordered or cut off. A break is an alert naming the entry and what happened there.
 */
export function VerifyBadge() {
  const client = useRpc();
  const verification = useAudit((s) => s.verification);
  const status = useAudit((s) => s.verifyStatus);
  const error = useAudit((s) => s.verifyError);
  const checking = status === 'loading';

  const again = (
    <button type="button" className="button button--small" disabled={checking} onClick={() => void verifyChain(client)}>
      {checking ? 'Checking…' : 'Check again'}
    </button>
  );

  if (status === 'error') {
    return (
      <div className="verify-badge verify-badge--problem" role="alert">
        <Icon name="alert" size={16} className="verify-badge__icon" />
        <p className="verify-badge__text">Couldn’t check the chain. {error}</p>
        {again}
      </div>
    );
  }
  if (!verification) {
    return (
      <div className="verify-badge" role="status">
        <span className="spinner" aria-hidden="true" />
        <p className="verify-badge__text">Checking the chain…</p>
      </div>
    );
  }
  const checkedAt = `Checked ${formatExact(verification.checkedAt)}`;
  if (verification.ok) {
    return (
      <div className="verify-badge verify-badge--ok" role="status" title={checkedAt}>
        <Icon name="lock" size={16} className="verify-badge__icon" />
        <p className="verify-badge__text">
          <strong>Chain intact</strong> · {verification.entries.toLocaleString('en')}{' '}
          {verification.entries === 1 ? 'entry' : 'entries'}
        </p>
        {again}
      </div>
    );
  }
  const { brokenAt } = verification;
  return (
    <div className="verify-badge verify-badge--broken" role="alert" title={checkedAt}>
      <Icon name="alert" size={16} className="verify-badge__icon" />
      <div className="verify-badge__text">
        <p>
          <strong>The audit log was tampered with at entry {brokenAt}.</strong> {capitalize(verification.reason)}.
        </p>
        <p className="verify-badge__hint">
          Entries from there on can’t be trusted. The log has {verification.entries.toLocaleString('en')} entries.
        </p>
      </div>
      <button type="button" className="button button--small button--ghost" onClick={() => void selectEntry(client, brokenAt)}>
        Show entry {brokenAt}
      </button>
      {again}
    </div>
  );
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
