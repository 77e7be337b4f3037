import { LinearError, LinearErrorType, RatelimitedLinearError } from '@linear/sdk';
import { kindForStatus, ServiceError } from '../kit/service-error';

const SERVICE = 'Linear';
const MAX_DETAIL = 300;

/**
 * Turns a `LinearError` (the SDK parses every failed request into one of its subclasses, picked by
 * the GraphQL error's `extensions.type`) into a `ServiceError`; anything else is returned as is.
 * `secret` (the API key) is scrubbed from whatever Linear said, in case a proxy echoes it.
 */
export function toLinearError(error: unknown, secret?: string, now = Date.now()): unknown {
  if (!(error instanceof LinearError)) return error;
  const detail = scrub(said(error), secret);
  const options = error.status === undefined ? {} : { status: error.status };
  switch (error.type) {
    case LinearErrorType.AuthenticationError:
      return new ServiceError(SERVICE, 'unauthorized', detail, { ...options, revoked: true });
    case LinearErrorType.Forbidden:
    case LinearErrorType.FeatureNotAccessible:
      return new ServiceError(SERVICE, 'forbidden', detail, options);
    case LinearErrorType.Ratelimited: {
      const wait = error instanceof RatelimitedLinearError ? waitSeconds(error, now) : undefined;
      return new ServiceError(SERVICE, 'rate_limited', detail, {
        ...options,
        ...(wait === undefined ? {} : { retryAfterSeconds: wait }),
      });
    }
    case LinearErrorType.InvalidInput:
    case LinearErrorType.UserError:
    case LinearErrorType.GraphqlError:
      return new ServiceError(SERVICE, isNotFound(error) ? 'not_found' : 'invalid_request', detail, options);
    case LinearErrorType.UsageLimitExceeded:
      return new ServiceError(SERVICE, 'invalid_request', detail, options);
    case LinearErrorType.NetworkError:
    case LinearErrorType.InternalError:
    case LinearErrorType.LockTimeout:
    case LinearErrorType.BootstrapError:
      return new ServiceError(SERVICE, 'unavailable', detail, options);
    default:
      // Unknown and Other: with no HTTP status the request never got an answer (refused, reset, DNS).
      if (error.status === undefined) return new ServiceError(SERVICE, 'unavailable', `it could not be reached (${detail})`);
      return new ServiceError(SERVICE, kindForStatus(error.status) ?? 'unavailable', detail, options);
  }
}

/**
 * Linear has no 404: a missing entity is an "invalid input" error saying "Entity not found: Issue"
 * (its presentable form "Could not find referenced Issue.").
 */
function isNotFound(error: LinearError): boolean {
  const texts = [error.message, ...(error.errors ?? []).map((e) => e.message)];
  return texts.some((text) => /\bnot found\b|could not find/i.test(text));
}

/** `Retry-After` when sent, else the reset time (UTC epoch milliseconds) of the budget that ran out. */
function waitSeconds(error: RatelimitedLinearError, now: number): number | undefined {
  if (error.retryAfter !== undefined) return Math.max(0, Math.ceil(error.retryAfter));
  const resetAt =
    error.requestsRemaining === 0 ? error.requestsResetAt : error.complexityRemaining === 0 ? error.complexityResetAt : undefined;
  return resetAt === undefined ? undefined : Math.max(0, Math.ceil((resetAt - now) / 1000));
}

/** The first GraphQL error's message (the SDK prefers Linear's user-presentable one), else the error's own. */
function said(error: LinearError): string {
  return error.errors?.[0]?.message ?? error.message;
}

function scrub(text: string, secret: string | undefined): string {
  const clean = secret ? text.split(secret).join('[redacted]') : text;
  return clean.length > MAX_DETAIL ? `${clean.slice(0, MAX_DETAIL - 1)}…` : clean;
}
