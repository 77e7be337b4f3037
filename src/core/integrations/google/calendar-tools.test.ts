import { OAuth2Client } from 'google-auth-library';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connectGoogleServer, startGoogleWorld } from '../../../../test-support/emulators/google-harness';
import { SEEDED_ACCESS_TOKEN } from '../../../../test-support/emulators/google-seed';
import { expectRefusedBeforeRequest } from '../../../../test-support/mcp/expect-refused-before-request';

type World = Awaited<ReturnType<typeof startGoogleWorld>>;
type Server = Awaited<ReturnType<typeof connectGoogleServer>>;
interface Event {
  id: string;
  summary: string;
  start: string;
  end: string;
  allDay: boolean;
  location?: string;
  description?: string;
  attendees: { email: string; name?: string }[];
}

let world: World;
let server: Server;

const WEEK = { timeMin: '2025-03-03T00:00:00Z', timeMax: '2025-03-10T00:00:00Z' };

async function eventsThisWeek(extra: Record<string, unknown> = {}): Promise<Event[]> {
  const result = await server.call('calendar_query', { ...WEEK, ...extra });
  expect(result.isError).toBe(false);
  return result.json<{ events: Event[] }>().events;
}

/** Calls a tool with bad input and proves its zod schema refused it, before any request reached Google. */
const expectNoRequest = (name: string, args: Record<string, unknown>) =>
  expectRefusedBeforeRequest(() => server.call(name, args), world.proxy.requests, /^MCP error -32602: Input validation error/);

beforeEach(async () => {
  world = await startGoogleWorld();
  const auth = new OAuth2Client();
  auth.setCredentials({ access_token: SEEDED_ACCESS_TOKEN });
  server = await connectGoogleServer(auth, world.proxy.url);
});
afterEach(async () => {
  await server.close();
  await world.close();
});

describe('calendar_query', () => {
  it('lists the events of a range in start order, compactly', async () => {
    const events = await eventsThisWeek();
    expect(events.map((e) => e.summary)).toEqual(['1:1 Alice / Priya', 'Dentist', 'Team offsite']);
    expect(events[0]).toEqual({
      id: 'evt_one_on_one',
      summary: '1:1 Alice / Priya',
      start: '2025-03-04T15:00:00.000Z',
      end: '2025-03-04T15:30:00.000Z',
      allDay: false,
      status: 'confirmed',
      location: 'Room 4B',
      description: 'Quarterly goals and the hiring plan.',
      attendees: [{ email: 'priya@acme.test', name: 'Priya Raman' }, { email: 'alice@example.com' }],
      link: expect.stringContaining('evt_one_on_one'),
    });
    expect(events[2]).toMatchObject({ id: 'evt_offsite', start: '2025-03-07', end: '2025-03-08', allDay: true });
  });

  it('filters by text and reads other calendars', async () => {
    expect((await eventsThisWeek({ q: 'dentist' })).map((e) => e.id)).toEqual(['evt_dentist']);
    expect((await eventsThisWeek({ calendarId: 'family' })).map((e) => e.summary)).toEqual(['Sunday lunch at Mum and Dad’s']);
    const firstOnly = await server.call('calendar_query', { ...WEEK, maxResults: 1 });
    expect(firstOnly.json()).toMatchObject({ events: [{ id: 'evt_one_on_one' }], more: true });
  });

  it('says when the calendar does not exist', async () => {
    const result = await server.call('calendar_query', { ...WEEK, calendarId: 'no-such-calendar' });
    expect(result).toMatchObject({
      isError: true,
      text: 'Google Calendar could not find that. Google Calendar said: Requested entity was not found.',
    });
    expect(server.serviceErrors[0]).toMatchObject({ service: 'Google Calendar', kind: 'not_found' });
  });

  it('rejects times that are not ISO 8601 with an offset, before any request', async () => {
    const text = await expectNoRequest('calendar_query', { timeMin: '2025-03-03 09:00', timeMax: WEEK.timeMax });
    expect(text).toMatch(/ISO 8601/);
    await expectNoRequest('calendar_query', { timeMin: '2025-03-03T09:00:00', timeMax: WEEK.timeMax });
    await expectNoRequest('calendar_query', { ...WEEK, maxResults: 51 });
  });
});

describe('calendar_create', () => {
  it('creates timed and all-day events that then show up', async () => {
    const created = await server.call('calendar_create', {
      summary: 'Design review',
      start: '2025-03-06T14:00:00+01:00',
      end: '2025-03-06T15:00:00+01:00',
      location: 'Room 2',
      description: 'Walk through the onboarding mocks.',
      attendees: ['priya@acme.test', 'lee.wong@acme.test'],
    });
    expect(created.isError).toBe(false);
    expect(created.json()).toMatchObject({
      id: expect.any(String),
      summary: 'Design review',
      start: '2025-03-06T14:00:00+01:00',
      attendees: [{ email: 'priya@acme.test' }, { email: 'lee.wong@acme.test' }],
    });
    const holiday = await server.call('calendar_create', { summary: 'Holiday', start: '2025-03-10', end: '2025-03-11' });
    expect(holiday.json()).toMatchObject({ start: '2025-03-10', allDay: true });

    expect((await eventsThisWeek()).map((e) => e.summary)).toContain('Design review');
    const send = world.proxy.requests.find((r) => r.method === 'POST' && r.path.includes('/events'));
    expect(send?.path).toContain('sendUpdates=all');
  });

  it('says when the calendar does not exist', async () => {
    const result = await server.call('calendar_create', {
      summary: 'x',
      start: '2025-03-06T14:00:00Z',
      end: '2025-03-06T15:00:00Z',
      calendarId: 'gone',
    });
    expect(result).toMatchObject({ isError: true, text: expect.stringContaining('Google Calendar could not find that.') });
  });

  it('rejects bad input before any request', async () => {
    await expectNoRequest('calendar_create', { summary: 'x', start: 'tomorrow 9am', end: '2025-03-06T15:00:00Z' });
    await expectNoRequest('calendar_create', {
      summary: 'x',
      start: '2025-03-06T14:00:00Z',
      end: '2025-03-06T15:00:00Z',
      attendees: ['bob'],
    });
    await expectNoRequest('calendar_create', { start: '2025-03-06T14:00:00Z', end: '2025-03-06T15:00:00Z' });
  });
});

describe('calendar_update', () => {
  it('patches only the given fields and keeps the event id', async () => {
    const result = await server.call('calendar_update', {
      eventId: 'evt_dentist',
      summary: 'Dentist (moved)',
      start: '2025-03-05T11:00:00.000Z',
      end: '2025-03-05T12:00:00.000Z',
      notifyAttendees: false,
    });
    expect(result.isError).toBe(false);
    expect(result.json()).toMatchObject({
      id: 'evt_dentist',
      summary: 'Dentist (moved)',
      start: '2025-03-05T11:00:00.000Z',
      location: '12 High Street',
    });
    // The real SDK call: a PATCH of that event, carrying only the changed fields.
    expect(world.proxy.requests).toContainEqual(
      expect.objectContaining({ method: 'PATCH', path: '/calendar/v3/calendars/primary/events/evt_dentist?sendUpdates=none' }),
    );

    const again = await server.call('calendar_update', { eventId: 'evt_dentist', location: 'Smile Clinic, 3 Low Road' });
    expect(again.json()).toMatchObject({ id: 'evt_dentist', summary: 'Dentist (moved)', location: 'Smile Clinic, 3 Low Road' });
    const dentist = (await eventsThisWeek({ q: 'dentist' }))[0];
    expect(dentist).toMatchObject({ id: 'evt_dentist', start: '2025-03-05T11:00:00.000Z', location: 'Smile Clinic, 3 Low Road' });
  });

  it('replaces the guest list when attendees are given', async () => {
    const result = await server.call('calendar_update', {
      eventId: 'evt_one_on_one',
      attendees: ['priya@acme.test', 'lee.wong@acme.test'],
    });
    expect(result.json<Event>().attendees.map((a) => a.email)).toEqual(['priya@acme.test', 'lee.wong@acme.test']);
    expect(result.json()).toMatchObject({ description: 'Quarterly goals and the hiring plan.' });
  });

  it('says when the event does not exist', async () => {
    const result = await server.call('calendar_update', { eventId: 'evt_missing', summary: 'x' });
    expect(result).toMatchObject({ isError: true, text: expect.stringContaining('Google Calendar could not find that.') });
    expect(server.serviceErrors[0]).toMatchObject({ kind: 'not_found', options: { status: 404 } });
  });

  it('rejects bad input before any request', async () => {
    await expectNoRequest('calendar_update', { eventId: '../evt_dentist', summary: 'x' });
    await expectNoRequest('calendar_update', { eventId: 'evt_dentist', start: '5 March' });
    await expectNoRequest('calendar_update', { summary: 'x' });
  });
});

describe('calendar_delete', () => {
  it('deletes an event, and a second delete is a readable not-found', async () => {
    const result = await server.call('calendar_delete', { eventId: 'evt_offsite' });
    expect(result.json()).toEqual({ deleted: true, eventId: 'evt_offsite', calendarId: 'primary' });
    expect((await eventsThisWeek()).map((e) => e.id)).not.toContain('evt_offsite');

    const again = await server.call('calendar_delete', { eventId: 'evt_offsite' });
    expect(again).toMatchObject({ isError: true, text: expect.stringContaining('Google Calendar could not find that.') });
  });

  it('deletes an event after it was updated', async () => {
    await server.call('calendar_update', { eventId: 'evt_dentist', summary: 'Dentist (moved)' });
    expect((await server.call('calendar_delete', { eventId: 'evt_dentist' })).isError).toBe(false);
    expect((await eventsThisWeek()).map((e) => e.id)).toEqual(['evt_one_on_one', 'evt_offsite']);
  });

  it('rejects bad input before any request', async () => {
    await expectNoRequest('calendar_delete', { eventId: '' });
    await expectNoRequest('calendar_delete', { eventId: 'evt_dentist', calendarId: 'my calendar' });
  });
});

describe('calendar_freebusy', () => {
  it('lists busy periods per calendar', async () => {
    const result = await server.call('calendar_freebusy', {
      timeMin: '2025-03-04T00:00:00Z',
      timeMax: '2025-03-10T00:00:00Z',
      calendars: ['primary', 'family'],
    });
    expect(result.json()).toEqual({
      timeMin: '2025-03-04T00:00:00Z',
      timeMax: '2025-03-10T00:00:00Z',
      calendars: [
        {
          id: 'primary',
          busy: [
            { start: '2025-03-04T15:00:00.000Z', end: '2025-03-04T15:30:00.000Z' },
            { start: '2025-03-05T09:00:00.000Z', end: '2025-03-05T10:00:00.000Z' },
            { start: '2025-03-07T00:00:00.000Z', end: '2025-03-08T00:00:00.000Z' },
          ],
        },
        { id: 'family', busy: [{ start: '2025-03-09T12:30:00.000Z', end: '2025-03-09T15:00:00.000Z' }] },
      ],
    });
  });

  it('reports an outage readably', async () => {
    world.proxy.failNext({ status: 503, message: 'Backend Error', path: /freeBusy/ });
    const result = await server.call('calendar_freebusy', { timeMin: WEEK.timeMin, timeMax: WEEK.timeMax });
    expect(result).toMatchObject({
      isError: true,
      text: 'Google Calendar is not answering properly right now; try again shortly. Google Calendar said: Backend Error',
    });
    expect(server.serviceErrors[0]).toMatchObject({ kind: 'unavailable', options: { status: 503 } });
  });

  it('rejects bad input before any request', async () => {
    await expectNoRequest('calendar_freebusy', { ...WEEK, calendars: [] });
    await expectNoRequest('calendar_freebusy', { timeMin: WEEK.timeMin, timeMax: 'next week' });
  });
});
