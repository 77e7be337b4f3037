import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The plumbing the local fakes, emulator proxies and test servers share, so each of them says only
 * what it answers. Test support only: product code never imports this file.
 */

export interface LocalServer {
  /** `http://127.0.0.1:<port>`, without a trailing slash. */
  readonly url: string;
  readonly port: number;
  /** Drops open connections and stops listening; resolves at once when already closed. */
  close(): Promise<void>;
}

export interface RelayedResponse {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: Buffer;
}

/** Headers that describe one connection (or a body `fetch` re-frames), never to be passed along. */
const REQUEST_HOP_BY_HOP = new Set(['host', 'connection', 'keep-alive', 'transfer-encoding', 'content-length']);
/** `fetch` has already decoded the body, so its encoding and length no longer hold either. */
const RESPONSE_HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'content-encoding']);

/** Listens on 127.0.0.1 (nothing depends on how `localhost` resolves), on `port` or any free one. */
export async function listenLocal(server: Server, port = 0): Promise<LocalServer> {
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const bound = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${bound}`,
    port: bound,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}

/**
 * The credentials of an `Authorization: <scheme> <credentials>` header when its scheme (any case)
 * is one of `schemes`; services differ in which they take, so each caller names its own.
 */
export function authCredentials(header: string | undefined, schemes: readonly string[]): string | undefined {
  const match = header ? /^(\S+)\s+(.+)$/.exec(header.trim()) : null;
  if (!match?.[1] || !schemes.includes(match[1].toLowerCase())) return undefined;
  return match[2]?.trim();
}

/** The request's headers, flattened, as a proxy passes them on to `fetch`. */
export function forwardHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || REQUEST_HOP_BY_HOP.has(name)) continue;
    headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

/** Sends a request on to `url` (redirects are answered, not followed) and reads the whole answer. */
export async function relay(
  url: string,
  request: { readonly method: string; readonly headers: Readonly<Record<string, string>>; readonly body: Buffer },
): Promise<RelayedResponse> {
  const response = await fetch(url, {
    method: request.method,
    headers: request.headers,
    ...(request.body.length > 0 ? { body: new Uint8Array(request.body) } : {}),
    redirect: 'manual',
  });
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    if (!RESPONSE_HOP_BY_HOP.has(name)) headers[name] = value;
  });
  return { status: response.status, headers, body: Buffer.from(await response.arrayBuffer()) };
}
