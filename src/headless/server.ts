import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { RpcEventFrame } from '../shared';
import { WS_PROTOCOL } from '../shared';
import { loopbackAuthorities, securityHeaders } from './security-headers';
import { serveStatic } from './static-files';
import { verifyUpgrade } from './upgrade-auth';
import { WsRpcAdapter, type RpcEndpoint } from './ws-rpc';

/** The loopback address, and nothing else: the host is never reachable from another machine. */
export const LOOPBACK = '127.0.0.1';
/** Frames larger than this close the socket (ws answers 1009); the core's schemas cap far lower. */
const MAX_FRAME_BYTES = 4 * 1024 * 1024;

export interface HeadlessServerOptions {
  readonly endpoint: RpcEndpoint;
  readonly subscribe: (listener: (frame: RpcEventFrame) => void) => () => void;
  readonly rendererDir: string;
  readonly token: string;
  /** 0 (the default) picks a free ephemeral port. */
  readonly port?: number;
  readonly onRefused?: (status: number, reason: string) => void;
  readonly onConnection?: (event: 'connected' | 'disconnected', detail: Record<string, unknown>) => void;
}

export interface HeadlessServer {
  readonly port: number;
  /** The URL to open: the token rides in the fragment, which browsers never send to a server. */
  readonly url: string;
  readonly adapter: WsRpcAdapter;
  /** Stops accepting connections; answers what is in flight; closes every socket. */
  close(): Promise<void>;
}

export async function startHeadlessServer(options: HeadlessServerOptions): Promise<HeadlessServer> {
  const adapter = new WsRpcAdapter(options.endpoint, options.onConnection);
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_FRAME_BYTES,
    handleProtocols: (protocols) => (protocols.has(WS_PROTOCOL) ? WS_PROTOCOL : false),
  });
  let port = 0;
  let authorities = new Set<string>();

  const http = createServer((req: IncomingMessage, res: ServerResponse) => {
    const headers = securityHeaders(port);
    if (!authorities.has(req.headers.host ?? '')) {
      options.onRefused?.(403, 'foreign Host header');
      res.writeHead(403, headers).end('Forbidden');
      return;
    }
    if (req.url === '/healthz') {
      res.writeHead(200, { ...headers, 'Content-Type': 'application/json' }).end('{"ok":true}');
      return;
    }
    serveStatic(options.rendererDir, req, res, headers).catch(() => {
      if (!res.headersSent) res.writeHead(500, headers);
      res.end();
    });
  });

  http.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const verdict = verifyUpgrade(req, options.token, authorities);
    if (!verdict.ok) {
      options.onRefused?.(verdict.status, verdict.reason);
      const text = verdict.status === 401 ? 'Unauthorized' : verdict.status === 403 ? 'Forbidden' : 'Not Found';
      socket.end(`HTTP/1.1 ${verdict.status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => adapter.attach(ws));
  });

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port ?? 0, LOOPBACK, () => {
      http.off('error', reject);
      resolve();
    });
  });
  const address = http.address() as AddressInfo;
  if (address.address !== LOOPBACK) {
    http.close();
    throw new Error(`Refusing to serve on ${address.address}: the headless host only listens on ${LOOPBACK}.`);
  }
  port = address.port;
  authorities = loopbackAuthorities(port);
  const unsubscribe = options.subscribe((frame) => adapter.broadcast(frame));

  return {
    port,
    url: `http://${LOOPBACK}:${port}/#token=${options.token}`,
    adapter,
    async close() {
      unsubscribe();
      const closed = new Promise<void>((resolve) => http.close(() => resolve()));
      await adapter.close();
      wss.close();
      http.closeAllConnections();
      await closed;
    },
  };
}
