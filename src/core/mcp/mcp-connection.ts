import { existsSync } from 'node:fs';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { getDefaultEnvironment, StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { ToolListChangedNotificationSchema, type Tool } from '@modelcontextprotocol/sdk/types.js';
import type { ServerSpec } from './server-spec';
import { StderrTail } from './stderr-tail';

export interface ConnectionHooks {
  readonly clientInfo: { readonly name: string; readonly version: string };
  /** The connection ended without `close()` being called: the process died, the peer hung up. */
  onLost(): void;
  onToolsChanged(): void;
}

/** Raised before anything was launched, with a sentence a person can act on. */
export class LaunchError extends Error {
  override readonly name = 'LaunchError';

  constructor(
    message: string,
    readonly hint: string | null,
  ) {
    super(message);
  }
}

/** How long a stopped child may take to exit after the SDK's stdin-close, SIGTERM, SIGKILL sequence. */
const EXIT_WAIT_MS = 1_000;

/**
 * One session with one server. Built in two steps so that whoever stops the server while it starts
 * has something to close: `openConnection` reads the secrets and builds the transport (nothing runs
 * yet), `connect` launches and initializes.
 */
export class McpConnection {
  readonly client: Client;
  /** What a stdio server wrote to stderr lately; empty for other transports. */
  readonly stderr = new StderrTail();
  /** Set before anything is closed, so the close it causes is not taken for a crash. */
  private closedByUs = false;
  private closing: Promise<void> | null = null;
  private readonly exited: Promise<void>;

  constructor(
    private readonly transport: Transport,
    /** For in-process servers: the server and its end of the linked pair. */
    private readonly inProcess: { readonly server: McpServer; readonly transport: Transport } | null,
    hooks: ConnectionHooks,
  ) {
    this.client = new Client(hooks.clientInfo, { capabilities: {} });
    this.client.setNotificationHandler(ToolListChangedNotificationSchema, () => hooks.onToolsChanged());
    let markExited = (): void => undefined;
    this.exited = new Promise((resolve) => (markExited = resolve));
    // Set before `connect`: the SDK chains its own handler after this one.
    transport.onclose = () => {
      markExited();
      // A dying process's last stderr lines may still be queued; let them land first.
      if (!this.closedByUs) setImmediate(() => hooks.onLost());
    };
    if (transport instanceof StdioClientTransport) transport.stderr?.on('data', (chunk: Buffer) => this.stderr.push(chunk));
  }

  /** The child process, for stdio servers once launched. */
  get pid(): number | null {
    return this.transport instanceof StdioClientTransport ? this.transport.pid : null;
  }

  async connect(timeoutMs: number): Promise<void> {
    if (this.closedByUs) throw new Error('The connection was closed before it started.');
    if (this.inProcess) await this.inProcess.server.connect(this.inProcess.transport);
    await this.client.connect(this.transport, { timeout: timeoutMs });
  }

  async listTools(timeoutMs: number): Promise<Tool[]> {
    const tools: Tool[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.client.listTools(cursor ? { cursor } : {}, { timeout: timeoutMs });
      tools.push(...page.tools);
      cursor = page.nextCursor;
    } while (cursor);
    return tools;
  }

  /** Ends the session; for stdio, resolves once the child process has exited. Safe to call twice. */
  close(): Promise<void> {
    this.closedByUs = true;
    this.closing ??= this.shutDown();
    return this.closing;
  }

  private async shutDown(): Promise<void> {
    const hadProcess = this.pid !== null;
    await this.client.close().catch(() => undefined);
    await this.inProcess?.server.close().catch(() => undefined);
    if (hadProcess) await Promise.race([this.exited, delay(EXIT_WAIT_MS)]);
  }
}

/** Reads the spec's secrets and builds its transport (nothing runs yet). Throws `LaunchError` when it cannot. */
export async function openConnection(spec: ServerSpec, hooks: ConnectionHooks): Promise<McpConnection> {
  switch (spec.transport) {
    case 'in-process': {
      const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
      return new McpConnection(clientSide, { server: spec.create(), transport: serverSide }, hooks);
    }
    case 'stdio': {
      if (spec.cwd !== undefined && !existsSync(spec.cwd)) {
        throw new LaunchError(
          `Could not start \`${spec.command}\`: its working directory ${spec.cwd} does not exist.`,
          'Fix the working directory in the server settings.',
        );
      }
      const env = await secrets(spec.name, () => spec.env());
      const transport = new StdioClientTransport({
        command: spec.command,
        args: [...spec.args],
        ...(spec.cwd !== undefined ? { cwd: spec.cwd } : {}),
        env: { ...baseEnvironment(), ...env },
        stderr: 'pipe',
      });
      return new McpConnection(transport, null, hooks);
    }
    case 'http': {
      let url: URL;
      try {
        url = new URL(spec.url);
      } catch {
        throw new LaunchError(`The address of ${spec.name} is not a valid URL.`, 'Fix the URL in the server settings.');
      }
      const headers = await secrets(spec.name, () => spec.headers());
      return new McpConnection(new StreamableHTTPClientTransport(url, { requestInit: { headers } }), null, hooks);
    }
  }
}

/**
 * The only variables a stdio server inherits from Izzie: what the SDK deems safe (PATH, HOME, USER,
 * SHELL, TERM, LOGNAME or their Windows equivalents). Everything else it needs comes from its spec, so
 * Izzie's own environment (and any secret in it) never leaks into a third-party process.
 */
function baseEnvironment(): Record<string, string> {
  const env = getDefaultEnvironment();
  for (const name of ['PATH', 'HOME']) {
    const value = process.env[name];
    if (env[name] === undefined && value !== undefined) env[name] = value;
  }
  return env;
}

async function secrets(server: string, read: () => Promise<Record<string, string>>): Promise<Record<string, string>> {
  try {
    return await read();
  } catch (error) {
    throw new LaunchError(
      `Could not read the stored secrets for ${server}: ${error instanceof Error ? error.message : String(error)}`,
      'Check that the keychain is unlocked, then restart the server.',
    );
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
