import type { Message } from '../src/shared';
import { startFakeModelServer, type FakeModelServer } from './fake-model-server';
import { startTestHost } from './test-host';
import { connectRaw, type RawRpcSocket } from './ws-rpc-client';

type TestHost = Awaited<ReturnType<typeof startTestHost>>;

export interface RpcSession {
  /** Calls a method and returns its value; a failure throws with the whole frame in the message. */
  call<T = unknown>(method: string, params?: unknown): Promise<T>;
  /** Calls a method that must fail and returns its error. */
  failure(method: string, params: unknown): Promise<{ code: string; message: string }>;
  /** Sends a message in a thread and waits for the reply to complete (or end otherwise). */
  ask(threadId: string, text: string, timeoutMs?: number): Promise<Message>;
}

/**
 * RPC as a renderer makes it, over a raw socket, for tests that drive a real core. `socket` is a
 * getter because a test that restarts the core connects a new one.
 */
export function rpcSession(socket: () => RawRpcSocket): RpcSession {
  const call = async <T>(method: string, params: unknown = {}): Promise<T> => {
    const frame = await socket().call(method, params);
    if (frame.type !== 'response' || !frame.ok) throw new Error(`${method} failed: ${JSON.stringify(frame)}`);
    return frame.value as T;
  };
  return {
    call,
    async failure(method, params) {
      const frame = await socket().call(method, params);
      if (frame.type !== 'response' || frame.ok) throw new Error(`${method} should have failed: ${JSON.stringify(frame)}`);
      return frame.error;
    },
    async ask(threadId, text, timeoutMs = 10_000) {
      await call('messages.send', { threadId, content: text });
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const reply = (await call<{ messages: Message[] }>('messages.list', { threadId })).messages.at(-1);
        if (reply && reply.role === 'assistant' && reply.status !== 'streaming') return reply;
        if (Date.now() > deadline) throw new Error(`no finished reply within ${timeoutMs} ms: ${JSON.stringify(reply)}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
  };
}

export interface ChatHost extends RpcSession {
  readonly host: TestHost;
  readonly fake: FakeModelServer;
  /** Every frame the renderer side received, responses and events, across reconnects. */
  readonly frames: string[];
  socket(): RawRpcSocket;
  /** A new socket, after the core was stopped and started again. */
  reconnect(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A real core behind the headless server, a socket to it that records every frame, and a local
 * fake model configured as its provider: what a test needs to drive Izzie as a renderer would.
 */
export async function startChatHost(token: string): Promise<ChatHost> {
  const fake = await startFakeModelServer();
  const host = await startTestHost(token);
  const frames: string[] = [];
  const open = async (): Promise<RawRpcSocket> => {
    const opened = await connectRaw(host.server.port, token);
    opened.socket.on('message', (data) => frames.push(data.toString()));
    return opened;
  };
  let socket = await open();
  const session = rpcSession(() => socket);
  await session.call('models.setProvider', { kind: 'custom', baseUrl: fake.url, apiKey: 'sk-test-0123456789' });
  return {
    ...session,
    host,
    fake,
    frames,
    socket: () => socket,
    reconnect: async () => {
      socket = await open();
    },
    close: async () => {
      await socket.close();
      await host.close();
      await fake.close();
    },
  };
}
