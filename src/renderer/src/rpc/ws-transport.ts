import {
  RpcError,
  ServerFrameSchema,
  WS_PROTOCOL,
  WS_TOKEN_PROTOCOL_PREFIX,
  type RequestId,
  type RpcEventFrame,
  type RpcRequest,
  type RpcResponse,
  type RpcTransport,
} from '../../../shared';

/**
 * The headless host's transport: one WebSocket to 127.0.0.1 carrying the shared envelope as JSON.
 * Unlike Electron IPC the socket can drop (the host restarts, the laptop sleeps), so this adapter
 * also owns reconnecting, queueing requests made while offline, and failing the ones a drop cut off.
 */

export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'failed';

export interface ConnectionStatus {
  readonly state: ConnectionState;
  /** Whether a socket ever opened; a socket that never opens usually means a stale token. */
  readonly everConnected: boolean;
}

/** The part of the browser WebSocket this transport uses, so tests can inject a fake. */
export interface WebSocketLike {
  onopen: ((event: Event) => void) | null;
  onmessage: ((event: MessageEvent) => void) | null;
  onclose: ((event: CloseEvent) => void) | null;
  onerror: ((event: Event) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

export type WebSocketConstructor = new (url: string, protocols: string[]) => WebSocketLike;

export interface WsTransportOptions {
  url: string;
  token: string;
  WebSocketImpl?: WebSocketConstructor;
  /** How long a request made while offline waits for the connection before failing. */
  connectWaitMs?: number;
  initialBackoffMs?: number;
  maxBackoffMs?: number;
  /** Consecutive attempts that never open before the state becomes `failed` (retries go on). */
  failAfterAttempts?: number;
  onStatus?: (status: ConnectionStatus) => void;
  warn?: (message: string, detail?: unknown) => void;
}

export interface WsTransport extends RpcTransport {
  readonly status: ConnectionStatus;
  /** Try again at once, e.g. from a "Try again" button, instead of waiting out the backoff. */
  reconnectNow(): void;
  close(): void;
}

interface Pending {
  resolve(response: RpcResponse): void;
  reject(error: RpcError): void;
}

interface Waiting extends Pending {
  frame: RpcRequest;
  timer: ReturnType<typeof setTimeout>;
}

export function createWsTransport(options: WsTransportOptions): WsTransport {
  const Impl = options.WebSocketImpl ?? (globalThis.WebSocket as WebSocketConstructor);
  const connectWaitMs = options.connectWaitMs ?? 15_000;
  const initialBackoffMs = options.initialBackoffMs ?? 500;
  const maxBackoffMs = options.maxBackoffMs ?? 10_000;
  const failAfterAttempts = options.failAfterAttempts ?? 4;
  const warn = options.warn ?? ((message: string, detail?: unknown) => console.warn(message, detail));

  const inFlight = new Map<RequestId, Pending>();
  const waiting = new Set<Waiting>();
  const listeners = new Set<(frame: RpcEventFrame) => void>();
  let socket: WebSocketLike | null = null;
  let open = false;
  let stopped = false;
  /** Closes in a row without an open in between; drives the backoff. */
  let consecutiveDrops = 0;
  /** Attempts in a row that never opened; drives the `failed` state. */
  let unopenedAttempts = 0;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let status: ConnectionStatus = { state: 'connecting', everConnected: false };

  function setState(state: ConnectionState): void {
    status = { state, everConnected: status.everConnected || state === 'connected' };
    options.onStatus?.(status);
  }

  function connect(): void {
    retryTimer = null;
    let opened = false;
    let ws: WebSocketLike;
    try {
      ws = new Impl(options.url, [WS_PROTOCOL, WS_TOKEN_PROTOCOL_PREFIX + options.token]);
    } catch (error) {
      warn('Could not open the WebSocket to Izzie', error);
      handleClose(false);
      return;
    }
    socket = ws;
    ws.onopen = () => {
      if (socket !== ws) return;
      opened = true;
      open = true;
      consecutiveDrops = 0;
      unopenedAttempts = 0;
      setState('connected');
      for (const entry of [...waiting]) {
        waiting.delete(entry);
        clearTimeout(entry.timer);
        transmit(entry.frame, entry);
      }
    };
    ws.onmessage = (event) => {
      if (socket === ws) receive(event.data);
    };
    // A close event always follows an error; reconnecting is handled there.
    ws.onerror = () => undefined;
    ws.onclose = () => {
      if (socket !== ws) return;
      socket = null;
      handleClose(opened);
    };
  }

  function handleClose(opened: boolean): void {
    open = false;
    for (const [id, pending] of inFlight) {
      inFlight.delete(id);
      pending.reject(new RpcError('UNAVAILABLE', 'The connection to Izzie dropped before it answered. Try again.'));
    }
    if (stopped) return;
    consecutiveDrops += 1;
    if (!opened) unopenedAttempts += 1;
    if (unopenedAttempts >= failAfterAttempts) setState('failed');
    else setState(status.everConnected ? 'reconnecting' : 'connecting');
    const delay = Math.min(initialBackoffMs * 2 ** (consecutiveDrops - 1), maxBackoffMs);
    retryTimer = setTimeout(connect, delay);
  }

  function transmit(frame: RpcRequest, pending: Pending): void {
    if (inFlight.has(frame.id)) {
      pending.reject(new RpcError('INTERNAL', `Request id ${String(frame.id)} is already in flight.`));
      return;
    }
    try {
      if (!socket) throw new Error('no socket');
      socket.send(JSON.stringify(frame));
      inFlight.set(frame.id, pending);
    } catch {
      pending.reject(new RpcError('UNAVAILABLE', 'Could not reach Izzie. Try again in a moment.'));
    }
  }

  function receive(data: unknown): void {
    if (typeof data !== 'string') return warn('Ignoring a non-text frame from Izzie');
    let json: unknown;
    try {
      json = JSON.parse(data);
    } catch {
      return warn('Ignoring a frame from Izzie that is not JSON');
    }
    const parsed = ServerFrameSchema.safeParse(json);
    if (!parsed.success) return warn('Ignoring an invalid frame from Izzie', parsed.error.issues);
    const frame = parsed.data;
    if (frame.type === 'event') {
      for (const listener of [...listeners]) {
        try {
          listener(frame);
        } catch (error) {
          console.error('An event listener failed', error);
        }
      }
      return;
    }
    const pending = frame.id === null ? undefined : inFlight.get(frame.id);
    if (frame.id === null || !pending) return warn('Ignoring a response that matches no request', frame);
    inFlight.delete(frame.id);
    pending.resolve(frame);
  }

  connect();

  return {
    get status() {
      return status;
    },
    request(frame) {
      return new Promise<RpcResponse>((resolve, reject) => {
        if (stopped) return reject(new RpcError('UNAVAILABLE', 'The connection to Izzie is closed.'));
        if (open) return transmit(frame, { resolve, reject });
        const entry: Waiting = {
          frame,
          resolve,
          reject,
          timer: setTimeout(() => {
            waiting.delete(entry);
            reject(new RpcError('UNAVAILABLE', 'Izzie is not connected. Check that the host is still running, then try again.'));
          }, connectWaitMs),
        };
        waiting.add(entry);
      });
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    reconnectNow() {
      if (stopped || open || !retryTimer) return;
      clearTimeout(retryTimer);
      consecutiveDrops = 0;
      setState(status.everConnected ? 'reconnecting' : 'connecting');
      connect();
    },
    close() {
      stopped = true;
      if (retryTimer) clearTimeout(retryTimer);
      for (const entry of waiting) {
        clearTimeout(entry.timer);
        entry.reject(new RpcError('UNAVAILABLE', 'The connection to Izzie is closed.'));
      }
      waiting.clear();
      const current = socket;
      socket = null;
      current?.close(1000, 'closing');
      handleClose(open);
    },
  };
}
