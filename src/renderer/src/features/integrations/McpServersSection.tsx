import { useEffect, useId, useRef, useState } from 'react';
import { EmptyState } from '../../components/EmptyState';
import { Icon } from '../../components/Icon';
import { useRpc } from '../../rpc/rpc-context';
import { useIntegrations } from '../../stores/integrations';
import { AddServerDialog } from './AddServerDialog';
import { ImportDialog } from './ImportDialog';
import { loadServers } from './integrations-actions';
import { LoadProblem, Loading } from './LoadState';
import { ServerItem } from './ServerItem';

type Open = 'add' | 'import' | null;

/** Every MCP server Izzie is a client of — built in and the person's own — with their tools. */
export function McpServersSection() {
  const client = useRpc();
  const servers = useIntegrations((s) => s.servers);
  const status = useIntegrations((s) => s.serversStatus);
  const error = useIntegrations((s) => s.serversError);
  const [open, setOpen] = useState<Open>(null);
  const [added, setAdded] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const count = useRef(servers.length);
  const headingId = useId();
  const ownCount = servers.filter((server) => server.kind === 'external').length;

  // Removing a server removes the button that had focus; land on the section rather than nowhere.
  useEffect(() => {
    if (servers.length < count.current && document.activeElement === document.body) headingRef.current?.focus();
    count.current = servers.length;
  }, [servers.length]);

  function show(dialog: Open) {
    setAdded(null);
    setOpen(dialog);
  }

  const actions = (
    <div className="page-section__actions">
      <button type="button" className="button" onClick={() => show('import')}>
        Import from Claude Desktop
      </button>
      <button type="button" className="button button--primary" onClick={() => show('add')}>
        <Icon name="plus" size={14} />
        Add server
      </button>
    </div>
  );

  return (
    <section className="page-section" aria-labelledby={headingId}>
      <div className="page-section__head">
        <div>
          <h2 ref={headingRef} id={headingId} className="page-section__title" tabIndex={-1}>
            MCP servers
          </h2>
          <p className="page-section__description">
            Every integration is an MCP server and Izzie is its client. Add your own, or bring the ones you use in Claude Desktop.
          </p>
        </div>
        {servers.length > 0 ? actions : null}
      </div>

      {added ? (
        <p className="page-section__notice" role="status">
          <Icon name="check" size={14} />
          {added}
        </p>
      ) : null}

      {servers.length > 0 ? (
        <>
          <ul className="servers" aria-label="MCP servers">
            {servers.map((server) => (
              <ServerItem key={server.id} server={server} />
            ))}
          </ul>
          {ownCount === 0 ? (
            <p className="page-section__footnote">No servers of your own yet. Add one, or import them from Claude Desktop.</p>
          ) : null}
        </>
      ) : status === 'error' ? (
        <LoadProblem what="the MCP servers" error={error} onRetry={() => void loadServers(client)} />
      ) : status === 'ready' ? (
        <div className="page-section__empty">
          <EmptyState icon="tool" title="No MCP servers" action={actions}>
            Connect an account above for its built-in server, or add a server of your own.
          </EmptyState>
        </div>
      ) : (
        <Loading what="servers" />
      )}

      {open === 'add' ? (
        <AddServerDialog
          onClose={() => setOpen(null)}
          onAdded={(server) => {
            setOpen(null);
            setAdded(
              server.status === 'needs-consent'
                ? `Added ${server.name}. Review its command below and agree before it runs.`
                : `Added ${server.name}.`,
            );
          }}
        />
      ) : null}
      {open === 'import' ? <ImportDialog onClose={() => setOpen(null)} /> : null}
    </section>
  );
}
