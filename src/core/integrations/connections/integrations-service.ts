import { IntegrationId, type ConnectInput, type Integration, type Problem } from '../../../shared';
import { CoreError } from '../../errors';
import type { EventHub } from '../../events/event-hub';
import type { Logger } from '../../log/logger';
import type { McpManager } from '../../mcp/mcp-manager';
import type { Clock, SecretStore } from '../../ports';
import type { IntegrationsRepo, StoredIntegration } from '../../store/integrations-repo';
import { createBuiltinServer } from '../kit/builtin-server';
import type { PollSource } from '../../engine/ingress/poll-source';
import type { BuiltinTool } from '../kit/builtin-tool';
import { ServiceError } from '../kit/service-error';
import { secretName, type Connection, type ConnectedState, type Connector } from './connector';

export interface IntegrationsDeps {
  /** Called when the set of poll sources changed (an account connected, disconnected or was revoked). */
  readonly onSourcesChanged?: (removedIntegration: IntegrationId | null) => void;
  readonly repo: IntegrationsRepo;
  readonly secrets: SecretStore;
  readonly mcp: McpManager;
  readonly connectors: ReadonlyMap<IntegrationId, Connector>;
  readonly events: EventHub;
  readonly clock: Clock;
  readonly log: Logger;
  readonly openExternal: (url: string) => Promise<void>;
}

interface Pending {
  readonly controller: AbortController;
  readonly view: NonNullable<Integration['pending']>;
}

/**
 * Account connections: connect (checking credentials with the service first), browser and device
 * sign-ins running in the background, disconnect, and one in-process MCP server per connected
 * account. A grant the service revoked marks the integration disconnected with the reason.
 */
export class IntegrationsService {
  private readonly pending = new Map<IntegrationId, Pending>();
  /** Why the last attempt failed, for integrations that have no row to keep it in. */
  private readonly failures = new Map<IntegrationId, Problem>();
  /** What the engine polls, per connected account. */
  private readonly sources = new Map<IntegrationId, readonly PollSource[]>();

  constructor(private readonly deps: IntegrationsDeps) {}

  list(): Integration[] {
    return IntegrationId.options.map((id) => this.view(id));
  }

  /** The poll sources of every connected account. */
  pollSources(): PollSource[] {
    return [...this.sources.values()].flat();
  }

  /** A poll failed: a refused grant disconnects the account, as a refused tool call does. */
  onPollError(sourceId: string, error: unknown): void {
    const id = IntegrationId.safeParse(sourceId.split(':')[0]);
    if (id.success && error instanceof ServiceError) this.onServiceError(id.data, error);
  }

  /** Starts the servers of every connected account. A failure is shown on its card, not thrown. */
  async startAll(): Promise<void> {
    for (const stored of this.deps.repo.all()) {
      if (stored.status === 'connected') await this.startServer(stored);
    }
  }

  async connect(input: ConnectInput): Promise<Integration> {
    const connector = this.connector(input.id);
    this.abortPending(input.id);
    this.failures.delete(input.id);
    const controller = new AbortController();
    let start;
    try {
      start = await connector.connect(input, { signal: controller.signal, openExternal: this.deps.openExternal });
    } catch (error) {
      throw asCoreError(error);
    }
    if (start.kind === 'connected') {
      await this.keep(input.id, start.connection);
      return this.view(input.id);
    }
    this.pending.set(input.id, {
      controller,
      view: { kind: start.flow, url: start.url, userCode: start.userCode, expiresAt: start.expiresAt },
    });
    void start.done.then(
      async (connection) => {
        if (this.pending.get(input.id)?.controller !== controller) return;
        this.pending.delete(input.id);
        try {
          await this.keep(input.id, connection);
        } catch (error) {
          // The vault refused (a locked keychain, say): nothing was kept, and the card says why.
          this.fail(input.id, error);
          this.changed(input.id);
        }
      },
      (error: unknown) => {
        if (this.pending.get(input.id)?.controller !== controller) return;
        this.pending.delete(input.id);
        if (!controller.signal.aborted) this.fail(input.id, error);
        this.changed(input.id);
      },
    );
    this.changed(input.id);
    return this.view(input.id);
  }

  /** Abandons every sign-in still waiting (their loopback listeners close), for shutdown. */
  stop(): void {
    for (const id of [...this.pending.keys()]) this.abortPending(id);
  }

  cancel(id: IntegrationId): Integration {
    if (this.abortPending(id)) this.changed(id);
    return this.view(id);
  }

  async disconnect(id: IntegrationId): Promise<Integration> {
    this.abortPending(id);
    this.failures.delete(id);
    const stored = this.deps.repo.get(id);
    await this.deps.mcp.remove(id);
    this.dropSources(id);
    if (stored?.status === 'connected') {
      try {
        await this.connector(id).revoke?.(this.state(stored));
      } catch (error) {
        // The grant stays valid at the service; the person should know to remove it there.
        this.deps.log.warn('revoking the grant failed', { integration: id, error: String(error) });
      }
    }
    await this.forgetSecrets(id);
    this.deps.repo.delete(id);
    this.changed(id);
    return this.view(id);
  }

  private async keep(id: IntegrationId, connection: Connection): Promise<void> {
    await this.forgetSecrets(id);
    for (const [name, value] of Object.entries(connection.secrets)) await this.deps.secrets.set(secretName(id, name), value);
    const stored: StoredIntegration = {
      id,
      method: connection.method,
      account: connection.account,
      scopes: connection.scopes,
      baseUrl: connection.baseUrl,
      settings: connection.settings,
      status: 'connected',
      lastError: null,
      connectedAt: this.deps.clock.now(),
    };
    this.deps.repo.put(stored, this.deps.clock.now());
    this.deps.log.info('integration connected', { integration: id, method: connection.method });
    await this.startServer(stored);
    this.changed(id);
  }

  private async startServer(stored: StoredIntegration): Promise<void> {
    const connector = this.connector(stored.id);
    let tools: readonly BuiltinTool[];
    try {
      tools = await connector.tools(this.state(stored), { saveSecrets: (secrets) => this.saveSecrets(stored.id, secrets) });
    } catch (error) {
      this.recordError(stored, error);
      return;
    }
    await this.startSources(stored);
    const spec = {
      id: stored.id,
      name: connector.title,
      kind: 'builtin',
      transport: 'in-process',
      create: () =>
        createBuiltinServer({ ...connector.server, tools, onServiceError: (error) => this.onServiceError(stored.id, error) }),
    } as const;
    await this.deps.mcp.replace(spec);
    await this.deps.mcp.start(stored.id);
  }

  /** Runs inside a tool call: the disconnect happens after the call has answered. */
  private onServiceError(id: IntegrationId, error: ServiceError): void {
    if (error.kind !== 'unauthorized') return;
    setTimeout(() => void this.markRevoked(id, error), 0);
  }

  private async markRevoked(id: IntegrationId, error: ServiceError): Promise<void> {
    const stored = this.deps.repo.get(id);
    if (stored?.status !== 'connected') return;
    this.deps.log.warn('the service no longer accepts the credentials; disconnecting', { integration: id });
    await this.deps.mcp.remove(id);
    this.dropSources(id);
    await this.forgetSecrets(id);
    const problem: Problem = {
      message: `${error.service} no longer accepts Izzie's access${error.detail ? ` (${error.detail})` : ''}.`,
      hint: `Connect ${error.service} again; if you revoked Izzie's access on purpose, there is nothing to do.`,
      at: this.deps.clock.now(),
    };
    this.deps.repo.put({ ...stored, status: 'disconnected', lastError: problem }, this.deps.clock.now());
    this.changed(id);
  }

  private async startSources(stored: StoredIntegration): Promise<void> {
    const connector = this.connector(stored.id);
    if (!connector.pollers) return;
    try {
      this.sources.set(
        stored.id,
        await connector.pollers(this.state(stored), { saveSecrets: (secrets) => this.saveSecrets(stored.id, secrets) }),
      );
      this.deps.onSourcesChanged?.(null);
    } catch (error) {
      this.recordError(stored, error);
    }
  }

  private dropSources(id: IntegrationId): void {
    if (this.sources.delete(id)) this.deps.onSourcesChanged?.(id);
  }

  private async saveSecrets(id: IntegrationId, secrets: Readonly<Record<string, string>>): Promise<void> {
    for (const [name, value] of Object.entries(secrets)) await this.deps.secrets.set(secretName(id, name), value);
  }

  private recordError(stored: StoredIntegration, error: unknown): void {
    const problem = toProblem(error, this.deps.clock.now());
    this.deps.log.warn('integration server could not start', { integration: stored.id, error: problem.message });
    this.deps.repo.put({ ...stored, lastError: problem }, this.deps.clock.now());
  }

  private fail(id: IntegrationId, error: unknown): void {
    const problem = toProblem(error, this.deps.clock.now());
    this.deps.log.warn('connecting failed', { integration: id, error: problem.message });
    this.failures.set(id, problem);
  }

  private state(stored: StoredIntegration): ConnectedState {
    return { stored, secret: (name) => this.deps.secrets.get(secretName(stored.id, name)) };
  }

  /** Every secret stored for the integration, whatever its connector called them. */
  private async forgetSecrets(id: IntegrationId): Promise<void> {
    const prefix = secretName(id, '');
    for (const name of this.deps.secrets.names()) {
      if (name.startsWith(prefix)) await this.deps.secrets.delete(name);
    }
  }

  private abortPending(id: IntegrationId): boolean {
    const pending = this.pending.get(id);
    if (!pending) return false;
    this.pending.delete(id);
    pending.controller.abort();
    return true;
  }

  private connector(id: IntegrationId): Connector {
    const connector = this.deps.connectors.get(id);
    if (!connector) throw new CoreError('NOT_FOUND', `Izzie has no ${id} integration.`);
    return connector;
  }

  private changed(id: IntegrationId): void {
    this.deps.events.emit('integrations.changed', { integration: this.view(id) });
  }

  view(id: IntegrationId): Integration {
    const connector = this.connector(id);
    const stored = this.deps.repo.get(id);
    const pending = this.pending.get(id);
    const connected = stored?.status === 'connected';
    const status: Integration['status'] = pending
      ? 'connecting'
      : connected
        ? stored.lastError
          ? 'error'
          : 'connected'
        : 'disconnected';
    return {
      id,
      name: connector.title,
      status,
      account: connected ? stored.account : null,
      scopes: connected ? [...stored.scopes] : [],
      method: stored?.method ?? null,
      connectedAt: connected ? stored.connectedAt : null,
      baseUrl: stored?.baseUrl ?? null,
      lastError: this.failures.get(id) ?? stored?.lastError ?? null,
      pending: pending?.view ?? null,
    };
  }
}

function toProblem(error: unknown, at: number): Problem {
  if (error instanceof ServiceError) {
    const hint =
      error.kind === 'unauthorized'
        ? 'Check the credentials and connect again.'
        : error.kind === 'unavailable'
          ? 'Check the address and your connection, then try again.'
          : null;
    return { message: error.message, hint, at };
  }
  if (error instanceof CoreError) return { message: error.message, hint: null, at };
  return { message: error instanceof Error ? error.message : String(error), hint: null, at };
}

/** A refusal while connecting answers the request, so the form can show it next to the fields. */
function asCoreError(error: unknown): CoreError {
  if (error instanceof CoreError) return error;
  if (error instanceof ServiceError) {
    const code = error.kind === 'unavailable' || error.kind === 'rate_limited' ? 'UNAVAILABLE' : 'INVALID_INPUT';
    return new CoreError(code, error.message, { cause: error });
  }
  return new CoreError('UNAVAILABLE', error instanceof Error ? error.message : String(error), { cause: error });
}
