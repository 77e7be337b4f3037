import { ErrorCode, McpError, type CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { McpToolInfo, Problem } from '../../shared';
import type { Logger } from '../log/logger';
import {
  duration,
  httpFailure,
  isLostHttpServer,
  lostConnection,
  messageOf,
  startFailure,
  type Trouble,
} from './connection-problems';
import { DEFAULT_CRASH_POLICY, recentCrashes, restartDelayMs, type CrashPolicy } from './crash-policy';
import { openConnection, type McpConnection } from './mcp-connection';
import { SERVER_ID, type ServerSpec } from './server-spec';
import { catalogTools, type ManagedTool } from './tool-catalog';
import { toolResultText } from './tool-result-text';

export type { ManagedTool } from './tool-catalog';
export type { ServerSpec } from './server-spec';

export type ServerRunStatus = 'stopped' | 'starting' | 'running' | 'crashed' | 'failed';

export interface ServerSnapshot {
  readonly status: ServerRunStatus;
  /** Kept after the server recovers, so the page can say what happened; cleared by `restart`. */
  readonly lastError: Problem | null;
  /** Automatic restarts since the server was added or last restarted by the person. */
  readonly restarts: number;
  readonly nextRestartAt: number | null;
  /** The last listing; kept while the server is down so the page can still show what it offers. */
  readonly tools: McpToolInfo[];
}

export interface ToolCallResult {
  readonly isError: boolean;
  readonly text: string;
}

export interface McpManagerDeps {
  readonly clock: { now(): number };
  readonly log: Logger;
  /** Told whenever a server's status, error or tools change (not about secrets, which it never holds). */
  readonly onChange: (id: string) => void;
  readonly backoff?: Partial<CrashPolicy>;
  readonly setTimer?: (run: () => void, ms: number) => unknown;
  readonly clearTimer?: (timer: unknown) => void;
  readonly clientInfo: { readonly name: 'izzie'; readonly version: string };
  /** For the handshake, tool listings and each tool call. Default 60 s. */
  readonly requestTimeoutMs?: number;
}

interface Entry {
  spec: ServerSpec;
  status: ServerRunStatus;
  lastError: Problem | null;
  restarts: number;
  nextRestartAt: number | null;
  tools: ManagedTool[];
  /** When it crashed, within the policy's window. */
  crashes: number[];
  /** Crashes since it last connected: what the backoff doubles on. */
  crashesInARow: number;
  connection: McpConnection | null;
  /** Bumped by every start and stop: work begun under an older number has been overtaken. */
  attempt: number;
  starting: Promise<void> | null;
  timer: unknown;
}

const DEFAULT_TIMEOUT_MS = 60_000;

/**
 * Runs Izzie's MCP clients: one per server, in-process, stdio or Streamable HTTP. Keeps each
 * server's tools (listed on connect, refreshed when the server says they changed), restarts servers
 * that die with exponential backoff, and gives up on one that keeps dying until the person restarts
 * it. Nothing here throws because a server misbehaves: its state and `lastError` say what happened.
 */
export class McpManager {
  private readonly entries = new Map<string, Entry>();
  /** Connections being closed, so shutdown can wait for every child process to exit. */
  private readonly closing = new Set<Promise<void>>();
  private readonly log: Logger;
  private readonly policy: CrashPolicy;
  private readonly timeoutMs: number;
  private readonly setTimer: (run: () => void, ms: number) => unknown;
  private readonly clearTimer: (timer: unknown) => void;

  constructor(private readonly deps: McpManagerDeps) {
    this.log = deps.log.child('mcp');
    this.policy = { ...DEFAULT_CRASH_POLICY, ...deps.backoff };
    this.timeoutMs = deps.requestTimeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.setTimer = deps.setTimer ?? ((run, ms) => setTimeout(run, ms).unref());
    this.clearTimer = deps.clearTimer ?? ((timer) => clearTimeout(timer as NodeJS.Timeout));
  }

  /** Registers a server without starting it. */
  add(spec: ServerSpec): void {
    if (!SERVER_ID.test(spec.id)) throw new Error(`"${spec.id}" cannot be an MCP server id: use a-z, 0-9 and "-".`);
    if (this.entries.has(spec.id)) throw new Error(`There is already an MCP server with the id "${spec.id}".`);
    this.entries.set(spec.id, {
      spec,
      status: 'stopped',
      lastError: null,
      restarts: 0,
      nextRestartAt: null,
      tools: [],
      crashes: [],
      crashesInARow: 0,
      connection: null,
      attempt: 0,
      starting: null,
      timer: null,
    });
    this.changed(spec.id);
  }

  /**
   * Swaps a server's spec, adding it when it is new. A server that is meant to run (running,
   * starting, waiting to restart, or failed) is restarted on the new spec with a clean slate: a new
   * configuration deserves a fresh chance.
   */
  async replace(spec: ServerSpec): Promise<void> {
    const entry = this.entries.get(spec.id);
    if (!entry) return this.add(spec);
    const wanted = entry.status !== 'stopped';
    const closing = this.halt(entry);
    entry.spec = spec;
    entry.tools = [];
    forgetCrashes(entry);
    entry.status = 'stopped';
    this.changed(spec.id);
    await closing;
    if (wanted) await this.start(spec.id);
  }

  /** Stops the server and forgets it. Unknown ids are ignored. */
  async remove(id: string): Promise<void> {
    const entry = this.entries.get(id);
    if (!entry) return;
    this.entries.delete(id);
    await this.halt(entry);
    this.changed(id);
  }

  /**
   * Runs the server unless it runs already; a pending automatic restart happens now. Resolves once
   * it is running or the attempt failed (see `snapshot`). A 'failed' server stays failed: only
   * `restart` (the person's decision) or a new spec clears that.
   */
  async start(id: string): Promise<void> {
    const entry = this.entry(id);
    if (entry.status === 'running' || entry.status === 'failed') return;
    if (entry.starting) return entry.starting;
    this.cancelTimer(entry);
    return this.launch(entry);
  }

  async stop(id: string): Promise<void> {
    const entry = this.entry(id);
    const wasStopped = entry.status === 'stopped';
    const closing = this.halt(entry);
    entry.status = 'stopped';
    if (!wasStopped) this.changed(id);
    await closing;
  }

  /** The person's restart: clears a 'failed' state, the crash history and the last error. */
  async restart(id: string): Promise<void> {
    const entry = this.entry(id);
    const closing = this.halt(entry);
    forgetCrashes(entry);
    entry.lastError = null;
    entry.status = 'stopped';
    await closing;
    await this.launch(entry);
  }

  /** Stops every server, waiting until each child process has exited (core shutdown). */
  async stopAll(): Promise<void> {
    await Promise.all([...this.entries.keys()].map((id) => this.stop(id)));
    await Promise.all([...this.closing]);
  }

  snapshot(id: string): ServerSnapshot | null {
    const entry = this.entries.get(id);
    if (!entry) return null;
    return {
      status: entry.status,
      lastError: entry.lastError,
      restarts: entry.restarts,
      nextRestartAt: entry.nextRestartAt,
      tools: entry.tools.map((tool) => tool.info),
    };
  }

  snapshots(): Map<string, ServerSnapshot> {
    const out = new Map<string, ServerSnapshot>();
    for (const id of this.entries.keys()) {
      const snapshot = this.snapshot(id);
      if (snapshot) out.set(id, snapshot);
    }
    return out;
  }

  /** Every tool of every running server. */
  tools(): ManagedTool[] {
    return [...this.entries.values()].filter((entry) => entry.status === 'running').flatMap((entry) => entry.tools);
  }

  /**
   * Calls a tool by its namespaced name. Every failure — unknown tool, server down, timeout,
   * cancellation, a protocol error — comes back as an error result with a readable sentence.
   */
  async callTool(name: string, args: Record<string, unknown>, signal?: AbortSignal): Promise<ToolCallResult> {
    const serverId = name.split('.', 1)[0] ?? '';
    const entry = this.entries.get(serverId);
    const tool = entry?.tools.find((candidate) => candidate.name === name);
    if (!entry || !tool) return { isError: true, text: `There is no MCP tool named "${name}".` };
    const connection = entry.connection;
    if (entry.status !== 'running' || !connection) return { isError: true, text: notRunning(entry) };
    try {
      const result = await connection.client.callTool({ name: tool.tool, arguments: args }, undefined, {
        timeout: this.timeoutMs,
        ...(signal ? { signal } : {}),
      });
      // Validated against CallToolResultSchema (the default); the SDK's return type also admits the old `toolResult` shape.
      const called = result as CallToolResult;
      return { isError: called.isError === true, text: toolResultText(called) };
    } catch (error) {
      if (signal?.aborted) return { isError: true, text: `The call to ${name} was cancelled.` };
      if (error instanceof McpError && error.code === ErrorCode.RequestTimeout) {
        return { isError: true, text: `${name} did not answer within ${duration(this.timeoutMs)}.` };
      }
      if (entry.spec.transport === 'http' && isLostHttpServer(error) && entry.connection === connection) {
        void this.dispose(connection);
        this.crashed(entry, httpFailure(entry.spec.url, error));
      }
      return { isError: true, text: `${name} failed: ${messageOf(error)}` };
    }
  }

  private launch(entry: Entry): Promise<void> {
    const attempt = ++entry.attempt;
    entry.status = 'starting';
    entry.nextRestartAt = null;
    this.changed(entry.spec.id);
    const starting = this.connect(entry, attempt).finally(() => {
      if (entry.starting === starting) entry.starting = null;
    });
    entry.starting = starting;
    return starting;
  }

  private async connect(entry: Entry, attempt: number): Promise<void> {
    const { spec } = entry;
    const current = () => entry.attempt === attempt && this.entries.get(spec.id) === entry;
    let connection: McpConnection | null = null;
    try {
      this.log.info('starting an MCP server', { server: spec.id, transport: spec.transport });
      connection = await openConnection(spec, {
        clientInfo: this.deps.clientInfo,
        onLost: () => connection && this.lost(entry, connection),
        onToolsChanged: () => connection && void this.refreshTools(entry, connection),
      });
      if (!current()) return;
      entry.connection = connection;
      await connection.connect(this.timeoutMs);
      const listed = await connection.listTools(this.timeoutMs);
      if (!current()) return;
      entry.tools = catalogTools(spec, listed, (message, fields) => this.log.warn(message, fields));
      entry.status = 'running';
      entry.crashesInARow = 0;
      this.log.info('MCP server running', { server: spec.id, tools: entry.tools.length });
      this.changed(spec.id);
    } catch (error) {
      // Let a dying process's last stderr lines arrive before reading them.
      await new Promise((resolve) => setImmediate(resolve));
      if (!current()) return;
      entry.connection = null;
      if (connection) void this.dispose(connection);
      this.crashed(entry, startFailure(spec, error, connection?.stderr.last(20) ?? [], this.timeoutMs));
    }
  }

  private lost(entry: Entry, connection: McpConnection): void {
    if (entry.connection !== connection || entry.status !== 'running') return;
    this.crashed(entry, lostConnection(entry.spec, connection.stderr.last(20)));
  }

  private crashed(entry: Entry, trouble: Trouble): void {
    const now = this.deps.clock.now();
    const id = entry.spec.id;
    entry.connection = null;
    entry.crashes = recentCrashes(entry.crashes, now, this.policy);
    entry.crashesInARow += 1;
    if (entry.crashes.length >= this.policy.maxCrashes) {
      const minutes = Math.round(this.policy.windowMs / 60_000);
      const giveUp = `It failed ${entry.crashes.length} times within ${minutes} minute${minutes === 1 ? '' : 's'}, so Izzie stopped restarting it. Restart it from the Integrations page after fixing the problem.`;
      entry.status = 'failed';
      entry.nextRestartAt = null;
      entry.lastError = { message: trouble.message, hint: trouble.hint ? `${trouble.hint} ${giveUp}` : giveUp, at: now };
      this.log.error('MCP server keeps failing; no more automatic restarts', { server: id, error: trouble.message });
    } else {
      const delay = restartDelayMs(entry.crashesInARow, this.policy);
      entry.status = 'crashed';
      entry.nextRestartAt = now + delay;
      entry.lastError = { message: trouble.message, hint: trouble.hint, at: now };
      entry.timer = this.setTimer(() => this.autoRestart(entry, entry.attempt), delay);
      this.log.warn('MCP server crashed; restarting it', { server: id, error: trouble.message, delayMs: delay });
    }
    this.changed(id);
  }

  private autoRestart(entry: Entry, attempt: number): void {
    entry.timer = null;
    if (entry.attempt !== attempt || entry.status !== 'crashed' || this.entries.get(entry.spec.id) !== entry) return;
    entry.restarts += 1;
    void this.launch(entry);
  }

  private async refreshTools(entry: Entry, connection: McpConnection): Promise<void> {
    try {
      const listed = await connection.listTools(this.timeoutMs);
      if (entry.connection !== connection || entry.status !== 'running') return;
      entry.tools = catalogTools(entry.spec, listed, (message, fields) => this.log.warn(message, fields));
      this.changed(entry.spec.id);
    } catch (error) {
      this.log.warn('could not refresh the tools of an MCP server', { server: entry.spec.id, error: messageOf(error) });
    }
  }

  /**
   * Ends whatever is running or pending for the server, without touching its status. Everything up
   * to closing the connection happens at once, so callers can update the status before awaiting.
   */
  private async halt(entry: Entry): Promise<void> {
    entry.attempt += 1;
    entry.starting = null;
    this.cancelTimer(entry);
    entry.nextRestartAt = null;
    const connection = entry.connection;
    entry.connection = null;
    if (connection) {
      this.log.info('stopping an MCP server', { server: entry.spec.id });
      await this.dispose(connection);
    }
  }

  private dispose(connection: McpConnection): Promise<void> {
    const closing = connection.close().finally(() => this.closing.delete(closing));
    this.closing.add(closing);
    return closing;
  }

  private cancelTimer(entry: Entry): void {
    if (entry.timer !== null) this.clearTimer(entry.timer);
    entry.timer = null;
  }

  private entry(id: string): Entry {
    const entry = this.entries.get(id);
    if (!entry) throw new Error(`There is no MCP server with the id "${id}".`);
    return entry;
  }

  private changed(id: string): void {
    try {
      this.deps.onChange(id);
    } catch (error) {
      this.log.error('an MCP change listener failed', { server: id, error: messageOf(error) });
    }
  }
}

function forgetCrashes(entry: Entry): void {
  entry.crashes = [];
  entry.crashesInARow = 0;
  entry.restarts = 0;
}

function notRunning(entry: Entry): string {
  const { name } = entry.spec;
  switch (entry.status) {
    case 'crashed':
      return `${name} has crashed and is restarting; try again shortly.`;
    case 'failed':
      return `${name} keeps failing and is stopped until the person restarts it from the Integrations page.`;
    case 'starting':
      return `${name} is still starting; try again shortly.`;
    default:
      return `${name} is not running.`;
  }
}
