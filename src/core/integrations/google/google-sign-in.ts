import { startLoopbackSignIn } from '../oauth/loopback-sign-in';
import { GOOGLE_API_BASE_URL, googleAccount, googleOAuthClient, type GoogleClientOptions } from './google-auth';
import { callGoogle } from './google-errors';
import { GOOGLE_SCOPES } from './google-scopes';

export interface GoogleSignInOptions extends Omit<GoogleClientOptions, 'redirectUri'> {
  /** Defaults to {@link GOOGLE_SCOPES}. */
  readonly scopes?: readonly string[];
  /** Opens the consent page in the system browser (the host's `openExternal`). */
  readonly openExternal: (url: string) => void | Promise<void>;
  readonly signal?: AbortSignal;
  readonly timeoutMs?: number;
  /** A fixed loopback port, for servers that match redirect URIs exactly; Google itself needs none. */
  readonly port?: number;
}

export interface GoogleGrant {
  readonly refreshToken: string;
  readonly accessToken: string;
  /** Epoch milliseconds; absent when Google did not say how long the token lives. */
  readonly expiryDate?: number;
  /** The scopes the person actually granted (they can untick some on Google's consent page). */
  readonly scopes: string[];
  /** The signed-in account's email address. */
  readonly account: string;
}

/**
 * Google sign-in for a desktop app: the consent page opens in the system browser, Google redirects
 * to a one-shot listener on 127.0.0.1, and the code is exchanged with its PKCE verifier.
 * `access_type=offline` with `prompt=consent` makes Google return a refresh token even when the
 * person granted access before. `done` settles once, with the grant or a readable error.
 */
export async function signInWithGoogle(options: GoogleSignInOptions): Promise<{ url: string; done: Promise<GoogleGrant> }> {
  const client = googleOAuthClient(options);
  const stop = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, stop.signal]) : stop.signal;
  const scopes = options.scopes ?? GOOGLE_SCOPES;
  const signIn = await startLoopbackSignIn({
    authorizeUrl: client.endpoints.oauth2AuthBaseUrl.toString(),
    clientId: options.clientId,
    scopes,
    extraParams: { access_type: 'offline', prompt: 'consent' },
    signal,
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.port !== undefined ? { port: options.port } : {}),
  });

  const done = signIn.result.then(async ({ code }): Promise<GoogleGrant> => {
    const { tokens } = await callGoogle('Google', () =>
      client.getToken({ code, codeVerifier: signIn.codeVerifier, redirect_uri: signIn.redirectUri }),
    );
    if (!tokens.access_token || !tokens.refresh_token) {
      throw new Error('Google signed you in but did not hand out a lasting grant (no refresh token). Try connecting again.');
    }
    client.setCredentials(tokens);
    const account = await googleAccount(client, options.baseUrl ?? GOOGLE_API_BASE_URL);
    return {
      refreshToken: tokens.refresh_token,
      accessToken: tokens.access_token,
      ...(tokens.expiry_date ? { expiryDate: tokens.expiry_date } : {}),
      scopes: tokens.scope ? tokens.scope.split(/\s+/).filter(Boolean) : [...scopes],
      account,
    };
  });

  try {
    await options.openExternal(signIn.url);
  } catch (error) {
    stop.abort();
    // The sign-in is over; its rejection ("cancelled") would otherwise go unhandled.
    done.catch(() => undefined);
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Could not open the browser for Google sign-in: ${reason}`, { cause: error });
  }
  return { url: signIn.url, done };
}
