import { useEffect, useRef, useState } from 'react';
import type { ConnectMethod, Integration } from '../../../../shared';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useRpc } from '../../rpc/rpc-context';
import { formatFull, useNow } from '../chat/relative-time';
import { INTEGRATION_INFO, shortScope } from './catalog';
import { ConnectForm } from './ConnectForm';
import { cancelSignIn, disconnectIntegration } from './integrations-actions';
import { PendingSignIn } from './PendingSignIn';
import { ProblemNote } from './ProblemNote';
import { INTEGRATION_STATUS } from './status';
import { StatusPill } from './StatusPill';
import { formatAgo } from './time';

const METHOD_LABEL: Record<ConnectMethod, string> = {
  oauth: 'Browser sign-in',
  device: 'Device sign-in',
  token: 'Token',
  api_key: 'API key',
  account_sid: 'Account SID and auth token',
};

/** One account: what Izzie does with it, its state, and the way to connect, fix or disconnect it. */
export function IntegrationCard({ integration }: { integration: Integration }) {
  const client = useRpc();
  const [formOpen, setFormOpen] = useState(false);
  const [startedHere, setStartedHere] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState<'disconnect' | 'cancel' | null>(null);
  const cardRef = useRef<HTMLElement>(null);
  const openerRef = useRef<HTMLButtonElement>(null);
  const previousStatus = useRef(integration.status);
  const now = useNow();

  const info = INTEGRATION_INFO[integration.id];
  const { status, pending, lastError } = integration;
  const connected = status === 'connected' || status === 'error';
  const canConnect = status === 'disconnected' || status === 'error';
  const showForm = formOpen && canConnect;

  // A sign-in finishing (or a disconnect) removes the control that had focus; keep the person here.
  useEffect(() => {
    if (previousStatus.current !== status && document.activeElement === document.body) cardRef.current?.focus();
    previousStatus.current = status;
  }, [status]);

  async function cancel() {
    setBusy('cancel');
    await cancelSignIn(client, integration.id);
    setBusy(null);
  }

  async function disconnect() {
    setBusy('disconnect');
    await disconnectIntegration(client, integration);
    setBusy(null);
    setConfirming(false);
  }

  return (
    <>
      <section
        ref={cardRef}
        className="integration-card"
        role="region"
        aria-label={integration.name}
        data-status={status}
        tabIndex={-1}
      >
        <header className="integration-card__head">
          <span className="integration-card__mark" aria-hidden="true">
            {info.mark}
          </span>
          <div className="integration-card__text">
            <h3 className="integration-card__name">{integration.name}</h3>
            <p className="integration-card__does">{info.does}</p>
          </div>
          <div className="integration-card__side">
            <StatusPill {...INTEGRATION_STATUS[status]} />
            {canConnect && !showForm ? (
              <button
                ref={openerRef}
                type="button"
                className={status === 'error' ? 'button button--primary' : 'button'}
                onClick={() => setFormOpen(true)}
              >
                {lastError ? 'Reconnect' : 'Connect'}
              </button>
            ) : null}
            {connected ? (
              <button type="button" className="button button--ghost-danger" onClick={() => setConfirming(true)}>
                Disconnect
              </button>
            ) : null}
          </div>
        </header>

        {connected ? (
          <dl className="facts">
            <div className="facts__row">
              <dt>Connected as</dt>
              <dd className="facts__account">{integration.account ?? 'An unnamed account'}</dd>
            </div>
            {integration.scopes.length > 0 ? (
              <div className="facts__row">
                <dt>Access</dt>
                <dd>
                  <ul className="chips" aria-label="Granted scopes">
                    {integration.scopes.map((scope) => (
                      <li key={scope} className="chip" title={scope}>
                        {shortScope(scope)}
                      </li>
                    ))}
                  </ul>
                </dd>
              </div>
            ) : null}
            {integration.connectedAt !== null ? (
              <div className="facts__row">
                <dt>Since</dt>
                <dd>
                  <time dateTime={new Date(integration.connectedAt).toISOString()} title={formatFull(integration.connectedAt)}>
                    {formatAgo(integration.connectedAt, now)}
                  </time>
                  {integration.method ? <span className="facts__quiet"> · {METHOD_LABEL[integration.method]}</span> : null}
                </dd>
              </div>
            ) : null}
            {integration.baseUrl ? (
              <div className="facts__row">
                <dt>API</dt>
                <dd className="facts__mono">{integration.baseUrl}</dd>
              </div>
            ) : null}
          </dl>
        ) : null}

        {lastError && status !== 'connected' && status !== 'connecting' ? <ProblemNote problem={lastError} /> : null}

        {status === 'connecting' && pending ? (
          <PendingSignIn
            integration={integration}
            pending={pending}
            cancelling={busy === 'cancel'}
            autoFocus={startedHere}
            onCancel={() => void cancel()}
          />
        ) : null}

        {showForm ? (
          <ConnectForm
            integration={integration}
            onCancel={() => {
              setFormOpen(false);
              openerRef.current?.focus();
            }}
            onDone={(result) => {
              setFormOpen(false);
              setStartedHere(result.status === 'connecting');
            }}
          />
        ) : null}
      </section>
      {confirming ? (
        <ConfirmDialog
          title={`Disconnect ${integration.name}?`}
          confirmLabel="Disconnect"
          danger
          busy={busy === 'disconnect'}
          onConfirm={() => void disconnect()}
          onCancel={() => setConfirming(false)}
        >
          <p>
            Izzie removes the credentials{integration.account ? ` for ${integration.account}` : ''} from your system keychain and
            stops the {integration.name} server, so its tools leave chat.
            {info.onDisconnect ? ` ${info.onDisconnect}` : ''}
          </p>
          <p className="confirm-note">You can connect again at any time.</p>
        </ConfirmDialog>
      ) : null}
    </>
  );
}
