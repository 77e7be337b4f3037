import {
  AddServerInput,
  formatCommandLine,
  IntegrationId,
  type ImportReport,
  type McpServer,
  type McpToolInfo,
} from '../../shared';
import { CoreError, notFound } from '../errors';
import type { EventHub } from '../events/event-hub';
import type { Logger } from '../log/logger';
import { parseClaudeDesktopConfig } from '../mcp/claude-desktop-config';
import type { McpManager } from '../mcp/mcp-manager';
import type { ServerSpec } from '../mcp/server-spec';
import type { Clock, SecretStore } from '../ports';
import type { McpServersRepo, StoredMcpServer } from '../store/mcp-servers-repo';
import type { Connector } from './connections/connector';
import type { IntegrationsService } from './connections/integrations-service';

export interface McpServersDeps {
  readonly repo: McpServersRepo;
  readonly secrets: SecretStore;
  readonly mcp: McpManager;
  readonly integrations: IntegrationsService;
  readonly connectors: ReadonlyMap<IntegrationId, Connector>;
  readonly events: EventHub;
  readonly clock: Clock;
  readonly log: Logger;
}

/** Names external servers may not take: the built-in servers' and the core's own tool group. */
const RESERVED = new Set<string>([...IntegrationId.options, 'builtin', 'izzie']);

/**
 * Every MCP server Izzie knows: the built-in ones (one per integration) and the external ones the
 * person added. External stdio servers run only after the person consented to their exact command
 * line; their environment values live in the vault and reach the process by environment only.
 */
export class McpServersService {
  constructor(private readonly deps: McpServersDeps) {}

  list(): McpServer[] {
    const builtins = IntegrationId.options.map((id) => this.builtinView(id));
    return [...builtins, ...this.deps.repo.all().map((stored) => this.externalView(stored))];
  }

  view(id: string): McpServer {
    if (IntegrationId.safeParse(id).success) return this.builtinView(id as IntegrationId);
    const stored = this.deps.repo.get(id);
    if (!stored) throw notFound('MCP server', id);
    return this.externalView(stored);
  }

  /** Starts every enabled external server the person consented to. Failures show on the server. */
  async startAll(): Promise<void> {
    for (const stored of this.deps.repo.all()) {
      if (this.runnable(stored)) await this.launch(stored);
    }
  }

  async add(raw: AddServerInput): Promise<McpServer> {
    const input = AddServerInput.parse(raw);
    const stored = await this.store(input);
    if (this.runnable(stored)) await this.launch(stored);
    this.changed(stored.id);
    return this.view(stored.id);
  }

  async import(json: string): Promise<ImportReport> {
    let parsed: ReturnType<typeof parseClaudeDesktopConfig>;
    try {
      // Names already taken (a built-in `github`, say) come back renamed (`github-2`), not refused.
      parsed = parseClaudeDesktopConfig(json, [...RESERVED, ...this.deps.repo.all().map((server) => server.id)]);
    } catch (error) {
      throw new CoreError('INVALID_INPUT', error instanceof Error ? error.message : String(error));
    }
    const added: McpServer[] = [];
    const skipped = [...parsed.skipped];
    for (const server of parsed.servers) {
      try {
        added.push(await this.add(server));
      } catch (error) {
        skipped.push({ name: server.name, reason: error instanceof Error ? error.message : String(error) });
      }
    }
    return { added, skipped };
  }

  async consent(id: string, commandLine: string): Promise<McpServer> {
    const stored = this.external(id);
    if (stored.transport !== 'stdio') throw new CoreError('INVALID_INPUT', `${id} is not a command; it needs no consent.`);
    const current = formatCommandLine(stored);
    if (commandLine !== current) {
      throw new CoreError('CONFLICT', `The command for ${id} is not the one you were shown. Review it again before agreeing.`);
    }
    this.deps.repo.setConsent(id, current, this.deps.clock.now());
    this.deps.log.info('the person consented to run an MCP server', { server: id });
    const updated = this.external(id);
    if (this.runnable(updated)) await this.launch(updated);
    this.changed(id);
    return this.view(id);
  }

  async setEnabled(id: string, enabled: boolean): Promise<McpServer> {
    const stored = this.external(id);
    this.deps.repo.setEnabled(id, enabled, this.deps.clock.now());
    if (!enabled) await this.deps.mcp.remove(id);
    const updated = this.external(id);
    if (enabled && this.runnable(updated)) await this.launch(updated);
    this.changed(stored.id);
    return this.view(id);
  }

  async restart(id: string): Promise<McpServer> {
    if (IntegrationId.safeParse(id).success) {
      if (this.deps.integrations.view(id as IntegrationId).status === 'disconnected') {
        throw new CoreError('CONFLICT', `Connect ${id} first; its server runs once the account is connected.`);
      }
      await this.deps.mcp.restart(id);
    } else {
      const stored = this.external(id);
      if (!this.runnable(stored)) throw new CoreError('CONFLICT', `${id} is disabled or waits for your consent.`);
      // A fresh spec (secrets read again) clears the crash history and restarts it.
      await this.launch(stored);
    }
    this.changed(id);
    return this.view(id);
  }

  async remove(id: string): Promise<{ removed: boolean }> {
    const stored = this.external(id);
    await this.deps.mcp.remove(id);
    await this.forgetSecrets(stored);
    const removed = this.deps.repo.delete(id);
    this.deps.events.emit('mcp.changed', { server: null, removedId: id });
    return { removed };
  }

  /** Called by the manager whenever a server's status or tools change. */
  changed(id: string): void {
    let server: McpServer;
    try {
      server = this.view(id);
    } catch {
      return;
    }
    this.deps.events.emit('mcp.changed', { server, removedId: null });
  }

  private async store(input: ReturnType<typeof AddServerInput.parse>): Promise<StoredMcpServer> {
    if (RESERVED.has(input.name))
      throw new CoreError('CONFLICT', `"${input.name}" is the name of a built-in server; choose another.`);
    if (this.deps.repo.get(input.name)) throw new CoreError('CONFLICT', `There is already a server named "${input.name}".`);
    const values = input.transport === 'stdio' ? input.env : input.headers;
    const secretNames = Object.keys(values);
    const stored: StoredMcpServer =
      input.transport === 'stdio'
        ? {
            id: input.name,
            transport: 'stdio',
            command: input.command,
            args: input.args,
            cwd: input.cwd ?? null,
            secretNames,
            consentedCommand: null,
            enabled: true,
          }
        : { id: input.name, transport: 'http', url: input.url, secretNames, enabled: true };
    for (const [index, name] of secretNames.entries()) {
      await this.deps.secrets.set(secretKey(stored, index), values[name] ?? '');
    }
    this.deps.repo.insert(stored, this.deps.clock.now());
    return stored;
  }

  private async launch(stored: StoredMcpServer): Promise<void> {
    const secrets = async (): Promise<Record<string, string>> => {
      const entries: [string, string][] = [];
      for (const [index, name] of stored.secretNames.entries()) {
        const value = await this.deps.secrets.get(secretKey(stored, index));
        if (value !== null) entries.push([name, value]);
      }
      return Object.fromEntries(entries);
    };
    const spec: ServerSpec =
      stored.transport === 'stdio'
        ? {
            id: stored.id,
            name: stored.id,
            kind: 'external',
            transport: 'stdio',
            command: stored.command,
            args: [...stored.args],
            ...(stored.cwd ? { cwd: stored.cwd } : {}),
            env: secrets,
          }
        : { id: stored.id, name: stored.id, kind: 'external', transport: 'http', url: stored.url, headers: secrets };
    await this.deps.mcp.replace(spec);
    await this.deps.mcp.start(stored.id);
  }

  private runnable(stored: StoredMcpServer): boolean {
    if (!stored.enabled) return false;
    return stored.transport === 'http' || stored.consentedCommand === formatCommandLine(stored);
  }

  private async forgetSecrets(stored: StoredMcpServer): Promise<void> {
    for (const index of stored.secretNames.keys()) {
      const key = secretKey(stored, index);
      if (this.deps.secrets.has(key)) await this.deps.secrets.delete(key);
    }
  }

  private external(id: string): StoredMcpServer {
    if (RESERVED.has(id)) throw new CoreError('INVALID_INPUT', `${id} is a built-in server; manage it through its integration.`);
    const stored = this.deps.repo.get(id);
    if (!stored) throw notFound('MCP server', id);
    return stored;
  }

  private builtinView(id: IntegrationId): McpServer {
    const connector = this.deps.connectors.get(id);
    if (!connector) throw notFound('MCP server', id);
    const integration = this.deps.integrations.view(id);
    const snapshot = this.deps.mcp.snapshot(id);
    const base = {
      id,
      name: connector.title,
      kind: 'builtin' as const,
      transport: 'in-process' as const,
      command: null,
      url: null,
      secretEnv: [],
    };
    if (integration.status === 'disconnected' || integration.status === 'connecting' || !snapshot) {
      const tools: McpToolInfo[] = connector.describeTools().map((tool) => ({
        name: `${id}.${tool.name}`,
        title: tool.title,
        description: tool.description,
        actionClass: tool.actionClass,
        readOnly: tool.hints.readOnlyHint,
        destructive: tool.hints.destructiveHint,
        idempotent: tool.hints.idempotentHint,
        openWorld: tool.hints.openWorldHint,
      }));
      return { ...base, status: 'not-connected', lastError: null, restarts: 0, nextRestartAt: null, tools };
    }
    return { ...base, ...runtime(snapshot) };
  }

  private externalView(stored: StoredMcpServer): McpServer {
    const snapshot = this.deps.mcp.snapshot(stored.id);
    const base = {
      id: stored.id,
      name: stored.id,
      kind: 'external' as const,
      transport: stored.transport,
      command: stored.transport === 'stdio' ? { command: stored.command, args: [...stored.args], cwd: stored.cwd } : null,
      url: stored.transport === 'http' ? stored.url : null,
      secretEnv: [...stored.secretNames],
    };
    const idle = { lastError: snapshot?.lastError ?? null, restarts: snapshot?.restarts ?? 0, nextRestartAt: null, tools: [] };
    if (!stored.enabled) return { ...base, ...idle, status: 'disabled' };
    if (stored.transport === 'stdio' && stored.consentedCommand !== formatCommandLine(stored)) {
      return { ...base, ...idle, status: 'needs-consent' };
    }
    if (!snapshot) return { ...base, ...idle, status: 'starting' };
    return { ...base, ...runtime(snapshot) };
  }
}

type Snapshot = NonNullable<ReturnType<McpManager['snapshot']>>;

function runtime(snapshot: Snapshot): Pick<McpServer, 'status' | 'lastError' | 'restarts' | 'nextRestartAt' | 'tools'> {
  return {
    status: snapshot.status === 'stopped' ? 'starting' : snapshot.status,
    lastError: snapshot.lastError,
    restarts: snapshot.restarts,
    nextRestartAt: snapshot.nextRestartAt,
    tools: snapshot.tools,
  };
}

function secretKey(stored: StoredMcpServer, index: number): string {
  return `mcp.${stored.id}.${stored.transport === 'stdio' ? 'env' : 'header'}.${index}`;
}
