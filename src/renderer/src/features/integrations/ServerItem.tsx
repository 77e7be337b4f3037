import { useId, useState } from 'react';
import { createPortal } from 'react-dom';
import { formatCommandLine, type McpServer } from '../../../../shared';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Icon } from '../../components/Icon';
import { useRpc } from '../../rpc/rpc-context';
import { useNow } from '../chat/relative-time';
import { ConsentPanel } from './ConsentPanel';
import { removeServer, restartServer, setServerEnabled } from './integrations-actions';
import { ProblemNote } from './ProblemNote';
import { SERVER_STATUS } from './status';
import { StatusPill } from './StatusPill';
import { secondsUntil } from './time';
import { ToolList } from './ToolList';

const TRANSPORT: Record<McpServer['transport'], string> = {
  'in-process': 'in-process',
  stdio: 'command (stdio)',
  http: 'URL (HTTP)',
};

type Busy = 'restart' | 'toggle' | 'remove' | null;

/** One MCP server: what it is, how it is doing, its tools, and (for the person's own) its controls. */
export function ServerItem({ server }: { server: McpServer }) {
  const client = useRpc();
  const [toolsOpen, setToolsOpen] = useState(false);
  const [busy, setBusy] = useState<Busy>(null);
  const [confirmingRemove, setConfirmingRemove] = useState(false);
  const headingId = useId();
  const toolsId = useId();
  const external = server.kind === 'external';
  const disabled = server.status === 'disabled';
  const canRestart = external
    ? !disabled && server.status !== 'needs-consent'
    : server.status === 'crashed' || server.status === 'failed' || server.status === 'running';

  async function act(kind: Exclude<Busy, null>, action: () => Promise<unknown>) {
    setBusy(kind);
    await action();
    setBusy(null);
  }

  return (
    <li className="server" aria-labelledby={headingId} data-status={server.status}>
      <div className="server__head">
        <div className="server__title">
          <h3 id={headingId} className="server__name">
            {server.name}
          </h3>
          <p className="server__meta">
            {external ? 'Yours' : 'Built in'} · {TRANSPORT[server.transport]}
            {server.restarts > 0 ? ` · restarted ${server.restarts} ${server.restarts === 1 ? 'time' : 'times'}` : ''}
          </p>
        </div>
        <StatusPill
          {...SERVER_STATUS[server.status]}
          detail={
            server.status === 'crashed' && server.nextRestartAt !== null ? <RestartCountdown at={server.nextRestartAt} /> : null
          }
        />
      </div>

      {server.url ? <p className="server__where">{server.url}</p> : null}
      {server.command && server.status !== 'needs-consent' ? (
        <p className="server__where">{formatCommandLine(server.command)}</p>
      ) : null}
      {server.transport === 'http' && server.secretEnv.length > 0 ? (
        <p className="server__secrets">
          <Icon name="key" size={13} />
          Headers from your keychain: {server.secretEnv.join(', ')}
        </p>
      ) : null}

      {server.lastError ? <ProblemNote problem={server.lastError} /> : null}
      {server.status === 'needs-consent' && server.command ? <ConsentPanel server={server} command={server.command} /> : null}

      <div className="server__footer">
        {server.tools.length > 0 ? (
          <button
            type="button"
            className="disclosure"
            aria-expanded={toolsOpen}
            aria-controls={toolsOpen ? toolsId : undefined}
            onClick={() => setToolsOpen(!toolsOpen)}
          >
            <Icon name="chevron" size={14} className="disclosure__chevron" />
            {toolsOpen ? 'Hide tools' : `Show tools (${server.tools.length})`}
          </button>
        ) : (
          <span className="server__no-tools">
            {server.status === 'running' ? 'No tools offered' : 'Tools appear once it runs'}
          </span>
        )}
        <div className="server__actions">
          {canRestart ? (
            <button
              type="button"
              className="button button--small"
              aria-describedby={headingId}
              disabled={busy !== null}
              onClick={() => void act('restart', () => restartServer(client, server))}
            >
              {busy === 'restart' ? 'Restarting…' : 'Restart'}
            </button>
          ) : null}
          {external ? (
            <>
              <button
                type="button"
                className="button button--small"
                aria-describedby={headingId}
                disabled={busy !== null}
                onClick={() => void act('toggle', () => setServerEnabled(client, server, disabled))}
              >
                {busy === 'toggle' ? (disabled ? 'Enabling…' : 'Disabling…') : disabled ? 'Enable' : 'Disable'}
              </button>
              <button
                type="button"
                className="button button--small button--ghost-danger"
                aria-describedby={headingId}
                disabled={busy !== null}
                onClick={() => setConfirmingRemove(true)}
              >
                Remove
              </button>
            </>
          ) : null}
        </div>
      </div>
      {toolsOpen ? <ToolList id={toolsId} serverName={server.name} tools={server.tools} /> : null}

      {confirmingRemove
        ? createPortal(
            <ConfirmDialog
              title={`Remove ${server.name}?`}
              confirmLabel="Remove"
              danger
              busy={busy === 'remove'}
              onCancel={() => setConfirmingRemove(false)}
              onConfirm={() =>
                void act('remove', async () => {
                  if (!(await removeServer(client, server))) setConfirmingRemove(false);
                })
              }
            >
              Izzie stops it, forgets its settings and deletes its{' '}
              {server.transport === 'http' ? 'header values' : 'environment values'} from your keychain. Its tools leave chat. To
              use it again you add it again{server.transport === 'stdio' ? ' and agree to its command' : ''}.
            </ConfirmDialog>,
            document.body,
          )
        : null}
    </li>
  );
}

/** Counts down to the next automatic restart; outside the live region so it is not read every second. */
function RestartCountdown({ at }: { at: number }) {
  const now = useNow(1_000);
  const seconds = secondsUntil(at, now);
  return <span aria-live="off">{seconds > 0 ? ` — restarting in ${seconds}s` : ' — restarting…'}</span>;
}
