import type { WebSocket } from 'ws';
import type { RpcEventFrame, RpcResponse } from '../shared';
import { WS_CLOSE_GOING_AWAY } from '../shared';

export interface RpcEndpoint {
  handle(raw: unknown): Promise<RpcResponse>;
}

/**
 * The WebSocket side of the RPC: text frames in, JSON-parsed and handed to the core untouched;
 * responses and pushed events out. Broken frames get a coded answer, never a dropped connection.
 */
export class WsRpcAdapter {
  private readonly sockets = new Set<WebSocket>();
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly endpoint: RpcEndpoint,
    /** Told when a renderer connects and when (and how) it goes, so a drop leaves a trace in the log. */
    private readonly onLifecycle?: (event: 'connected' | 'disconnected', detail: Record<string, unknown>) => void,
  ) {}

  attach(socket: WebSocket): void {
    this.sockets.add(socket);
    this.onLifecycle?.('connected', { connections: this.sockets.size });
    socket.on('close', (code, reason) => {
      this.sockets.delete(socket);
      this.onLifecycle?.('disconnected', { code, reason: reason.toString(), connections: this.sockets.size });
    });
    socket.on('error', (error) => {
      this.sockets.delete(socket);
      this.onLifecycle?.('disconnected', { error: error.message, connections: this.sockets.size });
    });
    socket.on('message', (data, isBinary) => {
      const work = this.answer(socket, isBinary ? null : data.toString()).finally(() => this.inFlight.delete(work));
      this.inFlight.add(work);
    });
  }

  broadcast(frame: RpcEventFrame): void {
    const text = JSON.stringify(frame);
    for (const socket of this.sockets) if (socket.readyState === socket.OPEN) socket.send(text);
  }

  get connectionCount(): number {
    return this.sockets.size;
  }

  /** Waits for every request already received to be answered, then closes each socket cleanly. */
  async close(): Promise<void> {
    await Promise.allSettled([...this.inFlight]);
    for (const socket of this.sockets) socket.close(WS_CLOSE_GOING_AWAY, 'Izzie is shutting down');
  }

  private async answer(socket: WebSocket, text: string | null): Promise<void> {
    let response: RpcResponse;
    if (text === null) {
      response = invalid('Binary frames are not accepted; send JSON text.');
    } else {
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = INVALID_JSON;
      }
      response = parsed === INVALID_JSON ? invalid('The frame is not valid JSON.') : await this.endpoint.handle(parsed);
    }
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(response));
  }
}

const INVALID_JSON = Symbol('invalid-json');

function invalid(message: string): RpcResponse {
  return { type: 'response', id: null, ok: false, error: { code: 'INVALID_INPUT', message } };
}
