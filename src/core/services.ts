import type { AppInfo, EmbedderChoice } from '../shared';
import { ChatAgent } from './agents/chat/chat-agent';
import { ContextBuilder } from './agents/chat/context-builder';
import { PersonasService } from './agents/personas/personas-service';
import { builtinTools } from './agents/tools/builtin-tools';
import { builtinConnectors } from './integrations/connections/connectors';
import { IntegrationsService } from './integrations/connections/integrations-service';
import { McpServersService } from './integrations/mcp-servers-service';
import { mcpToolSource } from './integrations/mcp-tool-source';
import { McpManager } from './mcp/mcp-manager';
import { ToolRegistry } from './agents/tools/tool-registry';
import { AuditLog } from './audit/audit-log';
import { AuditService, type ChainSources } from './audit/audit-service';
import type { ActivityService } from './engine/activity-service';
import { EngineEventsRepo } from './store/engine-events-repo';
import { TriageRepo } from './store/triage-repo';
import { NotificationsService } from './notifications/notifications-service';
import { createPolicy } from './policy/create-policy';
import { settleChatToolCall } from './chat/approval-tool-calls';
import { NotificationsRepo } from './store/notifications-repo';
import { MessagesService } from './chat/messages-service';
import { ThreadsService } from './chat/threads-service';
import type { EventHub } from './events/event-hub';
import { createProactive, type EngineOptions } from './engine/create-proactive';
import type { Engine } from './engine/engine';
import type { PollingIngress } from './engine/ingress/polling-ingress';
import { IngressRepo } from './store/ingress-repo';
import type { KnowledgeGraph } from './graph/knowledge-graph';
import type { Logger } from './log/logger';
import { ChatMemory } from './memory/chat-memory';
import { createEmbedder } from './memory/embedding/create-embedder';
import type { Embedder } from './memory/embedding/embedder';
import { MemoryService } from './memory/memory-service';
import { WorkerVectorIndex, type VectorIndexPort } from './memory/search/vector-index-client';
import { keywordsFor, type KeywordPort } from './memory/search/keyword-client';
import { spawnWorker } from './workers/spawn-worker';
import type { ModelServicesFactory } from './models/model-services';
import type { Vault } from './secrets/vault';
import type { CorePorts } from './ports';
import type { HandlerContext } from './rpc/handler-types';
import { SettingsService } from './settings/settings-service';
import { AuditRepo } from './store/audit-repo';
import type { Db } from './store/database';
import { MessagesRepo } from './store/messages-repo';
import { IntegrationsRepo } from './store/integrations-repo';
import { McpServersRepo } from './store/mcp-servers-repo';
import { PersonasRepo } from './store/personas-repo';
import { SettingsRepo } from './store/settings-repo';
import { SummariesRepo } from './store/summaries-repo';
import { ThreadsRepo } from './store/threads-repo';

export interface ServiceOptions {
  readonly db: Db;
  readonly ports: CorePorts;
  readonly events: EventHub;
  readonly log: Logger;
  readonly vault: Vault;
  readonly models: ModelServicesFactory;
  readonly appInfo: (modelProviderConfigured: boolean) => AppInfo;
  readonly historyBudgetTokens: number;
  readonly maxToolRounds: number;
  readonly graph: KnowledgeGraph;
  /** Test seams: the vector index inline instead of in its thread, another embedder than the real ones. */
  readonly memory?: MemoryOptions;
  readonly engine?: EngineOptions;
}

export type { EngineOptions };

export interface MemoryOptions {
  readonly index?: () => VectorIndexPort;
  /** Keyword search over the given connection; a worker thread of its own when not given. */
  readonly keywords?: (db: Db) => KeywordPort;
  readonly createEmbedder?: (choice: EmbedderChoice) => Embedder;
  /** Whether each finished exchange is sent to extraction (default true). */
  readonly learnFromChats?: boolean;
}

export interface Services {
  readonly context: HandlerContext;
  readonly agent: ChatAgent;
  /** Starts the MCP servers of connected accounts and consented external servers. */
  startServers(): Promise<void>;
  /** Stops every MCP server (and the processes behind them) and abandons sign-ins in progress. */
  stopServers(): Promise<void>;
  /** Loads the memory index (search answers from keywords until it is loaded) and starts retention. */
  startMemory(): Promise<void>;
  /** Abandons background extractions and stops memory's threads; the graph and database stay open. */
  stopMemory(): Promise<void>;
  /** Resumes interrupted runs, starts cron and event work, and polling of connected accounts. */
  startEngine(): void;
  /** Takes no new work; runs in flight stop before their next step and resume on the next start. */
  stopEngine(): Promise<void>;
  readonly engine: Engine;
  readonly ingress: PollingIngress;
}

/** Builds every service over one open database. Order follows dependencies, nothing more. */
export function createServices(options: ServiceOptions): Services {
  const { db, ports, events, log } = options;
  const clock = ports.clock;
  const auditRepo = new AuditRepo(db);
  const audit = new AuditLog(auditRepo, clock, log.redactor);
  const threads = new ThreadsService(new ThreadsRepo(db), events, clock);
  const messagesRepo = new MessagesRepo(db);
  const interrupted = messagesRepo.markInterruptedReplies();
  if (interrupted > 0) log.warn('replies cut off by the last shutdown were marked stopped', { count: interrupted });
  const personas = new PersonasService(new PersonasRepo(db), clock);
  const summaries = new SummariesRepo(db);
  const models = options.models({ db, secrets: options.vault, audit, clock, log: log.child('models') });
  const connectors = builtinConnectors();
  let mcpServers: McpServersService | null = null;
  const mcp = new McpManager({
    clock,
    log: log.child('mcp'),
    clientInfo: { name: 'izzie', version: ports.appVersion },
    onChange: (id) => mcpServers?.changed(id),
  });
  const ingressRepo = new IngressRepo(db);
  let ingress: PollingIngress | null = null;
  const integrations = new IntegrationsService({
    onSourcesChanged: (removed) => {
      // A disconnected account's cursors go: connecting again starts from now, not from then.
      if (removed) ingressRepo.forget(removed);
      ingress?.wake();
    },
    repo: new IntegrationsRepo(db),
    secrets: options.vault,
    mcp,
    connectors,
    events,
    clock,
    log: log.child('integrations'),
    openExternal: ports.openExternal,
  });
  mcpServers = new McpServersService({
    repo: new McpServersRepo(db),
    secrets: options.vault,
    mcp,
    integrations,
    connectors,
    events,
    clock,
    log: log.child('mcp'),
  });
  const memory = new MemoryService({
    db,
    graph: options.graph,
    index: options.memory?.index?.() ?? new WorkerVectorIndex(() => spawnWorker('vectorIndex')),
    keywords: options.memory?.keywords?.(db) ?? keywordsFor(db, () => spawnWorker('keywords')),
    createEmbedder:
      options.memory?.createEmbedder ?? ((choice) => createEmbedder(choice, { connect: () => models.config.connect() })),
    router: models.router,
    events,
    clock,
    log: log.child('memory'),
  });
  const notifications = new NotificationsService({ repo: new NotificationsRepo(db), notifier: ports.notifier, events, clock });
  // One registry for chat and proactive agents, and one policy gate every call of theirs goes through.
  const tools = new ToolRegistry();
  const policy = createPolicy({
    db,
    registry: tools,
    audit,
    events,
    clock,
    log: log.child('policy'),
    notifications,
    persona: (id) => personas.get(id),
    fromAddress: () => integrations.list().find((i) => i.id === 'google' && i.status === 'connected')?.account ?? null,
    onApprovalChanged: (item) => settleChatToolCall({ messages: messagesRepo, events }, item),
  });
  const chatMemory = new ChatMemory({ memory, log: log.child('memory'), taint: policy.taint });
  // Deleting a source deletes what was learned only from it (DESIGN.md "Memory").
  const forget = (ids: string[], byParent: boolean) =>
    void memory
      .forgetSources('chat_message', ids, byParent)
      .catch((error: unknown) => log.error('memory cleanup failed', { error }));
  events.on('threads.changed', ({ deletedId }) => deletedId && forget([deletedId], true));
  events.on('messages.removed', ({ messageIds }) => forget(messageIds, false));
  tools.register(...builtinTools({ clock, messages: messagesRepo }), ...chatMemory.tools()).addSource(mcpToolSource(mcp));
  const agent = new ChatAgent({
    messages: messagesRepo,
    threads,
    personas,
    router: models.router,
    tools: policy.gate,
    context: new ContextBuilder({
      router: models.router,
      memory: chatMemory,
      summaries: { get: (id) => summaries.get(id), put: (id, value) => summaries.put(id, value, clock.now()) },
      clock,
      historyBudgetTokens: options.historyBudgetTokens,
    }),
    events,
    clock,
    log: log.child('chat'),
    maxToolRounds: options.maxToolRounds,
    ...(options.memory?.learnFromChats === false ? {} : { afterExchange: (exchange) => chatMemory.afterExchange(exchange) }),
  });
  const messages = new MessagesService({
    repo: messagesRepo,
    threads,
    agent,
    modelReadiness: models.readiness,
    events,
    clock,
    forgetSummary: (threadId) => summaries.delete(threadId),
  });
  const settings = new SettingsService(new SettingsRepo(db), events, clock, log.child('settings'));
  const proactive = createProactive({
    db,
    ports,
    events,
    log,
    settings,
    personas,
    gate: policy.gate,
    notifications,
    pendingApprovals: () => policy.pendingForDigest(),
    router: models.router,
    memory,
    integrations,
    ingressRepo,
    ...(options.engine ? { options: options.engine } : {}),
  });
  ingress = proactive.ingress;
  const context: HandlerContext = {
    settings,
    threads,
    messages,
    agent,
    personas,
    models,
    vault: options.vault,
    clock,
    audit,
    appInfo: async () => options.appInfo((await models.readiness()).ready),
    integrations,
    mcpServers,
    memory,
    activity: proactive.activity,
    notifications: proactive.notifications,
    policy,
    auditView: new AuditService({
      repo: auditRepo,
      log: audit,
      now: () => clock.now(),
      sources: chainSources(db, threads, proactive.activity),
    }),
  };
  const servers = mcpServers;
  return {
    context,
    agent,
    startServers: async () => {
      await integrations.startAll();
      await servers.startAll();
    },
    stopServers: () => {
      integrations.stop();
      return mcp.stopAll();
    },
    startMemory: () => memory.start(),
    engine: proactive.engine,
    ingress: proactive.ingress,
    startEngine: () => proactive.start(),
    stopEngine: () => proactive.stop(),
    stopMemory: async () => {
      await chatMemory.stop();
      await memory.stop();
    },
  };
}

/** What the audit chain says about events, their triage, runs and threads. */
function chainSources(db: Db, threads: ThreadsService, activity: ActivityService): ChainSources {
  const eventsRepo = new EngineEventsRepo(db);
  const triage = new TriageRepo(db);
  return {
    event: (id) => {
      const event = eventsRepo.get(id);
      return event
        ? { kind: 'event', title: `Event ${event.type} from ${event.source}`, detail: id, at: event.timestamp, target: null }
        : null;
    },
    classification: (eventId) => {
      const row = triage.get(eventId);
      return row
        ? {
            kind: 'classification',
            title: `Classified: ${row.headline}`,
            detail: row.classification,
            at: row.createdAt,
            target: null,
          }
        : null;
    },
    run: (id) => {
      try {
        const run = activity.run(id);
        return {
          kind: 'run',
          title: `Run of ${run.functionName} (${run.status})`,
          detail: run.steps.map((step) => step.name).join(' → ') || null,
          at: run.createdAt,
          target: { page: 'activity', id },
        };
      } catch {
        return null;
      }
    },
    thread: (id) =>
      threads.exists(id)
        ? { kind: 'message', title: `Chat: ${threads.require(id).title}`, detail: null, at: null, target: { page: 'chat', id } }
        : null,
  };
}
