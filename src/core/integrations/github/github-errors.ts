import { kindForStatus, parseRetryAfter, ServiceError } from '../kit/service-error';

const SERVICE = 'GitHub';
const MAX_DETAIL = 300;

/** What Octokit's `RequestError` carries; read structurally so no transitive package is imported. */
interface OctokitFailure extends Error {
  readonly status: number;
  readonly message: string;
  readonly response?: { readonly headers: Record<string, string | number | undefined>; readonly data?: unknown };
}

function isOctokitFailure(error: unknown): error is OctokitFailure {
  return error instanceof Error && typeof (error as { status?: unknown }).status === 'number';
}

/**
 * Turns an Octokit failure into a `ServiceError`; anything else (an abort, a bug) is returned as
 * is. `secret` (the token) is scrubbed from whatever GitHub said, in case a proxy echoes it.
 */
export function toGithubError(error: unknown, secret?: string, now = Date.now()): unknown {
  if (error instanceof ServiceError || !isOctokitFailure(error) || error.name === 'AbortError') return error;
  const headers = error.response?.headers ?? {};
  const header = (name: string): string | undefined => {
    const value = headers[name];
    return value === undefined ? undefined : String(value);
  };
  const status = error.status;
  const detail = scrub(said(error), secret);

  if (!error.response) {
    // Octokit reports a request that never got an answer (refused, reset, DNS) as a 500 without a response.
    return new ServiceError(SERVICE, 'unavailable', `it could not be reached (${detail})`);
  }
  if (status === 401) return new ServiceError(SERVICE, 'unauthorized', detail, { status, revoked: true });
  const retryAfter = parseRetryAfter(header('retry-after'), now);
  const exhausted = header('x-ratelimit-remaining') === '0';
  if (status === 429 || (status === 403 && (exhausted || retryAfter !== undefined))) {
    const reset = Number(header('x-ratelimit-reset'));
    const untilReset = exhausted && Number.isFinite(reset) ? Math.max(0, Math.ceil(reset - now / 1000)) : undefined;
    const wait = retryAfter ?? untilReset;
    return new ServiceError(SERVICE, 'rate_limited', detail, {
      status,
      ...(wait === undefined ? {} : { retryAfterSeconds: wait }),
    });
  }
  if (status === 403) {
    const accepted = header('x-accepted-oauth-scopes');
    const needs = accepted ? ` (it needs one of these token scopes: ${accepted})` : '';
    return new ServiceError(SERVICE, 'forbidden', `${detail}${needs}`, { status });
  }
  return new ServiceError(SERVICE, kindForStatus(status) ?? 'unavailable', detail, { status });
}

/** GitHub's own message and field errors, without the documentation link Octokit appends. */
function said(error: OctokitFailure): string {
  const data = error.response?.data;
  if (typeof data === 'object' && data !== null && typeof (data as { message?: unknown }).message === 'string') {
    const { message, errors } = data as { message: string; errors?: unknown };
    const fields = Array.isArray(errors) ? errors.map(fieldError).filter(Boolean) : [];
    return fields.length > 0 ? `${message}: ${fields.join('; ')}` : message;
  }
  return error.message.replace(/ - https?:\/\/\S+$/, '');
}

function fieldError(entry: unknown): string {
  if (typeof entry === 'string') return entry;
  if (typeof entry !== 'object' || entry === null) return '';
  const { message, field, code } = entry as { message?: unknown; field?: unknown; code?: unknown };
  if (typeof message === 'string') return message;
  return [field, code].filter((part) => typeof part === 'string').join(' ');
}

function scrub(text: string, secret: string | undefined): string {
  // Real tokens are long; scrubbing a short test string would mangle ordinary words.
  const clean = secret && secret.length >= 8 ? text.split(secret).join('[redacted]') : text;
  return clean.length > MAX_DETAIL ? `${clean.slice(0, MAX_DETAIL - 1)}…` : clean;
}

/** Runs one GitHub call, turning its failures into `ServiceError`s. */
export async function githubCall<T>(token: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toGithubError(error, token);
  }
}
