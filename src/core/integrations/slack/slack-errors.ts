import { WebAPIHTTPError, WebAPIPlatformError, WebAPIRateLimitedError, WebAPIRequestError } from '@slack/web-api';
import { kindForStatus, parseRetryAfter, ServiceError, type ServiceErrorKind } from '../kit/service-error';

const SERVICE = 'Slack';

/** Slack's error codes (https://docs.slack.dev/reference/methods) grouped by what a person can do. */
const KIND_BY_CODE: Record<string, ServiceErrorKind> = {
  not_authed: 'unauthorized',
  invalid_auth: 'unauthorized',
  token_revoked: 'unauthorized',
  token_expired: 'unauthorized',
  account_inactive: 'unauthorized',
  missing_scope: 'forbidden',
  not_in_channel: 'forbidden',
  restricted_action: 'forbidden',
  no_permission: 'forbidden',
  access_denied: 'forbidden',
  ekm_access_denied: 'forbidden',
  is_archived: 'forbidden',
  channel_not_found: 'not_found',
  user_not_found: 'not_found',
  users_not_found: 'not_found',
  thread_not_found: 'not_found',
  message_not_found: 'not_found',
  ratelimited: 'rate_limited',
  rate_limited: 'rate_limited',
  fatal_error: 'unavailable',
  internal_error: 'unavailable',
  service_unavailable: 'unavailable',
  request_timeout: 'unavailable',
};

/** Codes that mean the grant itself is gone; `token_expired` is not one (a rotating token refreshes). */
const REVOKED = new Set(['not_authed', 'invalid_auth', 'token_revoked', 'account_inactive']);

/** Turns a `@slack/web-api` failure into a `ServiceError`; anything else is returned as is. */
export function toSlackError(error: unknown): unknown {
  if (error instanceof WebAPIPlatformError) {
    const code = error.data.error;
    const kind = KIND_BY_CODE[code] ?? 'invalid_request';
    const needed = (error.data as { needed?: unknown }).needed;
    const detail =
      code === 'missing_scope' && typeof needed === 'string' ? `missing_scope (the token needs the ${needed} scope)` : code;
    const retryAfter = error.data.response_metadata?.retryAfter;
    return new ServiceError(SERVICE, kind, detail, {
      ...(REVOKED.has(code) ? { revoked: true } : {}),
      ...(kind === 'rate_limited' && retryAfter !== undefined ? { retryAfterSeconds: retryAfter } : {}),
    });
  }
  if (error instanceof WebAPIRateLimitedError) {
    return new ServiceError(SERVICE, 'rate_limited', '', { status: 429, retryAfterSeconds: error.retryAfter });
  }
  if (error instanceof WebAPIHTTPError) {
    const kind = kindForStatus(error.statusCode) ?? 'unavailable';
    const retryAfter = parseRetryAfter(error.headers['retry-after']);
    return new ServiceError(SERVICE, kind, `HTTP ${error.statusCode} ${error.statusMessage}`.trim(), {
      status: error.statusCode,
      ...(kind === 'rate_limited' && retryAfter !== undefined ? { retryAfterSeconds: retryAfter } : {}),
    });
  }
  if (error instanceof WebAPIRequestError) {
    return new ServiceError(SERVICE, 'unavailable', `it could not be reached (${error.original.message})`);
  }
  return error;
}

/** Runs one Slack call, turning its failures into `ServiceError`s. */
export async function slackCall<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toSlackError(error);
  }
}
