import type { Message } from '../src/shared';
import type { RawRpcSocket } from './ws-rpc-client';

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
