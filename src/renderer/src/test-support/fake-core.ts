import {
  RpcError,
  type AppInfo,
  type EventName,
  type EventPayload,
  type Message,
  type MethodInput,
  type MethodName,
  type MethodResult,
  type RpcClient,
  type RpcErrorCode,
  type Settings,
  type Thread,
} from '../../../shared';

/**
 * An in-memory stand-in for the core behind an RpcClient, for component tests. It behaves like
 * today's core: `messages.send` stores the message with a delivery error, emits `messages.added`
 * (before answering, as the real event hub does) and then fails with PROVIDER_NOT_CONFIGURED.
 */
export const NO_PROVIDER =
  'Izzie has no model provider yet, so this message was saved but not answered. Open Settings to connect one.';

type Handlers = { [M in MethodName]: (params: MethodInput<M>) => MethodResult<M> };

export interface FakeCoreOptions {
  threads?: Thread[];
  messages?: Message[];
  settings?: Settings;
  /** Fail these methods with this error instead of answering. */
  failures?: Partial<Record<MethodName, { code: RpcErrorCode; message: string }>>;
  pageSize?: number;
}

export function createFakeCore(options: FakeCoreOptions = {}) {
  let clock = 1_700_000_000_000;
  const now = () => (clock += 1_000);
  let threads = [...(options.threads ?? [])];
  let messages = [...(options.messages ?? [])];
  let settings: Settings = options.settings ?? { proactivePaused: false, theme: 'system' };
  const failures = { ...options.failures };
  const calls: { method: MethodName; params: unknown }[] = [];
  const listeners = new Map<string, Set<(payload: unknown) => void>>();

  function emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const listener of [...(listeners.get(event) ?? [])]) listener(payload);
  }

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
    'app.info': () => appInfo,
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
      const message: Message = {
        id: crypto.randomUUID(),
        threadId,
        role: 'user',
        content,
        createdAt: now(),
        deliveryError: { code: 'PROVIDER_NOT_CONFIGURED', message: NO_PROVIDER },
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
      throw new RpcError('PROVIDER_NOT_CONFIGURED', NO_PROVIDER);
    },
    ...notFaked([
      'threads.configure',
      'messages.edit',
      'messages.retry',
      'chat.stop',
      'personas.list',
      'personas.update',
      'personas.reset',
      'models.get',
      'models.setProvider',
      'models.setTier',
      'models.resetTier',
      'models.testConnection',
      'models.runTests',
      'vault.reopen',
    ]),
  };

  const client: RpcClient = {
    async call(method, ...args) {
      calls.push({ method, params: args[0] });
      await Promise.resolve();
      const failure = failures[method];
      if (failure) throw new RpcError(failure.code, failure.message);
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
    callsTo: (method: MethodName) => calls.filter((c) => c.method === method),
    get threads() {
      return threads;
    },
    get messages() {
      return messages;
    },
  };
}

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
