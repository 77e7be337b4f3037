import { vi } from 'vitest';
import type { Core } from '../../core';
import { DEFAULT_SETTINGS, RpcRequest, createRpcClient, type RpcEventFrame, type RpcResponse, type Settings } from '../../shared';

/**
 * A core without a database: answers `settings.get`/`settings.set` (emitting 'settings.changed'
 * as the real one does) and `notifications.list` (with `options.unread`), echoes any other method,
 * and lets a test push events.
 */
export function createFakeCore(initial: Partial<Settings> = {}, options: { unread?: number; approvals?: number } = {}) {
  let settings: Settings = { ...DEFAULT_SETTINGS, ...initial };
  const listeners = new Set<(frame: RpcEventFrame) => void>();
  const emit = (frame: RpcEventFrame): void => {
    for (const listener of [...listeners]) listener(frame);
  };

  const handle = vi.fn(async (raw: unknown): Promise<RpcResponse> => {
    const parsed = RpcRequest.safeParse(raw);
    if (!parsed.success) return { type: 'response', id: null, ok: false, error: { code: 'INVALID_INPUT', message: 'bad frame' } };
    const { id, method, params } = parsed.data;
    if (method === 'settings.get') return { type: 'response', id, ok: true, value: settings };
    if (method === 'settings.set') {
      settings = { ...settings, ...(params as Partial<Settings>) };
      emit({ type: 'event', event: 'settings.changed', payload: settings });
      return { type: 'response', id, ok: true, value: settings };
    }
    if (method === 'approvals.list') {
      return { type: 'response', id, ok: true, value: { approvals: [], pending: options.approvals ?? 0 } };
    }
    if (method === 'notifications.list') {
      return { type: 'response', id, ok: true, value: { notifications: [], unread: options.unread ?? 0 } };
    }
    return { type: 'response', id, ok: true, value: { echoed: method } };
  });
  const subscribe = vi.fn((listener: (frame: RpcEventFrame) => void) => {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  });

  return {
    handle,
    subscribe,
    client: createRpcClient({ request: (frame) => handle(frame), onEvent: (listener) => subscribe(listener) }),
    emit,
    listenerCount: () => listeners.size,
    currentSettings: () => settings,
  };
}

export type FakeCore = ReturnType<typeof createFakeCore>;

/** The fake plus the lifecycle members, for the host start-up tests. */
export function createFakeFullCore(options: { startError?: Error } = {}) {
  const fake = createFakeCore();
  const start = vi.fn(async () => {
    if (options.startError) throw options.startError;
  });
  const stop = vi.fn(async () => undefined);
  const log = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
  const publish = vi.fn((event: { id: string }) => ({ id: event.id, duplicate: false, functionIds: [] }));
  const core: Core = {
    ...fake,
    start,
    stop,
    log,
    publish,
    redactInLogs: vi.fn(),
    logFile: '/fake/logs/izzie.log',
    dataDir: '/fake/data',
  };
  return { core, fake, start, stop };
}
