import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RpcError, WS_PROTOCOL, WS_TOKEN_PROTOCOL_PREFIX, createRpcClient, type RpcEventFrame } from '../../../shared';
import { createWsTransport, type ConnectionStatus, type WebSocketLike, type WsTransportOptions } from './ws-transport';

/** A scriptable stand-in for the browser WebSocket: the test opens, feeds and drops it. */
class FakeWebSocket implements WebSocketLike {
  static instances: FakeWebSocket[] = [];
  onopen: ((event: Event) => void) | null = null;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onclose: ((event: CloseEvent) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  readonly sent: string[] = [];
  closedByClient = false;

  constructor(
    readonly url: string,
    readonly protocols: string[],
  ) {
    FakeWebSocket.instances.push(this);
  }

  static latest(): FakeWebSocket {
    const socket = FakeWebSocket.instances.at(-1);
    if (!socket) throw new Error('no socket was opened');
    return socket;
  }

  send(data: string): void {
    this.sent.push(data);
  }

  close(): void {
    this.closedByClient = true;
  }

  open(): void {
    this.onopen?.({} as Event);
  }

  receive(data: unknown): void {
    this.onmessage?.({ data: typeof data === 'string' ? data : JSON.stringify(data) } as MessageEvent);
  }

  drop(code = 1006): void {
    this.onclose?.({ code } as CloseEvent);
  }

  sentFrames(): { id: number; method: string; params: unknown }[] {
    return this.sent.map((s) => JSON.parse(s) as { id: number; method: string; params: unknown });
  }
}

const statuses: ConnectionStatus[] = [];
const warn = vi.fn();

function transport(overrides: Partial<WsTransportOptions> = {}) {
  return createWsTransport({
    url: 'ws://127.0.0.1:4000/rpc',
    token: 'abc123',
    WebSocketImpl: FakeWebSocket,
    onStatus: (status) => statuses.push(status),
    warn,
    ...overrides,
  });
}

beforeEach(() => {
  vi.useFakeTimers();
  FakeWebSocket.instances = [];
  statuses.length = 0;
  warn.mockReset();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('WebSocket transport', () => {
  it('offers the RPC subprotocol and the token as a second subprotocol', () => {
    transport();
    expect(FakeWebSocket.latest().url).toBe('ws://127.0.0.1:4000/rpc');
    expect(FakeWebSocket.latest().protocols).toEqual([WS_PROTOCOL, `${WS_TOKEN_PROTOCOL_PREFIX}abc123`]);
  });

  it('matches responses to requests by id, whatever order they arrive in', async () => {
    const client = createRpcClient(transport());
    const socket = FakeWebSocket.latest();
    socket.open();
    const threads = client.call('threads.list');
    const settings = client.call('settings.get');
    const [first, second] = socket.sentFrames();
    expect(first?.method).toBe('threads.list');
    expect(second?.method).toBe('settings.get');

    socket.receive({ type: 'response', id: second?.id, ok: true, value: { proactivePaused: true, theme: 'dark' } });
    socket.receive({ type: 'response', id: first?.id, ok: true, value: [] });
    await expect(settings).resolves.toEqual({ proactivePaused: true, theme: 'dark' });
    await expect(threads).resolves.toEqual([]);
  });

  it('turns an error response into an RpcError with its code', async () => {
    const client = createRpcClient(transport());
    const socket = FakeWebSocket.latest();
    socket.open();
    const pending = client.call('threads.delete', { id: '00000000-0000-4000-8000-000000000000' });
    const id = socket.sentFrames()[0]?.id;
    socket.receive({ type: 'response', id, ok: false, error: { code: 'NOT_FOUND', message: 'No such thread' } });
    await expect(pending).rejects.toMatchObject({ name: 'RpcError', code: 'NOT_FOUND', message: 'No such thread' });
  });

  it('delivers event frames to every listener until it unsubscribes', () => {
    const t = transport();
    const socket = FakeWebSocket.latest();
    socket.open();
    const first: RpcEventFrame[] = [];
    const second: RpcEventFrame[] = [];
    const stopFirst = t.onEvent((frame) => first.push(frame));
    t.onEvent((frame) => second.push(frame));

    socket.receive({ type: 'event', event: 'notification', payload: { id: 'n1' } });
    stopFirst();
    socket.receive({ type: 'event', event: 'settings.changed', payload: {} });

    expect(first.map((f) => f.event)).toEqual(['notification']);
    expect(second.map((f) => f.event)).toEqual(['notification', 'settings.changed']);
  });

  it('ignores and reports frames that are not JSON or not in the envelope', async () => {
    const t = transport();
    const socket = FakeWebSocket.latest();
    socket.open();
    const events: RpcEventFrame[] = [];
    t.onEvent((frame) => events.push(frame));
    const pending = t.request({ id: 1, method: 'settings.get', params: {} });

    socket.receive('not json');
    socket.receive({ type: 'event', payload: {} });
    socket.receive({ type: 'response', id: 1, ok: true, value: 1, extra: 'strict envelopes refuse this' });
    socket.receive({ type: 'response', id: 1, ok: false, error: { code: 'NOPE', message: 'unknown code' } });
    expect(events).toEqual([]);
    expect(warn).toHaveBeenCalledTimes(4);

    socket.receive({ type: 'response', id: 1, ok: true, value: 'fine' });
    await expect(pending).resolves.toMatchObject({ ok: true, value: 'fine' });
  });

  it('fails requests in flight with UNAVAILABLE when the connection drops', async () => {
    const t = transport();
    const socket = FakeWebSocket.latest();
    socket.open();
    const pending = t.request({ id: 7, method: 'threads.list', params: {} });
    socket.drop();
    const error: unknown = await pending.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RpcError);
    expect(error).toMatchObject({ code: 'UNAVAILABLE' });
  });

  it('holds requests made while offline and sends them once connected', async () => {
    const t = transport();
    const pending = t.request({ id: 1, method: 'threads.list', params: {} });
    const socket = FakeWebSocket.latest();
    expect(socket.sent).toEqual([]);
    socket.open();
    expect(socket.sentFrames()).toEqual([{ id: 1, method: 'threads.list', params: {} }]);
    socket.receive({ type: 'response', id: 1, ok: true, value: [] });
    await expect(pending).resolves.toMatchObject({ ok: true, value: [] });
  });

  it('gives up on a request that waited too long for a connection', async () => {
    const t = transport({ connectWaitMs: 15_000 });
    const pending = t.request({ id: 1, method: 'threads.list', params: {} });
    const outcome = pending.catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(15_000);
    expect(await outcome).toMatchObject({ name: 'RpcError', code: 'UNAVAILABLE' });
  });

  it('reconnects with doubling backoff after a drop and reports each state', async () => {
    transport({ initialBackoffMs: 500, maxBackoffMs: 10_000 });
    FakeWebSocket.latest().open();
    expect(statuses.at(-1)).toEqual({ state: 'connected', everConnected: true });

    FakeWebSocket.latest().drop();
    expect(statuses.at(-1)?.state).toBe('reconnecting');
    expect(FakeWebSocket.instances).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(499);
    expect(FakeWebSocket.instances).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(FakeWebSocket.instances).toHaveLength(2);

    FakeWebSocket.latest().drop(); // the retry fails too: wait twice as long
    await vi.advanceTimersByTimeAsync(999);
    expect(FakeWebSocket.instances).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(FakeWebSocket.instances).toHaveLength(3);

    FakeWebSocket.latest().open();
    expect(statuses.at(-1)).toEqual({ state: 'connected', everConnected: true });
  });

  it('caps the backoff', async () => {
    transport({ initialBackoffMs: 500, maxBackoffMs: 2_000, failAfterAttempts: 100 });
    for (let attempt = 0; attempt < 5; attempt++) {
      FakeWebSocket.latest().drop();
      await vi.advanceTimersByTimeAsync(2_000);
    }
    expect(FakeWebSocket.instances).toHaveLength(6);
  });

  it('reports failed when the socket never opens, and keeps trying', async () => {
    transport({ initialBackoffMs: 100, failAfterAttempts: 3 });
    FakeWebSocket.latest().drop();
    expect(statuses.at(-1)).toEqual({ state: 'connecting', everConnected: false });
    await vi.advanceTimersByTimeAsync(100);
    FakeWebSocket.latest().drop();
    await vi.advanceTimersByTimeAsync(200);
    FakeWebSocket.latest().drop();
    expect(statuses.at(-1)).toEqual({ state: 'failed', everConnected: false });

    await vi.advanceTimersByTimeAsync(400);
    FakeWebSocket.latest().open();
    expect(statuses.at(-1)).toEqual({ state: 'connected', everConnected: true });
  });

  it('reconnectNow skips the backoff wait', async () => {
    const t = transport({ initialBackoffMs: 5_000 });
    FakeWebSocket.latest().drop();
    expect(FakeWebSocket.instances).toHaveLength(1);
    t.reconnectNow();
    expect(FakeWebSocket.instances).toHaveLength(2);
  });

  it('ignores a socket it has already replaced', async () => {
    const t = transport({ initialBackoffMs: 10 });
    const stale = FakeWebSocket.latest();
    stale.open();
    stale.drop();
    await vi.advanceTimersByTimeAsync(10);
    const fresh = FakeWebSocket.latest();
    fresh.open();
    const events: RpcEventFrame[] = [];
    t.onEvent((frame) => events.push(frame));
    stale.receive({ type: 'event', event: 'notification', payload: {} });
    stale.drop();
    expect(events).toEqual([]);
    expect(statuses.at(-1)?.state).toBe('connected');
  });

  it('close() stops reconnecting and fails waiting requests', async () => {
    const t = transport({ initialBackoffMs: 10 });
    const waiting = t.request({ id: 1, method: 'threads.list', params: {} }).catch((e: unknown) => e);
    t.close();
    expect(await waiting).toMatchObject({ code: 'UNAVAILABLE' });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(FakeWebSocket.instances).toHaveLength(1);
    expect(FakeWebSocket.latest().closedByClient).toBe(true);
  });
});
