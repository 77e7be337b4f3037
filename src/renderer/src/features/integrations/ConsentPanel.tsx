import { useId, useState } from 'react';
import { formatCommandLine, type McpServer } from '../../../../shared';
import { Icon } from '../../components/Icon';
import { useRpc } from '../../rpc/rpc-context';
import { consentToServer } from './integrations-actions';
import { FormError } from '../../components/FormError';

type Command = NonNullable<McpServer['command']>;

/**
 * Before an external command runs for the first time the person sees exactly what will run — the
 * whole command line, never shortened — where, and which secrets it receives (names only). Their
 * yes carries that exact text, so it cannot cover a command that changed since.
 */
export function ConsentPanel({ server, command }: { server: McpServer; command: Command }) {
  const client = useRpc();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const titleId = useId();
  const captionId = useId();
  const commandLine = formatCommandLine(command);

  async function consent() {
    setBusy(true);
    setError(null);
    setError(await consentToServer(client, server.id, commandLine));
    setBusy(false);
  }

  return (
    <div className="consent" role="group" aria-labelledby={titleId}>
      <p id={titleId} className="consent__title">
        <Icon name="lock" size={15} />
        Izzie hasn’t run {server.name} yet
      </p>
      <p className="consent__text">
        Check the command before you agree. It runs on this computer with your user’s permissions: it can read, change and send
        anything you can.
      </p>
      <figure className="consent__figure" aria-labelledby={captionId}>
        <figcaption id={captionId} className="consent__label">
          Command
        </figcaption>
        <pre className="commandline" tabIndex={0}>
          {commandLine}
        </pre>
      </figure>
      <dl className="facts facts--compact">
        <div className="facts__row">
          <dt>Working directory</dt>
          <dd className={command.cwd ? 'facts__mono' : 'facts__quiet'}>{command.cwd ?? 'Not set'}</dd>
        </div>
        <div className="facts__row">
          <dt>Secrets it gets</dt>
          <dd>
            {server.secretEnv.length > 0 ? (
              <>
                <ul className="chips" aria-label="Secret environment variables">
                  {server.secretEnv.map((name) => (
                    <li key={name} className="chip chip--mono">
                      {name}
                    </li>
                  ))}
                </ul>
                <span className="facts__quiet">Values come from your keychain and are never shown.</span>
              </>
            ) : (
              <span className="facts__quiet">None</span>
            )}
          </dd>
        </div>
      </dl>
      <FormError message={error} />
      <div className="consent__actions">
        <button type="button" className="button button--primary" disabled={busy} aria-busy={busy} onClick={() => void consent()}>
          {busy ? <span className="spinner" aria-hidden="true" /> : null}
          {busy ? 'Starting…' : 'Run this server'}
        </button>
      </div>
    </div>
  );
}
