import { useId } from 'react';
import { useRpc } from '../../rpc/rpc-context';
import { useIntegrations } from '../../stores/integrations';
import { IntegrationCard } from './IntegrationCard';
import { loadIntegrations } from './integrations-actions';
import { LoadProblem, Loading } from './LoadState';
import { McpServersSection } from './McpServersSection';
import './integrations.css';

/**
 * Accounts and MCP servers. Both lists load on every (re)connect (app/refresh.ts) and stay current
 * through `integrations.changed` and `mcp.changed`, so a finished sign-in or a crash shows at once.
 */
export function IntegrationsPage() {
  const client = useRpc();
  const integrations = useIntegrations((s) => s.integrations);
  const status = useIntegrations((s) => s.integrationsStatus);
  const error = useIntegrations((s) => s.integrationsError);
  const accountsId = useId();

  return (
    <div className="page integrations-page">
      <header className="page__header">
        <h1 className="page__title">Integrations</h1>
        <p className="page__subtitle">
          The accounts Izzie can watch and act in, and the servers that give it tools. Credentials stay in your system keychain;
          anything that acts as you waits for your yes.
        </p>
      </header>

      <section className="page-section" aria-labelledby={accountsId}>
        <div className="page-section__head">
          <div>
            <h2 id={accountsId} className="page-section__title">
              Accounts
            </h2>
          </div>
        </div>
        {integrations.length > 0 ? (
          <div className="integration-cards">
            {integrations.map((integration) => (
              <IntegrationCard key={integration.id} integration={integration} />
            ))}
          </div>
        ) : status === 'error' ? (
          <LoadProblem what="your accounts" error={error} onRetry={() => void loadIntegrations(client)} />
        ) : status === 'ready' ? (
          <p className="page-section__footnote">This version of Izzie offers no accounts to connect.</p>
        ) : (
          <Loading what="your accounts" />
        )}
      </section>

      <McpServersSection />
    </div>
  );
}
