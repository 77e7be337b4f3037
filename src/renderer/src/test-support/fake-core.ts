import {
  RpcError,
  contract,
  type AppInfo,
  type EventName,
  type EventPayload,
  type Message,
  type MethodName,
  type RpcClient,
  type RpcErrorCode,
  type Settings,
  type Thread,
} from '../../../shared';
import { createFakeActivity, type FakeActivityOptions } from './fake-activity';
import { createFakeApprovals, type FakeApprovalsOptions } from './fake-approvals';
import { createFakeAudit, type FakeAuditOptions } from './fake-audit';
import { createFakeIntegrations, type FakeIntegrationsOptions } from './fake-integrations';
import { createFakeMemory, type FakeMemoryOptions } from './fake-memory';
import { createFakeModels, type FakeModelsOptions, type Handlers } from './fake-models';
import { createReplyDriver } from './fake-replies';

/**
 * An in-memory stand-in for the core behind an RpcClient, for component tests. Without a provider
 * it behaves like the core does then: `messages.send` stores the message with a delivery error,
 * emits `messages.added` (before answering, as the real event hub does) and fails with
 * PROVIDER_NOT_CONFIGURED. With `models.provider` set, a send starts a reply that the test streams
 * through `core.reply` (delta, update, finish, stop, fail). Every input is checked against the
 * contract's schema first, as the core's router does.
 */
export const NO_PROVIDER =
  'Izzie has no model provider yet, so this message was saved but not answered. Open Settings to connect one.';
export const STILL_REPLYING = 'Izzie is still replying in this chat. Stop it first, or wait for it to finish.';

export interface FakeCoreOptions {
  threads?: Thread[];
  messages?: Message[];
  settings?: Settings;
  models?: FakeModelsOptions;
  integrations?: FakeIntegrationsOptions;
  memory?: FakeMemoryOptions;
  activity?: FakeActivityOptions;
  approvals?: FakeApprovalsOptions;
  audit?: FakeAuditOptions;
  /** Fail these methods with this error instead of answering. */
  failures?: Partial<Record<MethodName, { code: RpcErrorCode; message: string }>>;
  pageSize?: number;
}

export function createFakeCore(options: FakeCoreOptions = {}) {
  let clock = 1_700_000_000_000;
  const now = () => (clock += 1_000);
  let threads = [...(options.threads ?? [])];
  let messages = [...(options.messages ?? [])];
  let settings: Settings = options.settings ?? { proactivePaused: false, theme: 'system', digestTime: '07:00' };
  const failures = { ...options.failures };
  const calls: { method: MethodName; params: unknown }[] = [];
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const models = createFakeModels(options.models);

  function emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const listener of [...(listeners.get(event) ?? [])]) listener(payload);
  }

  const integrations = createFakeIntegrations(emit, options.integrations);
  const memory = createFakeMemory(emit, now, options.memory);
  const activity = createFakeActivity(emit, now, options.activity);
  // Approvals and the audit log keep the window's time: an undo countdown is read against Date.now().
  const approvals = createFakeApprovals(emit, () => Date.now(), options.approvals);
  const audit = createFakeAudit(() => Date.now(), options.audit);
  const reply = createReplyDriver({ messages: () => messages, setMessages: (next) => (messages = next), now, emit });

  function requireThread(id: string): Thread {
    const thread = threads.find((t) => t.id === id);
    if (!thread) throw new RpcError('NOT_FOUND', `Thread ${id} not found`);
    return thread;
  }

  function changeThread(id: string, change: Partial<Thread>): Thread {
    const thread = { ...requireThread(id), ...change };
    threads = [thread, ...threads.filter((t) => t.id !== id)].sort((a, b) => b.updatedAt - a.updatedAt);
    emit('threads.changed', { thread, deletedId: null });
    return thread;
  }

  function refuseWhileReplying(threadId: string): void {
    if (reply.isRunning(threadId)) throw new RpcError('CONFLICT', STILL_REPLYING);
  }

  /** Drops what followed a user message, stores its new text and asks again (retry and edit). */
  function answerAgain(target: Message, content: string): { message: Message } {
    const removed = messages.filter((m) => m.threadId === target.threadId && m.createdAt > target.createdAt).map((m) => m.id);
    messages = messages.filter((m) => !removed.includes(m.id));
    if (removed.length > 0) emit('messages.removed', { threadId: target.threadId, messageIds: removed });
    const deliveryError = models.state.provider ? null : { code: 'PROVIDER_NOT_CONFIGURED', message: NO_PROVIDER };
    const updated: Message = { ...target, content, deliveryError };
    messages = messages.map((m) => (m.id === target.id ? updated : m));
    emit('messages.updated', { message: updated });
    if (!models.state.provider) throw new RpcError('PROVIDER_NOT_CONFIGURED', NO_PROVIDER);
    reply.start(target.threadId);
    return { message: updated };
  }

  const appInfo: AppInfo = {
    name: 'Izzie',
    version: '0.1.0',
    hostKind: 'headless',
    dataDir: '/home/ada/.local/share/izzie',
    databaseFile: '/home/ada/.local/share/izzie/izzie.db',
    logFile: '/home/ada/.local/state/izzie/izzie.log',
    schemaVersion: 3,
    platform: 'linux',
    nodeVersion: '20.20.2',
    startedAt: clock,
    modelProviderConfigured: false,
  };

  const handlers: Handlers = {
    'app.info': () => ({ ...appInfo, modelProviderConfigured: models.state.provider !== null }),
    'settings.get': () => settings,
    'settings.set': (patch) => {
      settings = { ...settings, ...patch };
      emit('settings.changed', settings);
      return settings;
    },
    'threads.list': () => threads,
    'threads.create': (params) => {
      const at = now();
      const thread: Thread = {
        id: crypto.randomUUID(),
        title: params.title ?? 'New chat',
        persona: params.persona ?? 'work',
        mode: params.mode ?? 'assistant',
        createdAt: at,
        updatedAt: at,
        messageCount: 0,
        lastMessagePreview: null,
      };
      threads = [thread, ...threads];
      emit('threads.changed', { thread, deletedId: null });
      return thread;
    },
    'threads.rename': ({ id, title }) => changeThread(id, { title, updatedAt: now() }),
    'threads.configure': ({ id, persona, mode }) =>
      changeThread(id, { ...(persona ? { persona } : {}), ...(mode ? { mode } : {}), updatedAt: now() }),
    'threads.delete': ({ id }) => {
      requireThread(id);
      threads = threads.filter((t) => t.id !== id);
      messages = messages.filter((m) => m.threadId !== id);
      emit('threads.changed', { thread: null, deletedId: id });
      return { deleted: true };
    },
    'messages.list': ({ threadId, before, limit }) => {
      requireThread(threadId);
      const size = limit ?? options.pageSize ?? 200;
      const older = messages.filter((m) => m.threadId === threadId && (before === undefined || m.createdAt < before));
      const page = older.slice(-size);
      return { messages: page, nextBefore: older.length > size ? (page[0]?.createdAt ?? null) : null };
    },
    'messages.send': ({ threadId, content }) => {
      const thread = requireThread(threadId);
      refuseWhileReplying(threadId);
      const configured = models.state.provider !== null;
      const message: Message = {
        id: crypto.randomUUID(),
        threadId,
        role: 'user',
        content,
        createdAt: now(),
        deliveryError: configured ? null : { code: 'PROVIDER_NOT_CONFIGURED', message: NO_PROVIDER },
        status: 'complete',
        usage: null,
        toolCalls: [],
      };
      messages = [...messages, message];
      changeThread(threadId, {
        title: thread.messageCount === 0 && thread.title === 'New chat' ? (content.split('\n')[0] ?? content) : thread.title,
        messageCount: thread.messageCount + 1,
        lastMessagePreview: content,
        updatedAt: message.createdAt,
      });
      emit('messages.added', { message });
      if (!configured) throw new RpcError('PROVIDER_NOT_CONFIGURED', NO_PROVIDER);
      reply.start(threadId);
      return { message };
    },
    'messages.retry': ({ threadId }) => {
      requireThread(threadId);
      refuseWhileReplying(threadId);
      const last = messages.findLast((m) => m.threadId === threadId && m.role === 'user');
      if (!last) throw new RpcError('INVALID_INPUT', 'There is no message in this chat to answer yet.');
      return answerAgain(last, last.content);
    },
    'messages.edit': ({ messageId, content }) => {
      const target = messages.find((m) => m.id === messageId);
      if (!target) throw new RpcError('NOT_FOUND', `Message ${messageId} does not exist (it may have been deleted).`);
      refuseWhileReplying(target.threadId);
      return answerAgain(target, content);
    },
    'chat.stop': ({ threadId }) => {
      const running = reply.isRunning(threadId);
      if (running) reply.stop(threadId);
      return { stopped: running };
    },
    ...models.handlers,
    ...integrations.handlers,
    ...memory.handlers,
    ...activity.handlers,
    ...approvals.handlers,
    ...audit.handlers,
    ...notFaked(['models.runTests']),
  };

  const client: RpcClient = {
    async call(method, ...args) {
      calls.push({ method, params: args[0] });
      await Promise.resolve();
      const failure = failures[method];
      if (failure) throw new RpcError(failure.code, failure.message);
      const parsed = contract[method].input.safeParse(args[0] ?? {});
      if (!parsed.success) throw new RpcError('INVALID_INPUT', `Invalid input for ${method}: ${describeIssues(parsed.error)}`);
      const handler = handlers[method] as (params: unknown) => unknown;
      return handler(args[0] ?? {}) as never;
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      const untyped = listener as (payload: unknown) => void;
      set.add(untyped);
      listeners.set(event, set);
      return () => set.delete(untyped);
    },
  };

  return {
    client,
    calls,
    emit,
    failures,
    /** Drives the reply a send, retry or edit started: delta, update, finish, stop, fail. */
    reply,
    /** The fake's model settings and vault; `keys` holds what the vault would. */
    models: models.state,
    /** The fake's connections, servers and `vault` (what the keychain would hold). */
    integrations: integrations.state,
    /** Completes a pending Google or GitHub sign-in as if the person agreed in the browser. */
    finishSignIn: integrations.finishSignIn,
    /** The fake's memories, entities, relations, retention, embedder and latest job. */
    memory: memory.state,
    /** Moves the running re-embedding on: progress, finish, fail. */
    memoryJob: memory.job,
    /** The fake engine's runs, functions, digest and notifications, and how tests move them on. */
    activity,
    /** The fake's approvals, grants and policy; `sendDue` sends what waited out its undo window, `queue` asks anew. */
    approvals,
    /** The fake's audit log (`state.entries`, oldest first) and the chains it answers. */
    audit,
    callsTo: (method: MethodName) => calls.filter((c) => c.method === method),
    get threads() {
      return threads;
    },
    get messages() {
      return messages;
    },
  };
}

export type FakeCore = ReturnType<typeof createFakeCore>;

export function thread(overrides: Partial<Thread> = {}): Thread {
  return {
    id: crypto.randomUUID(),
    title: 'Plan the offsite',
    persona: 'work',
    mode: 'assistant',
    createdAt: 1_699_000_000_000,
    updatedAt: 1_699_000_000_000,
    messageCount: 0,
    lastMessagePreview: null,
    ...overrides,
  };
}

export function message(threadId: string, overrides: Partial<Message> = {}): Message {
  return {
    id: crypto.randomUUID(),
    threadId,
    role: 'user',
    content: 'Hello',
    createdAt: 1_699_000_000_000,
    deliveryError: null,
    status: 'complete',
    usage: null,
    toolCalls: [],
    ...overrides,
  };
}

/** The core router's wording for a refused input (src/core/rpc/router.ts). */
function describeIssues(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length > 0 ? issue.path.map(String).join('.') : 'input'}: ${issue.message}`)
    .join('; ');
}

/** Methods no renderer test drives yet: calling one fails the test loudly instead of pretending. */
function notFaked<M extends MethodName>(methods: readonly M[]): Pick<Handlers, M> {
  const entries = methods.map((method) => [
    method,
    () => {
      throw new Error(`fake core: ${method} is not faked; add it to test-support/fake-core.ts`);
    },
  ]);
  return Object.fromEntries(entries) as unknown as Pick<Handlers, M>;
}
