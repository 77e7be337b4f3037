import { APIConnectionError, APIConnectionTimeoutError, APIError } from 'openai';

/**
 * What went wrong with one HTTP attempt, in the terms the retry loop and the messages need. Retried:
 * 429, 5xx, dropped connections, timeouts, and streams that broke off or arrived garbled.
 */
export type FailureKind =
  | 'rate-limited'
  | 'server-error'
  | 'connection'
  | 'timeout'
  | 'incomplete'
  | 'malformed'
  | 'bad-key'
  | 'forbidden'
  | 'not-found'
  | 'bad-request'
  | 'rejected'
  | 'cancelled';

export interface AttemptFailure {
  readonly kind: FailureKind;
  readonly retryable: boolean;
  readonly status: number | null;
  /** How long the provider asked us to wait (Retry-After), when it said. */
  readonly retryAfterMs: number | null;
  /** What the provider answered, short and with the API key scrubbed out. */
  readonly detail: string;
}

/** Thrown by an attempt whose stream ended without a finish reason (the provider stopped mid-way). */
export class IncompleteStreamError extends Error {
  constructor() {
    super('the reply stream ended before the model finished');
    this.name = 'IncompleteStreamError';
  }
}

const MAX_DETAIL_CHARS = 300;

export function classifyFailure(
  error: unknown,
  context: { readonly now: number; readonly apiKey: string | null },
): AttemptFailure {
  const failure = (
    kind: FailureKind,
    retryable: boolean,
    detail: string,
    status: number | null = null,
    retryAfterMs: number | null = null,
  ) => ({
    kind,
    retryable,
    status,
    retryAfterMs,
    detail: scrub(detail, context.apiKey),
  });
  if (error instanceof APIConnectionTimeoutError) return failure('timeout', true, 'no answer before the timeout');
  if (error instanceof APIConnectionError) return failure('connection', true, connectionDetail(error));
  if (error instanceof APIError && typeof error.status === 'number') {
    const status = error.status;
    const said = providerMessage(error);
    const wait = retryAfterMs(error.headers, context.now);
    if (status === 429) return failure('rate-limited', true, said, status, wait);
    if (status >= 500) return failure('server-error', true, said, status, wait);
    if (status === 401) return failure('bad-key', false, said, status);
    if (status === 403) return failure('forbidden', false, said, status);
    if (status === 404) return failure('not-found', false, said, status);
    if (status === 400 || status === 422) return failure('bad-request', false, said, status);
    return failure('rejected', false, said, status);
  }
  // An error event inside an SSE stream (status undefined): the provider gave up mid-reply.
  if (error instanceof APIError) return failure('server-error', true, providerMessage(error));
  if (error instanceof IncompleteStreamError) return failure('incomplete', true, error.message);
  if (error instanceof SyntaxError) return failure('malformed', true, 'the answer was not valid JSON');
  // fetch reports a dropped connection while reading the body as a TypeError ("terminated").
  if (error instanceof TypeError) return failure('connection', true, connectionDetail(error));
  return failure('rejected', false, error instanceof Error ? error.message : String(error));
}

/** `Retry-After` as seconds or an HTTP-date; OpenAI also sends `retry-after-ms`. */
export function retryAfterMs(headers: Headers | undefined, now: number): number | null {
  const ms = headers?.get('retry-after-ms');
  if (ms && /^\d+(\.\d+)?$/.test(ms.trim())) return Math.round(Number(ms));
  const value = headers?.get('retry-after')?.trim();
  if (!value) return null;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/** The first thing in the cause chain that names a system error (ECONNREFUSED, ENOTFOUND…). */
export function systemErrorCode(error: unknown): string | null {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    if ('code' in current && typeof current.code === 'string' && /^E[A-Z_]+$/.test(current.code)) return current.code;
    current = 'cause' in current ? current.cause : null;
  }
  return null;
}

const SYSTEM_ERRORS: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host name lookup failed',
  ECONNRESET: 'connection reset',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ETIMEDOUT: 'connection timed out',
};

export function connectionDetail(error: unknown): string {
  const code = systemErrorCode(error);
  if (code) return SYSTEM_ERRORS[code] ?? code;
  return 'the connection dropped';
}

function providerMessage(error: APIError): string {
  const body = error.error;
  const message = typeof body === 'object' && body !== null && 'message' in body ? body.message : null;
  const text = typeof message === 'string' && message.trim() !== '' ? message.trim() : error.message;
  return text.length > MAX_DETAIL_CHARS ? `${text.slice(0, MAX_DETAIL_CHARS)}…` : text;
}

/** Providers sometimes echo (part of) the key in error text; the whole key never leaves here. */
export function scrub(text: string, apiKey: string | null): string {
  return apiKey && apiKey.length >= 4 ? text.split(apiKey).join('[redacted]') : text;
}
