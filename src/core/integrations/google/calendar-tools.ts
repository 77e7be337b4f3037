import type { calendar_v3 } from '@googleapis/calendar';
import { z } from 'zod';
import { defineBuiltinTool, type BuiltinTool } from '../kit/builtin-tool';
import { callGoogle } from './google-errors';

const MAX_DESCRIPTION_CHARS = 2_000;

const DateTime = z.iso.datetime({
  offset: true,
  error: 'Use an ISO 8601 date-time with a UTC offset, e.g. 2025-03-04T09:00:00-05:00',
});
/** An event boundary: a date-time, or a date for all-day events. */
const When = z
  .union([DateTime, z.iso.date({ error: 'Use an ISO 8601 date, e.g. 2025-03-04' })], {
    error: 'Use an ISO 8601 date-time with offset (2025-03-04T09:00:00-05:00) or, for all-day events, a date (2025-03-04)',
  })
  .describe(
    'An ISO 8601 date-time with UTC offset, e.g. "2025-03-04T09:00:00-05:00", or a date "2025-03-04" for an all-day event.',
  );
const CalendarId = z
  .string()
  .min(1)
  .max(256)
  .regex(/^\S+$/, 'A calendar id has no spaces')
  .describe('"primary" for the person’s own calendar, or a calendar id (often an email address).');
const EventId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,1024}$/, 'Use an event id as calendar_query returns it')
  .describe('The event id, as returned by calendar_query.');
const Attendees = z
  .array(z.email('Use a plain email address, e.g. ann@example.com').max(254))
  .max(100)
  .describe('Guests, as email addresses.');
const NotifyAttendees = z.boolean().default(true).describe('Whether Google emails the guests about the change (default true).');

const Summary = z.string().min(1).max(1_000).describe('The event title.');
const End = When.describe('When the event ends; for an all-day event, the day after its last day.');
const Description = z.string().max(8_000).describe('Notes shown in the event.');
const Location = z.string().max(1_000).describe('Where it happens: an address or a room.');

export function calendarTools(api: calendar_v3.Calendar): BuiltinTool[] {
  const query = defineBuiltinTool({
    name: 'calendar_query',
    title: 'List calendar events',
    description:
      'Lists the events of a calendar that overlap a time range, in start order; recurring events come as their single occurrences. Optionally filtered by free text.',
    group: 'calendar',
    actionClass: 'read',
    input: z.object({
      timeMin: DateTime.describe('Start of the range, ISO 8601 with UTC offset, e.g. "2025-03-03T00:00:00Z".'),
      timeMax: DateTime.describe('End of the range (exclusive), ISO 8601 with UTC offset.'),
      q: z.string().max(200).optional().describe('Free text matched against title, description, location and guests.'),
      calendarId: CalendarId.default('primary'),
      maxResults: z.number().int().min(1).max(50).default(20).describe('How many events to return (1-50).'),
    }),
    run: async ({ timeMin, timeMax, q, calendarId, maxResults }, signal) => {
      const { data } = await callGoogle('Google Calendar', () =>
        api.events.list(
          {
            calendarId,
            timeMin,
            timeMax,
            maxResults,
            singleEvents: true,
            orderBy: 'startTime',
            ...(q ? { q } : {}),
          },
          { signal },
        ),
      );
      return { events: (data.items ?? []).map(compactEvent), more: Boolean(data.nextPageToken) };
    },
  });

  const create = defineBuiltinTool({
    name: 'calendar_create',
    title: 'Create a calendar event',
    description: 'Creates an event in a calendar, optionally inviting guests.',
    group: 'calendar',
    actionClass: 'create',
    input: z.object({
      summary: Summary,
      start: When,
      end: End,
      description: Description.optional(),
      location: Location.optional(),
      attendees: Attendees.optional(),
      calendarId: CalendarId.default('primary'),
      notifyAttendees: NotifyAttendees,
    }),
    run: async ({ calendarId, notifyAttendees, ...fields }, signal) => {
      const { data } = await callGoogle('Google Calendar', () =>
        api.events.insert(
          { calendarId, sendUpdates: notifyAttendees ? 'all' : 'none', requestBody: eventBody(fields) },
          { signal },
        ),
      );
      return compactEvent(data);
    },
  });

  const update = defineBuiltinTool({
    name: 'calendar_update',
    title: 'Change a calendar event',
    description: 'Changes an existing event: only the fields given are changed. Giving attendees replaces the whole guest list.',
    group: 'calendar',
    actionClass: 'update',
    input: z.object({
      eventId: EventId,
      calendarId: CalendarId.default('primary'),
      summary: Summary.optional(),
      start: When.optional(),
      end: End.optional(),
      description: Description.optional(),
      location: Location.optional(),
      attendees: Attendees.optional(),
      notifyAttendees: NotifyAttendees,
    }),
    run: async ({ eventId, calendarId, notifyAttendees, ...fields }, signal) => {
      const { data } = await callGoogle('Google Calendar', () =>
        api.events.patch(
          { calendarId, eventId, sendUpdates: notifyAttendees ? 'all' : 'none', requestBody: eventBody(fields) },
          { signal },
        ),
      );
      return compactEvent(data);
    },
  });

  const remove = defineBuiltinTool({
    name: 'calendar_delete',
    title: 'Delete a calendar event',
    description: 'Deletes an event from a calendar (for guests it is cancelled).',
    group: 'calendar',
    actionClass: 'delete',
    input: z.object({ eventId: EventId, calendarId: CalendarId.default('primary'), notifyAttendees: NotifyAttendees }),
    run: async ({ eventId, calendarId, notifyAttendees }, signal) => {
      await callGoogle('Google Calendar', () =>
        api.events.delete({ calendarId, eventId, sendUpdates: notifyAttendees ? 'all' : 'none' }, { signal }),
      );
      return { deleted: true, eventId, calendarId };
    },
  });

  const freebusy = defineBuiltinTool({
    name: 'calendar_freebusy',
    title: 'Check availability',
    description:
      'Lists the busy periods of one or more calendars (the person’s own, or colleagues’ by email) in a time range; everything else is free.',
    group: 'calendar',
    actionClass: 'read',
    input: z.object({
      timeMin: DateTime.describe('Start of the range, ISO 8601 with UTC offset.'),
      timeMax: DateTime.describe('End of the range, ISO 8601 with UTC offset.'),
      calendars: z
        .array(CalendarId)
        .min(1)
        .max(20)
        .default(['primary'])
        .describe('Calendars to check: "primary" or email addresses.'),
    }),
    run: async ({ timeMin, timeMax, calendars }, signal) => {
      const { data } = await callGoogle('Google Calendar', () =>
        api.freebusy.query({ requestBody: { timeMin, timeMax, items: calendars.map((id) => ({ id })) } }, { signal }),
      );
      return {
        timeMin,
        timeMax,
        calendars: calendars.map((id) => {
          const entry = data.calendars?.[id];
          if (!entry) return { id, busy: [], error: 'Google Calendar returned nothing for this calendar.' };
          const errors = (entry.errors ?? []).map((e) => e.reason).filter(Boolean);
          return {
            id,
            busy: (entry.busy ?? []).map((b) => ({ start: b.start ?? null, end: b.end ?? null })),
            ...(errors.length > 0 ? { error: `Not available: ${errors.join(', ')}` } : {}),
          };
        }),
      };
    },
  });

  return [query, create, update, remove, freebusy];
}

interface EventFields {
  summary?: string;
  start?: string;
  end?: string;
  description?: string;
  location?: string;
  attendees?: string[];
}

/** The API event for the given fields; absent fields stay absent so a patch leaves them alone. */
function eventBody(fields: EventFields): calendar_v3.Schema$Event {
  return {
    ...(fields.summary !== undefined ? { summary: fields.summary } : {}),
    ...(fields.description !== undefined ? { description: fields.description } : {}),
    ...(fields.location !== undefined ? { location: fields.location } : {}),
    ...(fields.start !== undefined ? { start: eventTime(fields.start) } : {}),
    ...(fields.end !== undefined ? { end: eventTime(fields.end) } : {}),
    ...(fields.attendees !== undefined ? { attendees: fields.attendees.map((email) => ({ email })) } : {}),
  };
}

function eventTime(when: string): calendar_v3.Schema$EventDateTime {
  return /^\d{4}-\d{2}-\d{2}$/.test(when) ? { date: when } : { dateTime: when };
}

/** What a model needs of an event, without the API's bookkeeping (etags, kinds, reminders…). */
function compactEvent(event: calendar_v3.Schema$Event) {
  const description = event.description ?? undefined;
  return {
    id: event.id ?? null,
    summary: event.summary ?? '(no title)',
    start: event.start?.dateTime ?? event.start?.date ?? null,
    end: event.end?.dateTime ?? event.end?.date ?? null,
    allDay: Boolean(event.start?.date && !event.start.dateTime),
    status: event.status ?? null,
    location: event.location ?? undefined,
    description:
      description && description.length > MAX_DESCRIPTION_CHARS ? `${description.slice(0, MAX_DESCRIPTION_CHARS)}…` : description,
    organizer: event.organizer?.email ?? undefined,
    attendees: (event.attendees ?? []).map((a) => ({
      email: a.email ?? null,
      ...(a.displayName ? { name: a.displayName } : {}),
      ...(a.responseStatus ? { response: a.responseStatus } : {}),
    })),
    link: event.htmlLink ?? undefined,
    meetLink: event.hangoutLink ?? undefined,
  };
}
