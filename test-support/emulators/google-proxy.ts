import { createServer, type IncomingMessage } from 'node:http';
import { authCredentials, forwardHeaders, listenLocal, readBody, relay } from '../http-kit';
import { gmailProfile } from './google-gmail-gaps';
import { CalendarGaps, googleError, type ProxiedRequest, type ProxiedResponse } from './google-calendar-gaps';

/**
 * A small HTTP proxy in front of the Google emulator, for tests that need more than the emulator
 * gives:
 * - it records every request (method, path, bearer token) so a test can prove a call made none;
 * - it fills the emulator's calendar gaps (see google-calendar-gaps.ts) and Gmail's missing
 *   `users.getProfile` (see google-gmail-gaps.ts);
 * - with `strictTokens`, it refuses API calls whose bearer token Google would not accept, with
 *   Google's 401. The emulator itself accepts any token as its first user, so without this no
 *   expired or revoked access token could ever be refused. Valid tokens are the seeded ones plus
 *   every access token the emulator's token endpoint hands out through this proxy; revoking a token
 *   (or the refresh token it came from) makes it invalid, as at Google;
 * - `failNext` makes the next matching request fail as Google does (429 with Retry-After, 503…).
 */
export interface GoogleProxy {
  readonly url: string;
  readonly requests: RecordedRequest[];
  failNext(fault: Fault): void;
  close(): Promise<void>;
}

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  /** The bearer token sent, or null. */
  readonly token: string | null;
}

export interface Fault {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly message?: string;
  readonly reason?: string;
  /** A JSON body to answer instead of Google's API error shape (e.g. an OAuth error). */
  readonly body?: unknown;
  /** Which requests it applies to; any when not given. */
  readonly path?: RegExp;
}

const API_PATH = /^\/(gmail|calendar|upload|oauth2\/v2\/userinfo)\b/;

export async function startGoogleProxy(
  emulatorUrl: string,
  options: { strictTokens?: readonly string[]; account?: string } = {},
): Promise<GoogleProxy> {
  const requests: RecordedRequest[] = [];
  const faults: Fault[] = [];
  const strict = options.strictTokens !== undefined;
  const valid = new Set<string>(options.strictTokens);
  /** refresh token → access tokens issued with it */
  const grants = new Map<string, Set<string>>();

  const forward = (request: ProxiedRequest): Promise<ProxiedResponse> => relay(`${emulatorUrl}${request.path}`, request);
  const gaps = new CalendarGaps(forward);

  const handle = async (request: ProxiedRequest): Promise<ProxiedResponse> => {
    const token = authCredentials(request.headers.authorization, ['bearer']) ?? null;
    requests.push({ method: request.method, path: request.path, token });
    const faultIndex = faults.findIndex((f) => !f.path || f.path.test(request.path));
    if (faultIndex >= 0) {
      const [fault] = faults.splice(faultIndex, 1);
      if (fault?.body !== undefined) {
        return {
          status: fault.status,
          headers: { 'content-type': 'application/json', ...fault.headers },
          body: Buffer.from(JSON.stringify(fault.body)),
        };
      }
      if (fault)
        return googleError(fault.status, fault.message ?? 'Injected failure.', fault.reason ?? 'backendError', fault.headers);
    }
    if (strict && API_PATH.test(request.path) && (token === null || !valid.has(token))) {
      return googleError(401, 'Request had invalid authentication credentials.', 'authError', {
        'www-authenticate': 'Bearer realm="https://accounts.google.com/", error="invalid_token"',
      });
    }
    if (request.path === '/oauth2/revoke') forget(new URLSearchParams(request.body.toString('utf8')).get('token'));
    const response =
      (await gaps.handle(request)) ??
      (await gmailProfile(request, forward, options.account ?? 'alice@example.com')) ??
      (await forward(request));
    if (request.path === '/oauth2/token' && response.status === 200) learn(request, response);
    return response;
  };

  function learn(request: ProxiedRequest, response: ProxiedResponse): void {
    const issued = JSON.parse(response.body.toString('utf8')) as { access_token?: string; refresh_token?: string };
    const refresh = issued.refresh_token ?? new URLSearchParams(request.body.toString('utf8')).get('refresh_token');
    if (!issued.access_token) return;
    valid.add(issued.access_token);
    if (refresh) grants.set(refresh, (grants.get(refresh) ?? new Set()).add(issued.access_token));
  }

  function forget(token: string | null): void {
    if (!token) return;
    valid.delete(token);
    for (const access of grants.get(token) ?? []) valid.delete(access);
    grants.delete(token);
  }

  const server = createServer((req, res) => {
    void (async () => {
      try {
        const response = await handle(await readRequest(req));
        res.writeHead(response.status, response.headers);
        res.end(response.body);
      } catch (error) {
        res.writeHead(502, { 'content-type': 'text/plain' });
        res.end(`google proxy: ${error instanceof Error ? error.message : String(error)}`);
      }
    })();
  });
  const listening = await listenLocal(server);

  return {
    url: listening.url,
    requests,
    failNext: (fault) => faults.push(fault),
    close: listening.close,
  };
}

async function readRequest(req: IncomingMessage): Promise<ProxiedRequest> {
  return { method: req.method ?? 'GET', path: req.url ?? '/', headers: forwardHeaders(req), body: await readBody(req) };
}
