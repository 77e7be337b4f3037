import type {
  AddServerInput,
  ConnectInput,
  ImportReport,
  Integration,
  IntegrationId,
  McpServer,
  RpcClient,
} from '../../../../shared';
import { describeError } from '../../stores/banners';
import { useIntegrations } from '../../stores/integrations';
import { useToasts } from '../../stores/toasts';
import { toFormProblem, type FormProblem } from './form-problem';

/**
 * The Integrations page over the RPC client. Answers update the store at once (the matching
 * `*.changed` event may come later, or not at all after a reconnect); refusals of what the person
 * typed come back as a {@link FormProblem} for the form; other failures become a toast.
 */

export type Outcome<T, F extends string = string> = { ok: true; value: T } | { ok: false; problem: FormProblem<F> };

export async function loadIntegrations(client: RpcClient): Promise<void> {
  const store = useIntegrations.getState();
  if (store.integrationsStatus !== 'ready') store.setIntegrationsStatus('loading');
  try {
    useIntegrations.getState().setIntegrations(await client.call('integrations.list'));
  } catch (error) {
    useIntegrations.getState().setIntegrationsStatus('error', describeError(error));
  }
}

export async function loadServers(client: RpcClient): Promise<void> {
  const store = useIntegrations.getState();
  if (store.serversStatus !== 'ready') store.setServersStatus('loading');
  try {
    useIntegrations.getState().setServers(await client.call('mcp.list'));
  } catch (error) {
    useIntegrations.getState().setServersStatus('error', describeError(error));
  }
}

/** Checks the credentials with the service, or starts a browser / device sign-in. */
export async function connectIntegration<F extends string>(
  client: RpcClient,
  input: ConnectInput,
  fields: readonly F[],
): Promise<Outcome<Integration, F>> {
  try {
    const integration = await client.call('integrations.connect', input);
    useIntegrations.getState().upsertIntegration(integration);
    return { ok: true, value: integration };
  } catch (error) {
    return { ok: false, problem: toFormProblem(error, fields) };
  }
}

export async function cancelSignIn(client: RpcClient, id: IntegrationId): Promise<void> {
  try {
    useIntegrations.getState().upsertIntegration(await client.call('integrations.cancel', { id }));
  } catch (error) {
    toast('Couldn’t cancel the sign-in.', error);
  }
}

export async function disconnectIntegration(client: RpcClient, integration: Integration): Promise<boolean> {
  try {
    useIntegrations.getState().upsertIntegration(await client.call('integrations.disconnect', { id: integration.id }));
    return true;
  } catch (error) {
    toast(`Couldn’t disconnect ${integration.name}.`, error);
    return false;
  }
}

export async function addServer<F extends string>(
  client: RpcClient,
  input: AddServerInput,
  fields: readonly F[],
): Promise<Outcome<McpServer, F>> {
  try {
    const server = await client.call('mcp.add', input);
    useIntegrations.getState().upsertServer(server);
    return { ok: true, value: server };
  } catch (error) {
    return { ok: false, problem: toFormProblem(error, fields) };
  }
}

/** A refused file (not JSON, no `mcpServers`) comes back as one sentence to show under the text. */
export async function importServers(client: RpcClient, json: string): Promise<Outcome<ImportReport>> {
  try {
    const report = await client.call('mcp.import', { json });
    report.added.forEach((server) => useIntegrations.getState().upsertServer(server));
    return { ok: true, value: report };
  } catch (error) {
    const problem = toFormProblem(error, ['json']);
    return { ok: false, problem: { message: problem.fields.json ?? problem.message, fields: {} } };
  }
}

/** Sends back exactly the command line the person was shown; the core refuses any other. */
export async function consentToServer(client: RpcClient, id: string, commandLine: string): Promise<string | null> {
  try {
    useIntegrations.getState().upsertServer(await client.call('mcp.consent', { id, commandLine }));
    return null;
  } catch (error) {
    return describeError(error);
  }
}

export async function setServerEnabled(client: RpcClient, server: McpServer, enabled: boolean): Promise<void> {
  try {
    useIntegrations.getState().upsertServer(await client.call('mcp.setEnabled', { id: server.id, enabled }));
  } catch (error) {
    toast(`Couldn’t ${enabled ? 'enable' : 'disable'} ${server.name}.`, error);
  }
}

export async function restartServer(client: RpcClient, server: McpServer): Promise<void> {
  try {
    useIntegrations.getState().upsertServer(await client.call('mcp.restart', { id: server.id }));
  } catch (error) {
    toast(`Couldn’t restart ${server.name}.`, error);
  }
}

export async function removeServer(client: RpcClient, server: McpServer): Promise<boolean> {
  try {
    await client.call('mcp.remove', { id: server.id });
    useIntegrations.getState().removeServer(server.id);
    return true;
  } catch (error) {
    toast(`Couldn’t remove ${server.name}.`, error);
    return false;
  }
}

let nextToast = 1;

function toast(title: string, error: unknown): void {
  useToasts.getState().push({ id: `integrations-${nextToast++}`, title, body: describeError(error), target: null });
}
