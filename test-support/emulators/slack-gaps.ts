import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { authCredentials, forwardHeaders, listenLocal, readBody, relay, sendJson } from '../http-kit';

/**
 * A proxy in front of the `@inbox-zero/emulate` Slack emulator that fills what the emulator lacks,
 * so product code can talk to it through the real `@slack/web-api` client as it would to slack.com:
 *
 * - Unknown tokens answer `invalid_auth` and revoked ones `token_revoked` (the emulator treats any
 *   token as its first user).
 * - Answers to a known token carry `X-OAuth-Scopes`, as Slack sends them.
 *
 * Everything else is forwarded unchanged. It also records every Web API call (so a test can prove
 * none was made) and can answer the next matching call itself (HTTP 429 with Retry-After, a 5xx,
 * or a platform error such as `missing_scope`), which the emulator cannot produce on demand.
 */

export interface SlackInjectedAnswer {
  readonly status: number;
  readonly headers?: Record<string, string>;
  readonly body?: unknown;
  /** Only this Web API method (e.g. "chat.postMessage"); any call when left out. */
  readonly method?: string;
}

export interface SlackGaps {
  readonly url: string;
  /** Every Web API call that reached the proxy: method name and its form or JSON fields. */
  readonly requests: { method: string; params: Record<string, string> }[];
  /** Accepts a token (one the emulator issued through OAuth, say) with these scopes. */
  allowToken(token: string, scopes: readonly string[]): void;
  /** From now on this token answers `token_revoked`. */
  revokeToken(token: string): void;
  answerNext(answer: SlackInjectedAnswer): void;
  close(): Promise<void>;
}

export async function startSlackGaps(options: {
  upstream: string;
  /** Tokens the emulator was seeded with, and their scopes. */
  tokens?: Record<string, readonly string[]>;
}): Promise<SlackGaps> {
  const upstream = options.upstream.replace(/\/+$/, '');
  const scopes = new Map<string, readonly string[]>(Object.entries(options.tokens ?? {}));
  const revoked = new Set<string>();
  const requests: { method: string; params: Record<string, string> }[] = [];
  const injected: SlackInjectedAnswer[] = [];

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const target = new URL(req.url ?? '/', 'http://proxy');
    const body = await readBody(req);
    const apiMethod = target.pathname.startsWith('/api/') ? target.pathname.slice('/api/'.length) : target.pathname;
    requests.push({ method: apiMethod, params: parseParams(body, req.headers['content-type']) });

    const at = injected.findIndex((a) => !a.method || a.method === apiMethod);
    const [answer] = at >= 0 ? injected.splice(at, 1) : [];
    if (answer) return sendJson(res, answer.status, answer.body ?? { ok: false, error: 'fatal_error' }, answer.headers);

    // Slack takes only the `bearer` scheme.
    const token = authCredentials(req.headers.authorization, ['bearer']);
    if (token !== undefined && revoked.has(token)) return sendJson(res, 200, { ok: false, error: 'token_revoked' });
    const granted = token === undefined ? undefined : scopes.get(token);
    if (token !== undefined && !granted) return sendJson(res, 200, { ok: false, error: 'invalid_auth' });

    const forwarded = await relay(upstream + target.pathname + target.search, {
      method: req.method ?? 'POST',
      headers: forwardHeaders(req),
      body,
    });
    const scopesHeader: Record<string, string> = granted ? { 'x-oauth-scopes': granted.join(',') } : {};
    res.writeHead(forwarded.status, { ...scopesHeader, ...forwarded.headers });
    res.end(forwarded.body);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 502, { ok: false, error: `slack-gaps proxy failed: ${String(error)}` });
      else res.destroy();
    });
  });
  const listening = await listenLocal(server);
  return {
    url: listening.url,
    requests,
    allowToken: (token, granted) => void scopes.set(token, granted),
    revokeToken: (token) => void revoked.add(token),
    answerNext: (answer) => void injected.push(answer),
    close: listening.close,
  };
}

function parseParams(body: Buffer, contentType: string | undefined): Record<string, string> {
  const text = body.toString('utf8');
  if (contentType?.includes('application/json')) {
    const parsed: unknown = JSON.parse(text || '{}');
    return Object.fromEntries(Object.entries(parsed as Record<string, unknown>).map(([k, v]) => [k, String(v)]));
  }
  return Object.fromEntries(new URLSearchParams(text));
}
