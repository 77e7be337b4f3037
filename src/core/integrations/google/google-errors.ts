import { kindForStatus, parseRetryAfter, ServiceError } from '../kit/service-error';

/** How Google's services are named to the person. `Google` is the account itself (sign-in, tokens). */
export type GoogleService = 'Gmail' | 'Google Calendar' | 'Google';

/**
 * The parts of a GaxiosError this module reads. Matched by shape, not `instanceof`: googleapis-common
 * and google-auth-library each bundle their own gaxios copy.
 */
interface HttpFailure {
  readonly response: { readonly status: number; readonly headers?: unknown; readonly data?: unknown };
}

/** Google's reasons for a 403 that is really a rate limit (quota), not a missing permission. */
const RATE_LIMIT_REASONS = new Set(['rateLimitExceeded', 'userRateLimitExceeded', 'dailyLimitExceeded', 'quotaExceeded']);
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'UND_ERR_SOCKET',
]);
const MAX_DETAIL = 300;

/**
 * Turns a failure from the Google SDKs into a {@link ServiceError}, or returns it unchanged when it
 * is not a service failure (a bug, a cancellation). Details come only from the service's error body,
 * never from the request, so no token can leak into them.
 */
export function toServiceError(error: unknown, service: GoogleService): unknown {
  if (error instanceof ServiceError) return error;
  if (isHttpFailure(error)) {
    const { status, data, headers } = error.response;
    const oauth = oauthError(data);
    if (oauth) return fromOAuthError(oauth, status, service);
    const api = apiError(data);
    const retryAfterSeconds = parseRetryAfter(headerValue(headers, 'retry-after'));
    let kind = kindForStatus(status) ?? 'unavailable';
    if (status === 403 && api.reasons.some((r) => RATE_LIMIT_REASONS.has(r))) kind = 'rate_limited';
    return new ServiceError(service, kind, api.message, {
      status,
      ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}),
    });
  }
  if (isNetworkFailure(error)) {
    return new ServiceError(service, 'unavailable', '');
  }
  return error;
}

/** Runs one SDK call and rethrows its failure as a {@link ServiceError} where it is one. */
export async function callGoogle<T>(service: GoogleService, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toServiceError(error, service);
  }
}

/**
 * Failures of the token endpoint (RFC 6749 §5.2): `invalid_grant` means the refresh token was revoked
 * or expired, so the integration is disconnected until the person signs in again.
 */
function fromOAuthError(oauth: { error: string; description: string }, status: number, service: GoogleService): ServiceError {
  if (oauth.error === 'invalid_grant') {
    return new ServiceError(service, 'unauthorized', oauth.description || 'access was revoked or has expired', {
      status,
      revoked: true,
    });
  }
  if (oauth.error === 'invalid_client' || oauth.error === 'unauthorized_client') {
    return new ServiceError(service, 'unauthorized', `the OAuth client was refused (${oauth.description || oauth.error})`, {
      status,
    });
  }
  const kind = kindForStatus(status) ?? 'invalid_request';
  return new ServiceError(service, kind, oauth.description || oauth.error, { status });
}

function isHttpFailure(error: unknown): error is HttpFailure {
  if (typeof error !== 'object' || error === null || !('response' in error)) return false;
  const response = (error as { response: unknown }).response;
  return typeof response === 'object' && response !== null && typeof (response as { status?: unknown }).status === 'number';
}

function isNetworkFailure(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  const causeCode = (error as { cause?: { code?: unknown } }).cause?.code;
  return [code, causeCode].some((c) => typeof c === 'string' && NETWORK_CODES.has(c));
}

/** `{ error: "invalid_grant", error_description: "…" }` from the token or revoke endpoint. */
function oauthError(data: unknown): { error: string; description: string } | undefined {
  const body = asRecord(data);
  if (!body || typeof body.error !== 'string') return undefined;
  return { error: body.error, description: clip(typeof body.error_description === 'string' ? body.error_description : '') };
}

/** `{ error: { message, errors: [{ reason }] } }`, Google's JSON error body. */
function apiError(data: unknown): { message: string; reasons: string[] } {
  const error = asRecord(asRecord(data)?.error);
  if (!error) return { message: typeof data === 'string' ? clip(data) : '', reasons: [] };
  const errors = Array.isArray(error.errors) ? error.errors : [];
  const reasons = errors.map((e) => asRecord(e)?.reason).filter((r): r is string => typeof r === 'string');
  return { message: typeof error.message === 'string' ? clip(error.message) : '', reasons };
}

/** Reads a header from a fetch `Headers` (gaxios 7; not always this realm's class) or a plain object. */
function headerValue(headers: unknown, name: string): string | undefined {
  const record = asRecord(headers);
  const value = typeof record?.get === 'function' ? (record.get as (n: string) => unknown).call(headers, name) : record?.[name];
  return typeof value === 'string' ? value : undefined;
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
}

function clip(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_DETAIL ? `${flat.slice(0, MAX_DETAIL - 1)}…` : flat;
}
