import WebSocket from 'ws';
import { WS_PATH, WS_PROTOCOL, WS_TOKEN_PROTOCOL_PREFIX, type ServerFrame } from '../src/shared';

export interface RawRpcSocket {
  /** Sends raw text and resolves with the next response frame. */
  sendRaw(text: string | Buffer): Promise<ServerFrame>;
  call(method: string, params?: unknown): Promise<ServerFrame>;
  readonly events: ServerFrame[];
  close(): Promise<void>;
  readonly socket: WebSocket;
}

/**
 * A deliberately low-level client for tests: it can send anything (broken JSON, hostile frames) and
 * hands back whatever the server answers. Responses are matched in order; the server answers each
 * frame exactly once.
 */
export async function connectRaw(port: number, token: string, origin = `http://127.0.0.1:${port}`): Promise<RawRpcSocket> {
  const socket = new WebSocket(`ws://127.0.0.1:${port}${WS_PATH}`, [WS_PROTOCOL, WS_TOKEN_PROTOCOL_PREFIX + token], {
    origin,
    maxPayload: 16 * 1024 * 1024,
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
    socket.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
  });
  const waiting: Array<{ resolve: (frame: ServerFrame) => void; reject: (error: Error) => void }> = [];
  const events: ServerFrame[] = [];
  socket.on('message', (data) => {
    const frame = JSON.parse(data.toString()) as ServerFrame;
    if (frame.type === 'event') events.push(frame);
    else waiting.shift()?.resolve(frame);
  });
  // A request the server never answered must fail the test, not hang it.
  socket.on('close', (code) => {
    for (const w of waiting.splice(0)) w.reject(new Error(`socket closed (${code}) before an answer arrived`));
  });
  let nextId = 1;
  const sendRaw = (text: string | Buffer): Promise<ServerFrame> =>
    new Promise((resolve, reject) => {
      waiting.push({ resolve, reject });
      socket.send(text, (error) => error && reject(error));
    });
  return {
    socket,
    events,
    sendRaw,
    call: (method, params) => sendRaw(JSON.stringify({ id: nextId++, method, params })),
    close: () =>
      new Promise((resolve) => {
        if (socket.readyState === WebSocket.CLOSED) return resolve();
        socket.once('close', () => resolve());
        socket.close();
      }),
  };
}

/** Attempts an upgrade and reports the HTTP status the server answered with (101 on success). */
export function upgradeStatus(
  port: number,
  options: { protocols?: string[]; origin?: string; host?: string; path?: string },
): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`ws://127.0.0.1:${port}${options.path ?? WS_PATH}`, options.protocols ?? [], {
      ...(options.origin === undefined ? {} : { origin: options.origin }),
      ...(options.host === undefined ? {} : { headers: { host: options.host } }),
    });
    socket.once('open', () => {
      socket.close();
      resolve(101);
    });
    socket.once('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      socket.terminate();
    });
    socket.once('error', (error) => {
      if (socket.readyState !== WebSocket.CLOSED) reject(error);
    });
  });
}
