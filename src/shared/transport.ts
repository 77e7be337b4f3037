import type { RpcEventFrame, RpcRequest, RpcResponse } from './rpc/envelope';

/** Electron IPC channels: one for requests (invoke/handle), one for pushed events. */
export const IPC_RPC_CHANNEL = 'izzie:rpc';
export const IPC_EVENT_CHANNEL = 'izzie:event';

/**
 * What the preload exposes on `window.izzie`, and nothing more (STYLE.md 6): a request goes in, a
 * response comes out; events arrive through `on`, which returns its own unsubscribe.
 */
export interface IzzieBridge {
  invoke(frame: RpcRequest): Promise<RpcResponse>;
  on(listener: (frame: RpcEventFrame) => void): () => void;
}

/**
 * Headless WebSocket handshake. The per-launch token travels as a second subprotocol
 * (`izzie.token.<hex>`) so it never appears in a URL, a server log or the browser history; the
 * server answers with {@link WS_PROTOCOL} only.
 */
export const WS_PATH = '/rpc';
export const WS_PROTOCOL = 'izzie.rpc.v1';
export const WS_TOKEN_PROTOCOL_PREFIX = 'izzie.token.';
/** The browser learns the token from the URL fragment (`#token=…`), which is never sent to a server. */
export const TOKEN_FRAGMENT_KEY = 'token';
/** Close code for a server that is shutting down; clients reconnect. */
export const WS_CLOSE_GOING_AWAY = 1001;
