/**
 * A failure from a service's API, reduced to what a person (and the model) can act on. Each
 * server's SDK adapter turns its SDK's errors into one of these; the built-in server turns it into
 * a readable tool error.
 */
export type ServiceErrorKind =
  /** The credentials are missing, expired beyond refresh, or revoked (401, invalid_grant). */
  | 'unauthorized'
  /** The credentials work but lack a scope or permission (403). */
  | 'forbidden'
  | 'not_found'
  /** Too many requests (429, or a 403 that says rate limit). `retryAfterSeconds` when known. */
  | 'rate_limited'
  /** The service failed (5xx) or could not be reached. */
  | 'unavailable'
  /** The service refused the request as malformed (400, 422). */
  | 'invalid_request';

export class ServiceError extends Error {
  override readonly name = 'ServiceError';

  constructor(
    /** Display name of the service: "Gmail", "GitHub", "Slack". */
    readonly service: string,
    readonly kind: ServiceErrorKind,
    /** What the service said, already safe to show (never a token). */
    readonly detail: string,
    readonly options: { readonly status?: number; readonly retryAfterSeconds?: number; readonly revoked?: boolean } = {},
  ) {
    super(describe(service, kind, detail, options.retryAfterSeconds));
  }
}

function describe(service: string, kind: ServiceErrorKind, detail: string, retryAfter: number | undefined): string {
  const said = detail ? ` ${service} said: ${detail}` : '';
  switch (kind) {
    case 'unauthorized':
      return `${service} no longer accepts Izzie's credentials. Reconnect ${service} on the Integrations page.${said}`;
    case 'forbidden':
      return `${service} refused: the connected account lacks permission for this.${said}`;
    case 'not_found':
      return `${service} could not find that.${said}`;
    case 'rate_limited':
      return retryAfter !== undefined
        ? `${service} is rate-limiting requests; try again in ${retryAfter} second${retryAfter === 1 ? '' : 's'}.`
        : `${service} is rate-limiting requests; try again in a minute.`;
    case 'unavailable':
      return `${service} is not answering properly right now; try again shortly.${said}`;
    case 'invalid_request':
      return `${service} rejected the request.${said}`;
  }
}

/** Maps an HTTP status to a kind; `undefined` for statuses that are not errors. */
export function kindForStatus(status: number): ServiceErrorKind | undefined {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404 || status === 410) return 'not_found';
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'unavailable';
  if (status >= 400) return 'invalid_request';
  return undefined;
}

/** Reads a Retry-After header value (seconds or an HTTP date) as whole seconds from `now`. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}
