import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createRpcClient, type AppInfo, type RpcClient, type RpcEventFrame, type RpcResponse } from '../shared';
import { EventHub } from './events/event-hub';
import type { Published } from './engine/event-bus';
import { CoreError } from './errors';
import { createFileLogger, type FileLogger, type Logger, type LogLevel } from './log/logger';
import type { ChatAgent } from './agents/chat/chat-agent';
import { createModelServices, type ModelServicesFactory } from './models/model-services';
import { openVault } from './secrets/open-vault';
import type { CorePorts } from './ports';
import { createServices, type EngineOptions, type MemoryOptions, type Services } from './services';
import { KnowledgeGraph } from './graph/knowledge-graph';
import { handlers } from './rpc/handlers';
import { createRouter, type Router } from './rpc/router';
import { openDatabase, type Db } from './store/database';
import { acquireInstanceLock, type InstanceLock } from './store/instance-lock';
import { sqlMigrations } from './store/migration-files';
import { migrate, type Migration } from './store/migrations';

export interface Core {
  /** Takes the data-dir lock, opens and migrates the database. Throws a readable error on refusal. */
  start(): Promise<void>;
  /** Refuses new requests, waits for running ones, closes the database and releases the lock. */
  stop(): Promise<void>;
  /** The single RPC entry point every transport calls with the raw frame it received. */
  handle(raw: unknown): Promise<RpcResponse>;
  /**
   * For hosts: an IzzieEvent into the engine's bus (validated, stored, de-duplicated by id). The
   * webhook relay and the kill trials deliver this way; the renderer cannot.
   */
  publish(event: unknown): Published;
  /** Pushed events for transports to forward to their renderers. */
  subscribe(listener: (frame: RpcEventFrame) => void): () => void;
  /** An in-process client for the host itself (tray, CLI): the same router, audit and checks. */
  readonly client: RpcClient;
  /** For hosts: writes to Izzie's log file while running, to stderr before start and after stop. */
  readonly log: HostLogger;
  /** Masks a value (e.g. the headless access token) wherever it would appear in a log line. */
  redactInLogs(secret: string): void;
  readonly logFile: string;
  readonly dataDir: string;
}

export type HostLogger = Pick<Logger, 'info' | 'warn' | 'error'>;

export interface CoreOptions {
  readonly logLevel?: LogLevel;
  /** Test seam: a different migration set. */
  readonly migrations?: readonly Migration[];
  /** The person opted in to keeping the vault's master key in a file (IZZIE_INSECURE_FILE_VAULT=1). */
  readonly insecureFileVault?: boolean;
  /** Test seam: the model layer (default: the configured provider through the openai SDK). */
  readonly models?: ModelServicesFactory;
  /** How much thread history (estimated tokens) goes into a reply's context before summarizing. */
  readonly historyBudgetTokens?: number;
  readonly maxToolRounds?: number;
  /** Also print log lines (the headless host's --verbose). */
  readonly echoLog?: (line: string) => void;
  /** Test seams for memory: the vector index inline, another embedder (default: the local model). */
  readonly memory?: MemoryOptions;
  /** Extra engine functions and limits (the kill trials). */
  readonly engine?: EngineOptions;
}

interface Running {
  readonly lock: InstanceLock;
  readonly db: Db;
  readonly router: Router;
  readonly agent: ChatAgent;
  readonly services: Services;
  readonly graph: KnowledgeGraph;
  readonly serversStarted: Promise<unknown>;
  readonly memoryStarted: Promise<unknown>;
}

export function createCore(ports: CorePorts, options: CoreOptions = {}): Core {
  const dataDir = ports.paths.dataDir;
  const logFile = join(dataDir, 'logs', 'izzie.log');
  const databaseFile = join(dataDir, 'izzie.db');
  const startedAt = ports.clock.now();
  let log: FileLogger | null = null;
  let running: Running | null = null;
  const secretsToRedact = new Set<string>();
  const events = new EventHub((error) => log?.error('an event listener threw', { error }));

  const hostLog = (level: 'info' | 'warn' | 'error') => (message: string, fields?: Record<string, unknown>) => {
    if (log) log.child('host')[level](message, fields);
    else process.stderr.write(`[izzie] ${level}: ${message}${fields ? ' ' + JSON.stringify(fields) : ''}\n`);
  };

  const core: Core = {
    dataDir,
    log: { info: hostLog('info'), warn: hostLog('warn'), error: hostLog('error') },
    logFile,
    client: createRpcClient({
      request: (frame) => core.handle(frame),
      onEvent: (listener) => core.subscribe(listener),
    }),

    async start() {
      if (running) return;
      mkdirSync(dataDir, { recursive: true });
      const lock = acquireInstanceLock(dataDir, ports.hostKind);
      try {
        log = createFileLogger(logFile, { level: options.logLevel ?? 'info', echo: options.echoLog });
        for (const secret of secretsToRedact) log.redactor.addSecret(secret);
        const db = openDatabase(databaseFile);
        let graph: KnowledgeGraph | null = null;
        try {
          const report = migrate(db, options.migrations ?? sqlMigrations, `The database ${databaseFile}`);
          log.info('database ready', { file: databaseFile, schemaVersion: report.to, applied: report.applied });
          graph = await KnowledgeGraph.open(join(dataDir, 'graph'), { clock: ports.clock });
          const services = createServices({
            db,
            graph,
            ...(options.memory ? { memory: options.memory } : {}),
            ...(options.engine ? { engine: options.engine } : {}),
            ports,
            events,
            log,
            vault: await openVault({
              db,
              keychain: ports.keychain,
              dataDir,
              insecureFileVault: options.insecureFileVault ?? false,
              log,
              clock: ports.clock,
            }),
            models: options.models ?? createModelServices,
            historyBudgetTokens: options.historyBudgetTokens ?? 12_000,
            maxToolRounds: options.maxToolRounds ?? 6,
            appInfo: (modelProviderConfigured): AppInfo => ({
              name: 'Izzie',
              version: ports.appVersion,
              hostKind: ports.hostKind,
              dataDir,
              databaseFile,
              logFile,
              schemaVersion: report.to,
              platform: `${process.platform}-${process.arch}`,
              nodeVersion: process.versions.node,
              startedAt,
              modelProviderConfigured,
            }),
          });
          const ctx = services.context;
          const router = createRouter(handlers, ctx, { log: log.child('rpc'), audit: ctx.audit });
          // Servers start in the background: a slow or broken one must not hold up the window.
          const serversStarted = services
            .startServers()
            .catch((error: unknown) => log?.error('MCP servers failed to start', { error }));
          const memoryStarted = services.startMemory().catch((error: unknown) => log?.error('memory failed to start', { error }));
          services.startEngine();
          running = { lock, db, graph, router, agent: services.agent, services, serversStarted, memoryStarted };
          log.info('core started', { hostKind: ports.hostKind, version: ports.appVersion });
        } catch (error) {
          await graph?.close();
          db.close();
          throw error;
        }
      } catch (error) {
        log?.error('core failed to start', { error });
        log?.close();
        log = null;
        lock.release();
        throw error;
      }
    },

    async stop() {
      const current = running;
      if (!current) return;
      await current.router.drain();
      // Runs stop before their next step (they resume on the next start) while their tools still work.
      await current.services.stopEngine();
      // Replies still streaming are stopped and saved (marked stopped) before the database closes.
      await current.agent.stopAll();
      await current.serversStarted;
      await current.services.stopServers();
      await current.memoryStarted;
      await current.services.stopMemory();
      running = null;
      // Kùzu first (its files live beside the database), then SQLite.
      await current.graph.close();
      current.db.close();
      log?.info('core stopped');
      log?.close();
      log = null;
      current.lock.release();
    },

    async handle(raw) {
      if (!running) {
        return { type: 'response', id: null, ok: false, error: { code: 'UNAVAILABLE', message: 'Izzie is not running.' } };
      }
      return running.router.handle(raw);
    },

    publish(event) {
      if (!running) throw new CoreError('UNAVAILABLE', 'Izzie is not running.');
      return running.services.engine.bus.publish(event);
    },

    redactInLogs(secret) {
      secretsToRedact.add(secret);
      log?.redactor.addSecret(secret);
    },

    subscribe(listener) {
      return events.subscribe(listener);
    },
  };
  return core;
}
