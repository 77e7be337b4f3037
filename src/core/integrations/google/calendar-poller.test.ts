import { calendar, type calendar_v3 } from '@googleapis/calendar';
import { OAuth2Client } from 'google-auth-library';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGoogleWorld } from '../../../../test-support/emulators/google-harness';
import { SEEDED_ACCESS_TOKEN } from '../../../../test-support/emulators/google-seed';
import { CalendarEventData } from '../../../shared';
import { calendarSource } from './calendar-poller';

let world: Awaited<ReturnType<typeof startGoogleWorld>>;
let api: calendar_v3.Calendar;
const signal = new AbortController().signal;

beforeAll(async () => {
  world = await startGoogleWorld();
  const auth = new OAuth2Client();
  auth.setCredentials({ access_token: SEEDED_ACCESS_TOKEN });
  api = calendar({ version: 'v3', auth, rootUrl: `${world.proxy.url}/`, retry: false });
});
afterAll(async () => {
  await world.close();
});

describe('the Calendar poller (real SDK against the emulator)', () => {
  it('lists once for a sync token, then delivers only what was created, changed or deleted', async () => {
    const source = calendarSource({ api });
    const baseline = await source.poll(null, signal);
    expect(baseline.events).toEqual([]);

    await new Promise((resolve) => setTimeout(resolve, 5));
    const { data: review } = await api.events.insert({
      calendarId: 'primary',
      requestBody: {
        summary: 'Design review',
        start: { dateTime: '2026-11-25T10:00:00Z' },
        end: { dateTime: '2026-11-25T11:00:00Z' },
      },
    });
    await api.events.delete({ calendarId: 'primary', eventId: 'evt_dentist' });
    const first = await source.poll(baseline.cursor, signal);
    const seen = first.events.map((e) => [e.type, CalendarEventData.parse(e.data).eventId]);
    expect(seen).toEqual([
      ['calendar/event.created', review.id],
      ['calendar/event.cancelled', 'evt_dentist'],
    ]);
    expect(CalendarEventData.parse(first.events[0]?.data)).toMatchObject({
      summary: 'Design review',
      start: Date.parse('2026-11-25T10:00:00Z'),
      end: Date.parse('2026-11-25T11:00:00Z'),
      allDay: false,
      status: 'confirmed',
    });

    const quiet = await source.poll(first.cursor, signal);
    expect(quiet.events).toEqual([]);
  });

  it('starts from a full listing again when the token has expired', async () => {
    let gaps = 0;
    const source = calendarSource({ api, onGap: () => gaps++ });
    const result = await source.poll('not-a-token', signal);
    expect(result.events).toEqual([]);
    expect(gaps).toBe(1);
    expect(result.cursor.length).toBeGreaterThan(10);
  });
});
