import { OAuth2Client, type Credentials, type OAuth2ClientOptions } from 'google-auth-library';
import { callGoogle, toServiceError } from './google-errors';

/** Where Google serves the userinfo endpoint when no base URL overrides it. */
export const GOOGLE_API_BASE_URL = 'https://www.googleapis.com';

export interface GoogleClientOptions {
  readonly clientId: string;
  /** Google issues a secret even to desktop clients and its token endpoint expects it. */
  readonly clientSecret?: string;
  /**
   * One origin serving every OAuth endpoint (an emulator or a test server). Without it the library's
   * own Google endpoints are used.
   */
  readonly baseUrl?: string;
  readonly redirectUri?: string;
}

export interface GoogleTokens {
  readonly refreshToken: string;
  readonly accessToken?: string;
  /** Epoch milliseconds at which the access token expires. */
  readonly expiryDate?: number;
}

/** What Google handed out on a refresh or code exchange; the caller stores it in the vault. */
export interface IssuedGoogleTokens {
  readonly accessToken: string;
  readonly expiryDate?: number;
  /** Present only when Google rotated the refresh token (or on the first code exchange). */
  readonly refreshToken?: string;
  readonly scopes?: readonly string[];
}

export interface GoogleAuthOptions extends GoogleClientOptions {
  readonly tokens: GoogleTokens;
  /** Called with every new access token, so the vault can keep it and skip a refresh next launch. */
  readonly onTokens?: (tokens: IssuedGoogleTokens) => void;
}

/** The OAuth endpoints of a Google-compatible server at `baseUrl`, with Google's own paths. */
export function googleOAuthEndpoints(baseUrl: string): NonNullable<OAuth2ClientOptions['endpoints']> {
  const base = baseUrl.replace(/\/+$/, '');
  return {
    oauth2AuthBaseUrl: `${base}/o/oauth2/v2/auth`,
    oauth2TokenUrl: `${base}/oauth2/token`,
    oauth2RevokeUrl: `${base}/oauth2/revoke`,
    tokenInfoUrl: `${base}/oauth2/v1/tokeninfo`,
  };
}

/** An OAuth client without tokens yet: for the sign-in's code exchange. */
export function googleOAuthClient(options: GoogleClientOptions): OAuth2Client {
  return new OAuth2Client({
    clientId: options.clientId,
    ...(options.clientSecret ? { clientSecret: options.clientSecret } : {}),
    ...(options.redirectUri ? { redirectUri: options.redirectUri } : {}),
    ...(options.baseUrl ? { endpoints: googleOAuthEndpoints(options.baseUrl) } : {}),
    // Google can reject an access token before its expiry date (a password change, clock skew); with
    // this the library refreshes once on a 401 instead of only when its clock says so.
    forceRefreshOnFailure: true,
  });
}

/**
 * The client every Google tool runs with. google-auth-library refreshes the access token by itself
 * when it is missing, expiring or refused, using the refresh token; `onTokens` hears every new one.
 * A revoked refresh token surfaces as an `invalid_grant` failure, which google-errors maps to
 * `unauthorized` with `revoked: true`.
 */
export function createGoogleAuth(options: GoogleAuthOptions): OAuth2Client {
  const auth = googleOAuthClient(options);
  auth.setCredentials({
    refresh_token: options.tokens.refreshToken,
    ...(options.tokens.accessToken ? { access_token: options.tokens.accessToken } : {}),
    ...(options.tokens.expiryDate !== undefined ? { expiry_date: options.tokens.expiryDate } : {}),
  });
  const { onTokens } = options;
  if (onTokens) auth.on('tokens', (credentials: Credentials) => reportTokens(credentials, onTokens));
  return auth;
}

function reportTokens(credentials: Credentials, onTokens: (tokens: IssuedGoogleTokens) => void): void {
  if (!credentials.access_token) return;
  onTokens({
    accessToken: credentials.access_token,
    ...(credentials.expiry_date ? { expiryDate: credentials.expiry_date } : {}),
    ...(credentials.refresh_token ? { refreshToken: credentials.refresh_token } : {}),
    ...(credentials.scope ? { scopes: credentials.scope.split(/\s+/).filter(Boolean) } : {}),
  });
}

/**
 * Revokes the grant (for "disconnect"): revoking the refresh token revokes every access token issued
 * from it. The token goes in the form body, as Google documents, never in the URL where proxies log
 * it. A token Google already considers invalid counts as revoked.
 */
export async function revokeGoogleGrant(auth: OAuth2Client): Promise<void> {
  const token = auth.credentials.refresh_token ?? auth.credentials.access_token;
  auth.setCredentials({});
  if (!token) return;
  try {
    await auth.transporter.request({
      url: auth.endpoints.oauth2RevokeUrl.toString(),
      method: 'POST',
      data: new URLSearchParams({ token }),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
  } catch (error) {
    if (isInvalidToken(error)) return;
    throw toServiceError(error, 'Google');
  }
}

/** The signed-in account's email address, from the OAuth userinfo endpoint (`email` scope). */
export async function googleAccount(auth: OAuth2Client, apiBaseUrl: string = GOOGLE_API_BASE_URL): Promise<string> {
  const url = `${apiBaseUrl.replace(/\/+$/, '')}/oauth2/v2/userinfo`;
  const { data } = await callGoogle('Google', () => auth.request<{ email?: unknown }>({ url }));
  if (typeof data.email !== 'string' || !data.email) {
    throw new Error('Google did not say which account signed in; the "email" scope may be missing.');
  }
  return data.email;
}

/** Google's answer for a token that is already expired or revoked: 400 `invalid_token`. */
function isInvalidToken(error: unknown): boolean {
  const response = (error as { response?: { status?: unknown; data?: unknown } } | null)?.response;
  const data = response?.data as { error?: unknown } | null | undefined;
  return response?.status === 400 && data?.error === 'invalid_token';
}
