import type { calendar_v3 } from '@googleapis/calendar';
import type { CalendarEventData } from '../../../shared';
import type { PolledEvent, PollSource } from '../../engine/ingress/poll-source';
import { ServiceError } from '../kit/service-error';
import { callGoogle } from './google-errors';

const INTERVAL_MS = 2 * 60_000;
/** An event whose `updated` is this close to its `created` is new, not changed. */
const CREATED_WINDOW_MS = 2_000;

/**
 * Google Calendar through sync tokens: the first poll lists the calendar once for its token; each
 * later poll gets only what changed since, as `calendar/event.created|updated|cancelled` events
 * (id: calendar, event and update time). An expired token (410) means a full listing again.
 */
export function calendarSource(options: { api: calendar_v3.Calendar; calendarId?: string; onGap?: () => void }): PollSource {
  const { api } = options;
  const calendarId = options.calendarId ?? 'primary';
  const list = async (syncToken: string | null, signal: AbortSignal) => {
    const items: calendar_v3.Schema$Event[] = [];
    let pageToken: string | undefined;
    for (;;) {
      const { data } = await callGoogle('Google Calendar', () =>
        api.events.list(
          {
            calendarId,
            maxResults: 250,
            ...(syncToken ? { syncToken } : {}),
            ...(pageToken ? { pageToken } : {}),
          },
          { signal },
        ),
      );
      items.push(...(data.items ?? []));
      if (data.nextPageToken) {
        pageToken = data.nextPageToken;
        continue;
      }
      if (!data.nextSyncToken) throw new Error('Google Calendar ended the listing without a sync token.');
      return { items, token: data.nextSyncToken };
    }
  };
  return {
    id: 'google:calendar',
    label: 'Google Calendar',
    intervalMs: INTERVAL_MS,
    async poll(cursor, signal) {
      if (cursor === null) return { events: [], cursor: (await list(null, signal)).token };
      let changed;
      try {
        changed = await list(cursor, signal);
      } catch (error) {
        if (!(error instanceof ServiceError) || error.kind !== 'not_found') throw error;
        // 410 Gone: the token expired. Start again from a full listing; what changed meanwhile is not news.
        options.onGap?.();
        return { events: [], cursor: (await list(null, signal)).token };
      }
      return { events: changed.items.flatMap((item) => toEvent(calendarId, item)), cursor: changed.token };
    },
  };
}

function toEvent(calendarId: string, item: calendar_v3.Schema$Event): PolledEvent[] {
  if (!item.id) return [];
  const cancelled = item.status === 'cancelled';
  const created = Date.parse(item.created ?? '');
  const updated = Date.parse(item.updated ?? '') || Date.now();
  const action = cancelled ? 'cancelled' : Math.abs(updated - created) <= CREATED_WINDOW_MS ? 'created' : 'updated';
  const data: CalendarEventData = {
    calendarId,
    eventId: item.id,
    summary: item.summary ?? '',
    start: when(item.start),
    end: when(item.end),
    allDay: Boolean(item.start?.date && !item.start.dateTime),
    status: cancelled ? 'cancelled' : item.status === 'tentative' ? 'tentative' : 'confirmed',
    organizer: item.organizer?.email ?? null,
    htmlLink: item.htmlLink ?? null,
  };
  return [
    {
      id: `gcal:${calendarId}:${item.id}:${item.updated ?? updated}`,
      type: `calendar/event.${action}`,
      timestamp: updated,
      data,
      metadata: { correlationId: `gcal:${calendarId}:${item.id}` },
    },
  ];
}

/** A date-time, or an all-day date taken as midnight UTC; 0 when the event no longer says (cancelled). */
function when(time: calendar_v3.Schema$EventDateTime | undefined): number {
  return Date.parse(time?.dateTime ?? time?.date ?? '') || 0;
}
