import { kindForStatus, parseRetryAfter, ServiceError } from '../kit/service-error';

const SERVICE = 'Twilio';
const MAX_DETAIL = 300;

/** Twilio's error body: `{ code, message, more_info, status }`. */
interface TwilioErrorBody {
  readonly code?: unknown;
  readonly message?: unknown;
  readonly more_info?: unknown;
}

/**
 * Turns a failed Twilio response into a `ServiceError`. Twilio's own message and error code are
 * kept (the code's page explains the fix); `secret` (the auth token) is scrubbed from them.
 */
export function toTwilioError(
  status: number,
  body: unknown,
  retryAfter: string | null,
  secret?: string,
  now = Date.now(),
): ServiceError {
  const { code, message, more_info: moreInfo } = (typeof body === 'object' && body !== null ? body : {}) as TwilioErrorBody;
  const reference = [typeof code === 'number' ? `error ${code}` : '', typeof moreInfo === 'string' ? moreInfo : '']
    .filter(Boolean)
    .join(', ');
  const said = typeof message === 'string' && message ? message : `HTTP ${status}`;
  const detail = scrub(reference ? `${said} (${reference})` : said, secret);

  // 20003 is Twilio's "Authenticate": a wrong or revoked SID/token pair.
  if (status === 401 || code === 20003) return new ServiceError(SERVICE, 'unauthorized', detail, { status, revoked: true });
  if (status === 429) {
    const wait = parseRetryAfter(retryAfter, now);
    return new ServiceError(SERVICE, 'rate_limited', detail, {
      status,
      ...(wait === undefined ? {} : { retryAfterSeconds: wait }),
    });
  }
  return new ServiceError(SERVICE, kindForStatus(status) ?? 'unavailable', detail, { status });
}

function scrub(text: string, secret: string | undefined): string {
  const clean = secret ? text.split(secret).join('[redacted]') : text;
  return clean.length > MAX_DETAIL ? `${clean.slice(0, MAX_DETAIL - 1)}…` : clean;
}
