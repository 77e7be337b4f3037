import { useState } from 'react';
import type { VaultStatus } from '../../../../shared';
import { Icon } from '../../components/Icon';
import { useRpc } from '../../rpc/rpc-context';
import { reopenVault } from './models-actions';

/**
 * Where API keys live, in the vault's own words: a quiet line when the OS keychain holds them, a
 * warning for the file vault, and the fix with "Try again" when there is nowhere safe to keep them.
 */
export function VaultNotice({ vault }: { vault: VaultStatus }) {
  const client = useRpc();
  const [busy, setBusy] = useState(false);

  if (vault.kind === 'keychain' && !vault.fix) {
    return (
      <p className="vault-line">
        <Icon name="lock" size={14} />
        <span>{vault.summary}</span>
      </p>
    );
  }

  const unavailable = vault.kind === 'unavailable';
  return (
    <div className={unavailable ? 'callout callout--danger' : 'callout'} role="alert">
      <Icon name={unavailable ? 'alert' : 'lock'} className="callout__icon" />
      <div className="callout__body">
        <p className="callout__title">{vault.summary}</p>
        {vault.fix ? <p className="callout__text">{vault.fix}</p> : null}
      </div>
      {unavailable ? (
        <button
          type="button"
          className="button button--small"
          disabled={busy}
          onClick={async () => {
            setBusy(true);
            await reopenVault(client);
            setBusy(false);
          }}
        >
          {busy ? 'Trying…' : 'Try again'}
        </button>
      ) : null}
    </div>
  );
}
