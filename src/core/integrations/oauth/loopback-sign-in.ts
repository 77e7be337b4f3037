import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CALLBACK_HEADERS, callbackPage } from './callback-page';
import { createPkcePair } from './pkce';

export interface LoopbackSignInOptions {
  /** The provider's authorization endpoint. */
  readonly authorizeUrl: string;
  readonly clientId: string;
  readonly scopes: readonly string[];
  /** Provider-specific parameters (e.g. Google's `access_type`); they cannot override the protocol ones. */
  readonly extraParams?: Readonly<Record<string, string>>;
  readonly signal?: AbortSignal;
  /** How long to wait for the browser; 5 minutes when not given. */
  readonly timeoutMs?: number;
  /**
   * The loopback port. 0 (the default) lets the OS pick one, as RFC 8252 §7.3 intends and Google
   * accepts for desktop clients; a fixed port is for authorization servers that match the
   * registered redirect URI exactly, port included.
   */
  readonly port?: number;
}

export interface LoopbackSignIn {
  /** Open this in the system browser. */
  readonly url: string;
  /** `http://127.0.0.1:<port>/callback`; the code exchange must send the same value. */
  readonly redirectUri: string;
  /** The PKCE verifier the code exchange must send. */
  readonly codeVerifier: string;
  /** Settles once: with the code, or with a {@link SignInError}. The listener is closed either way. */
  readonly result: Promise<{ readonly code: string }>;
}

export type SignInErrorKind = 'declined' | 'state_mismatch' | 'provider_error' | 'timeout' | 'cancelled';

/** Why a browser sign-in ended without a code; the message is meant for the person. */
export class SignInError extends Error {
  override readonly name = 'SignInError';

  constructor(
    readonly kind: SignInErrorKind,
    message: string,
  ) {
    super(message);
  }
}

const CALLBACK_PATH = '/callback';
const DEFAULT_TIMEOUT_MS = 5 * 60_000;

/**
 * OAuth 2.0 for native apps (RFC 8252): listens on 127.0.0.1, builds the authorization URL with
 * PKCE S256 and a random `state`, and waits for the one redirect that carries the code.
 *
 * The listener answers exactly one request to `/callback` and then closes, whatever that request
 * said. A wrong or missing `state` ends the attempt too, rather than waiting on: a response Izzie
 * did not ask for means something else is talking to the port, and starting again is cheap for the
 * person while a listener that stays open keeps offering itself to whoever found it. Other paths
 * (the browser's favicon request) get a 404 and leave the sign-in waiting.
 */
export async function startLoopbackSignIn(options: LoopbackSignInOptions): Promise<LoopbackSignIn> {
  options.signal?.throwIfAborted();
  const pkce = createPkcePair();
  const state = randomBytes(32).toString('base64url');

  let settle: (outcome: { code: string } | SignInError) => void = () => undefined;
  const result = new Promise<{ code: string }>((resolve, reject) => {
    settle = (outcome) => (outcome instanceof SignInError ? reject(outcome) : resolve(outcome));
  });

  let finished = false;
  const server = createServer((request, response) => {
    if (finished) {
      answer(response, 410, { ok: false, heading: 'Sign-in already finished', message: 'You can close this tab.' });
      return;
    }
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (request.method !== 'GET' || url.pathname !== CALLBACK_PATH) {
      answer(response, 404, { ok: false, heading: 'Not found', message: 'Izzie is waiting for a sign-in here.' });
      return;
    }
    const outcome = readCallback(url.searchParams, state);
    answer(response, outcome instanceof SignInError ? 400 : 200, pageFor(outcome));
    finish(outcome);
  });

  await listen(server, options.port ?? 0);
  const { port } = server.address() as AddressInfo;
  const redirectUri = `http://127.0.0.1:${port}${CALLBACK_PATH}`;

  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const timer = setTimeout(() => {
    const minutes = Math.max(1, Math.round(timeoutMs / 60_000));
    finish(
      new SignInError(
        'timeout',
        `Sign-in timed out: the browser did not come back within ${minutes} minute${minutes === 1 ? '' : 's'}. Start it again.`,
      ),
    );
  }, timeoutMs);
  const onAbort = () => finish(new SignInError('cancelled', 'Sign-in was cancelled.'));
  options.signal?.addEventListener('abort', onAbort, { once: true });

  function finish(outcome: { code: string } | SignInError): void {
    if (finished) return;
    finished = true;
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
    server.close();
    server.closeIdleConnections();
    settle(outcome);
  }

  const url = new URL(options.authorizeUrl);
  const params: Record<string, string> = {
    ...options.extraParams,
    client_id: options.clientId,
    redirect_uri: redirectUri,
    response_type: 'code',
    scope: options.scopes.join(' '),
    state,
    code_challenge: pkce.challenge,
    code_challenge_method: pkce.method,
  };
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);

  return { url: url.toString(), redirectUri, codeVerifier: pkce.verifier, result };
}

function readCallback(params: URLSearchParams, expectedState: string): { code: string } | SignInError {
  if (!sameSecret(params.get('state'), expectedState)) {
    return new SignInError(
      'state_mismatch',
      'The sign-in response did not match the sign-in Izzie started (wrong or missing state), so Izzie refused it. Start the sign-in again.',
    );
  }
  const error = params.get('error');
  if (error === 'access_denied') {
    return new SignInError('declined', 'You declined to give Izzie access on the sign-in page.');
  }
  if (error) {
    const said = printable(params.get('error_description') ?? '') || printable(error);
    return new SignInError('provider_error', `The sign-in page reported an error: ${said}.`);
  }
  const code = params.get('code');
  if (!code) {
    return new SignInError(
      'provider_error',
      'The sign-in page came back without an authorization code. Start the sign-in again.',
    );
  }
  return { code };
}

function pageFor(outcome: { code: string } | SignInError): Parameters<typeof callbackPage>[0] {
  if (!(outcome instanceof SignInError)) {
    return { ok: true, heading: 'Signed in', message: 'You can close this tab and return to Izzie.' };
  }
  switch (outcome.kind) {
    case 'declined':
      return {
        ok: false,
        heading: 'Sign-in cancelled',
        message: 'You declined to give Izzie access. You can close this tab; to connect later, start again from Izzie.',
      };
    case 'state_mismatch':
      return {
        ok: false,
        heading: 'Sign-in refused',
        message:
          'This response does not belong to the sign-in Izzie started, so Izzie ignored it. Close this tab and start again from Izzie.',
      };
    default:
      return { ok: false, heading: 'Sign-in failed', message: `${outcome.message} You can close this tab.` };
  }
}

function answer(response: ServerResponse, status: number, page: Parameters<typeof callbackPage>[0]): void {
  response.writeHead(status, CALLBACK_HEADERS);
  response.end(callbackPage(page));
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function sameSecret(given: string | null, expected: string): boolean {
  if (given === null) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Whatever reaches the port is untrusted: keep it short and free of control characters. */
function printable(text: string): string {
  return text
    .replace(/\p{Cc}+/gu, ' ')
    .trim()
    .slice(0, 200);
}
