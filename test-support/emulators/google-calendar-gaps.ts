/**
 * Fills gaps in `@inbox-zero/emulate` 0.4.5's Google Calendar: sync tokens (see `sync`), and it
 * has no PATCH (nor GET or PUT) for a single event, so the real SDK's `events.patch` cannot be tested against it. This implements
 * `PATCH /calendar/v3/calendars/:calendarId/events/:eventId` on top of what the emulator does have:
 * it reads the event from the list endpoint, POSTs the merged event, then DELETEs the old one.
 *
 * The emulator's POST ignores a client-given `id` (it always mints `evt_…`), so a patched event
 * comes back under a new emulator id. To keep the id stable, as Google's is, this layer remembers
 * which emulator id stands for which original id: it rewrites the id in later requests for that
 * event and back in every events response. Nothing else is changed; product code never sees this,
 * it only talks to a base URL.
 */

export interface ProxiedRequest {
  readonly method: string;
  /** Path and query, e.g. `/calendar/v3/calendars/primary/events?maxResults=5`. */
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer;
}

export interface ProxiedResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer;
}

/** Sends a request to the emulator itself. */
export type Forward = (request: ProxiedRequest) => Promise<ProxiedResponse>;

const EVENTS_PATH = /^\/calendar\/v3\/calendars\/([^/?]+)\/events(?:\/([^/?]+))?(?:\?.*)?$/;
/** Fields of an event resource that a POST may set; the rest is bookkeeping the emulator derives. */
const WRITABLE = [
  'summary',
  'description',
  'location',
  'start',
  'end',
  'attendees',
  'status',
  'transparency',
  'hangoutLink',
  'conferenceData',
];

export class CalendarGaps {
  /** original event id → the emulator's current id for it */
  private readonly emulatorIds = new Map<string, string>();
  /** Emulator ids a patch replaced: not deletions as far as sync is concerned. */
  private readonly replaced = new Set<string>();

  constructor(private readonly forward: Forward) {}

  /** Answers calendar event requests (patching, or translating ids); `undefined` for anything else. */
  async handle(request: ProxiedRequest): Promise<ProxiedResponse | undefined> {
    const match = EVENTS_PATH.exec(request.path);
    if (!match) return undefined;
    const [, calendarId = '', eventId] = match;
    if (eventId && request.method === 'PATCH') return this.patch(request, calendarId, eventId);
    if (!eventId && request.method === 'GET') {
      const synced = await this.sync(request, calendarId);
      if (synced) return this.fromEmulator(synced);
    }
    const path = eventId ? request.path.replace(`/events/${eventId}`, `/events/${this.toEmulator(eventId)}`) : request.path;
    return this.fromEmulator(await this.forward({ ...request, path }));
  }

  private async patch(request: ProxiedRequest, calendarId: string, eventId: string): Promise<ProxiedResponse> {
    const headers = { authorization: request.headers.authorization ?? '' };
    const current = await this.find(calendarId, this.toEmulator(eventId), headers);
    if (current === 'error') return googleError(502, 'The emulator did not list the calendar.', 'backendError');
    if (!current) return googleError(404, 'Not Found', 'notFound');
    const changes = request.body.length > 0 ? (JSON.parse(request.body.toString('utf8')) as Record<string, unknown>) : {};
    const merged: Record<string, unknown> = {};
    for (const field of WRITABLE) if (current[field] !== undefined) merged[field] = current[field];
    Object.assign(merged, changes);

    const collection = `/calendar/v3/calendars/${calendarId}/events`;
    const created = await this.forward({
      method: 'POST',
      path: collection,
      headers: { ...headers, 'content-type': 'application/json' },
      body: Buffer.from(JSON.stringify(merged)),
    });
    if (created.status !== 200) return created;
    const newId = (JSON.parse(created.body.toString('utf8')) as { id: string }).id;
    await this.forward({ method: 'DELETE', path: `${collection}/${current.id as string}`, headers, body: Buffer.alloc(0) });
    this.replaced.add(current.id as string);
    this.emulatorIds.set(eventId, newId);
    return this.fromEmulator(created);
  }

  /**
   * Sync tokens, which the emulator lacks: a full listing's last page gets a `nextSyncToken` (the
   * newest update time and the ids seen, encoded); a request with `syncToken` answers the events
   * updated since, plus the ids that have disappeared as `cancelled` (deleted), with a new token.
   */
  private async sync(request: ProxiedRequest, calendarId: string): Promise<ProxiedResponse | undefined> {
    const url = new URL(request.path, 'http://gaps');
    const syncToken = url.searchParams.get('syncToken');
    const headers = { authorization: request.headers.authorization ?? '' };
    if (!syncToken) {
      const response = await this.forward(request);
      if (response.status !== 200) return response;
      const page = JSON.parse(response.body.toString('utf8')) as { nextPageToken?: string } & Record<string, unknown>;
      if (page.nextPageToken) return response;
      const all = await this.listAll(calendarId, headers);
      if (all === 'error') return response;
      return json({ ...page, nextSyncToken: tokenFor(all) });
    }
    let since: { at: string; ids: string[] };
    try {
      since = JSON.parse(Buffer.from(syncToken, 'base64url').toString('utf8')) as { at: string; ids: string[] };
    } catch {
      return googleError(410, 'Sync token is no longer valid, a full sync is required.', 'fullSyncRequired');
    }
    const all = await this.listAll(calendarId, headers);
    if (all === 'error') return googleError(502, 'The emulator did not list the calendar.', 'backendError');
    const present = new Set(all.map((e) => String(e.id)));
    const changed = all.filter((e) => String(e.updated) > since.at);
    const removed = since.ids
      .filter((id) => !present.has(id) && !this.replaced.has(id))
      .map((id) => ({ kind: 'calendar#event', id, status: 'cancelled' }));
    return json({ kind: 'calendar#events', items: [...changed, ...removed], nextSyncToken: tokenFor(all, since.at) });
  }

  private async listAll(calendarId: string, headers: Record<string, string>): Promise<Record<string, unknown>[] | 'error'> {
    const items: Record<string, unknown>[] = [];
    let pageToken: string | undefined;
    do {
      const query = new URLSearchParams({ maxResults: '250', ...(pageToken ? { pageToken } : {}) });
      const page = await this.forward({
        method: 'GET',
        path: `/calendar/v3/calendars/${calendarId}/events?${query}`,
        headers,
        body: Buffer.alloc(0),
      });
      if (page.status !== 200) return 'error';
      const data = JSON.parse(page.body.toString('utf8')) as { items?: Record<string, unknown>[]; nextPageToken?: string };
      items.push(...(data.items ?? []));
      pageToken = data.nextPageToken;
    } while (pageToken);
    return items;
  }

  private async find(
    calendarId: string,
    emulatorId: string,
    headers: Record<string, string>,
  ): Promise<Record<string, unknown> | undefined | 'error'> {
    let pageToken: string | undefined;
    do {
      const query = new URLSearchParams({ maxResults: '250', ...(pageToken ? { pageToken } : {}) });
      const page = await this.forward({
        method: 'GET',
        path: `/calendar/v3/calendars/${calendarId}/events?${query}`,
        headers,
        body: Buffer.alloc(0),
      });
      if (page.status !== 200) return 'error';
      const data = JSON.parse(page.body.toString('utf8')) as { items?: Record<string, unknown>[]; nextPageToken?: string };
      const found = data.items?.find((item) => item.id === emulatorId);
      if (found) return found;
      pageToken = data.nextPageToken;
    } while (pageToken);
    return undefined;
  }

  private toEmulator(eventId: string): string {
    return this.emulatorIds.get(eventId) ?? eventId;
  }

  /** Puts the original ids back wherever the emulator's stand-ins appear (id, etag, htmlLink). */
  private fromEmulator(response: ProxiedResponse): ProxiedResponse {
    if (this.emulatorIds.size === 0 || response.body.length === 0) return response;
    let text = response.body.toString('utf8');
    for (const [original, emulatorId] of this.emulatorIds) text = text.split(emulatorId).join(original);
    return { ...response, body: Buffer.from(text, 'utf8') };
  }
}

function tokenFor(items: readonly Record<string, unknown>[], floor = ''): string {
  const at = items.reduce((max, e) => (String(e.updated) > max ? String(e.updated) : max), floor);
  return Buffer.from(JSON.stringify({ at, ids: items.map((e) => String(e.id)) })).toString('base64url');
}

function json(body: unknown): ProxiedResponse {
  return { status: 200, headers: { 'content-type': 'application/json; charset=UTF-8' }, body: Buffer.from(JSON.stringify(body)) };
}

/** An error answered in the shape Google's JSON APIs use. */
export function googleError(
  status: number,
  message: string,
  reason: string,
  headers: Readonly<Record<string, string>> = {},
): ProxiedResponse {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=UTF-8', ...headers },
    body: Buffer.from(JSON.stringify({ error: { code: status, message, errors: [{ message, domain: 'global', reason }] } })),
  };
}
