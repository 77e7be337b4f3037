import { kindForStatus, ServiceError } from '../kit/service-error';

/**
 * GitHub's OAuth device flow
 * (https://docs.github.com/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps#device-flow):
 * Izzie shows a short code, the person enters it at github.com/login/device, and Izzie polls until
 * GitHub hands over a token. No client secret and no redirect listener are needed.
 */

export type DeviceFlowFailure =
  | 'expired_token'
  | 'access_denied'
  | 'device_flow_disabled'
  | 'incorrect_client_credentials'
  | 'incorrect_device_code'
  | 'unsupported_grant_type'
  | 'unexpected_response';

const FAILURE_MESSAGES: Record<DeviceFlowFailure, string> = {
  expired_token: 'The GitHub code expired before it was entered. Start connecting GitHub again to get a new code.',
  access_denied: 'GitHub sign-in was cancelled: the authorization was declined on GitHub.',
  device_flow_disabled:
    'This GitHub OAuth app does not allow the device flow. Enable "Device Flow" in the app’s settings on GitHub, or connect with a token.',
  incorrect_client_credentials: 'GitHub does not know this OAuth client ID. Check the client ID of the GitHub OAuth app.',
  incorrect_device_code: 'GitHub did not recognise the device code. Start connecting GitHub again.',
  unsupported_grant_type: 'GitHub refused the device-flow request as malformed. Start connecting GitHub again.',
  unexpected_response: 'GitHub answered the sign-in in a way Izzie does not understand. Try again, or connect with a token.',
};

export class DeviceFlowError extends Error {
  override readonly name = 'DeviceFlowError';

  constructor(readonly code: DeviceFlowFailure) {
    super(FAILURE_MESSAGES[code]);
  }
}

export interface DeviceFlowOptions {
  readonly clientId: string;
  readonly scopes: readonly string[];
  /** The website root (not the API): github.com, or a GitHub Enterprise Server host. */
  readonly webBaseUrl?: string;
  /** Stops polling; `done` then rejects with the signal's reason. */
  readonly signal?: AbortSignal;
  readonly fetch?: typeof fetch;
  /** How to wait between polls; tests pass one that returns at once and records the delays. */
  readonly wait?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export interface DeviceFlow {
  /** What the person types at `verificationUri`, e.g. "WDJB-MJHT". */
  readonly userCode: string;
  readonly verificationUri: string;
  /** Epoch milliseconds after which the code no longer works. */
  readonly expiresAt: number;
  /** Settles when GitHub grants (the token and its scopes), refuses, the code expires, or the signal aborts. */
  readonly done: Promise<{ token: string; scopes: string[] }>;
}

/** GitHub asks for at least this long between polls and adds it again on every `slow_down`. */
const SLOW_DOWN_SECONDS = 5;

export async function startGithubDeviceFlow(options: DeviceFlowOptions): Promise<DeviceFlow> {
  const web = (options.webBaseUrl ?? 'https://github.com').replace(/\/+$/, '');
  const doFetch = options.fetch ?? fetch;
  const wait = options.wait ?? sleep;
  const { signal, clientId } = options;

  const code = await postForm(
    doFetch,
    `${web}/login/device/code`,
    { client_id: clientId, scope: options.scopes.join(' ') },
    signal,
  );
  if (isFailure(code.error)) throw new DeviceFlowError(code.error);
  const { device_code, user_code, verification_uri, expires_in, interval } = code;
  if (typeof device_code !== 'string' || typeof user_code !== 'string' || typeof verification_uri !== 'string') {
    throw new DeviceFlowError('unexpected_response');
  }
  const expiresAt = Date.now() + seconds(expires_in, 900) * 1000;

  const poll = async (): Promise<{ token: string; scopes: string[] }> => {
    let every = seconds(interval, SLOW_DOWN_SECONDS);
    for (;;) {
      await wait(every * 1000, signal);
      signal?.throwIfAborted();
      if (Date.now() >= expiresAt) throw new DeviceFlowError('expired_token');
      const answer = await postForm(
        doFetch,
        `${web}/login/oauth/access_token`,
        { client_id: clientId, device_code, grant_type: 'urn:ietf:params:oauth:grant-type:device_code' },
        signal,
      );
      if (typeof answer.access_token === 'string') {
        const granted = typeof answer.scope === 'string' ? answer.scope : '';
        return { token: answer.access_token, scopes: granted.split(/[,\s]+/).filter(Boolean) };
      }
      if (answer.error === 'authorization_pending') continue;
      if (answer.error === 'slow_down') {
        every = seconds(answer.interval, every + SLOW_DOWN_SECONDS);
        continue;
      }
      throw new DeviceFlowError(isFailure(answer.error) ? answer.error : 'unexpected_response');
    }
  };
  const done = poll();
  // A caller that gives up (aborts) need not await `done`; its rejection must not go unhandled.
  done.catch(() => undefined);
  return { userCode: user_code, verificationUri: verification_uri, expiresAt, done };
}

function isFailure(value: unknown): value is DeviceFlowFailure {
  return typeof value === 'string' && value in FAILURE_MESSAGES;
}

function seconds(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : fallback;
}

async function postForm(
  doFetch: typeof fetch,
  url: string,
  form: Record<string, string>,
  signal: AbortSignal | undefined,
): Promise<Record<string, unknown>> {
  let response: Response;
  try {
    response = await doFetch(url, {
      method: 'POST',
      headers: { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded', 'user-agent': 'Izzie' },
      body: new URLSearchParams(form).toString(),
      ...(signal ? { signal } : {}),
    });
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    throw new ServiceError(
      'GitHub',
      'unavailable',
      `it could not be reached (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  const data: unknown = await response.json().catch(() => undefined);
  const body = typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : undefined;
  // GitHub reports device-flow outcomes as JSON `error` codes, usually with status 200.
  if (body && (body.error === 'authorization_pending' || body.error === 'slow_down' || isFailure(body.error))) return body;
  if (!response.ok) {
    const detail = typeof body?.error_description === 'string' ? body.error_description : `HTTP ${response.status}`;
    throw new ServiceError('GitHub', kindForStatus(response.status) ?? 'unavailable', detail, { status: response.status });
  }
  if (!body) throw new DeviceFlowError('unexpected_response');
  return body;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
