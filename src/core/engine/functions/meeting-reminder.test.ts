import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { engineHarness } from '../../../../test-support/engine-harness';
import { proactiveDeps } from '../../../../test-support/proactive-deps';
import { scriptedRouter } from '../../../../test-support/scripted-router';
import { ToolRegistry, defineTool } from '../../agents/tools/tool-registry';
import { meetingReminder } from './meeting-reminder';

const MINUTE = 60_000;
let h: ReturnType<typeof engineHarness>;
/** The calendar as the fake `google.calendar_query` tool answers it. */
let calendar: Array<{ id: string; summary: string; start: string; end: string; allDay: boolean; status: string }>;

beforeEach(() => {
  h = engineHarness(Date.UTC(2026, 10, 24, 8, 0));
  calendar = [];
});
afterEach(async () => {
  await h.close();
});

function setup() {
  const registry = new ToolRegistry().register(
    defineTool({
      name: 'google.calendar_query',
      group: 'calendar',
      description: 'Lists events.',
      args: z.object({ timeMin: z.string(), timeMax: z.string(), maxResults: z.number() }),
      actionClass: 'read',
      outsideContent: true,
      run: async () => ({ events: calendar, more: false }),
    }),
  );
  const { deps, shown } = proactiveDeps({ db: h.db, clock: h.clock, registry, router: scriptedRouter() });
  const engine = h.engine([meetingReminder(deps)]);
  engine.start();
  return { engine, shown };
}

const meeting = (id: string, startIso: string, extra: Record<string, unknown> = {}) => ({
  id: `gcal:primary:${id}:${startIso}`,
  type: 'calendar/event.created',
  source: 'poll',
  timestamp: 0,
  metadata: {},
  data: {
    calendarId: 'primary',
    eventId: id,
    summary: 'Design review',
    start: Date.parse(startIso),
    end: Date.parse(startIso) + 60 * MINUTE,
    allDay: false,
    status: 'confirmed',
    organizer: null,
    htmlLink: null,
    ...extra,
  },
});

describe('meeting reminders', () => {
  it('sleeps until ten minutes before, checks the meeting still stands, and reminds once', async () => {
    const { engine, shown } = setup();
    calendar = [
      {
        id: 'm1',
        summary: 'Design review',
        start: '2026-11-24T10:00:00.000Z',
        end: '2026-11-24T11:00:00.000Z',
        allDay: false,
        status: 'confirmed',
      },
    ];
    engine.bus.publish(meeting('m1', '2026-11-24T10:00:00.000Z'));
    await engine.drain();
    const run = h.runs.list({ limit: 1 })[0];
    expect(run).toMatchObject({ status: 'sleeping', wakeAt: Date.parse('2026-11-24T09:50:00.000Z') });
    h.advance(100 * MINUTE); // 09:40: still asleep
    await engine.drain();
    expect(shown).toEqual([]);
    h.advance(10 * MINUTE);
    await engine.drain();
    expect(shown.map((n) => n.title)).toEqual(['In 10 minutes: Design review']);
    expect(h.runs.get(run?.id ?? '')?.status).toBe('completed');
  });

  it('says nothing for a meeting that moved or was deleted meanwhile, or has started', async () => {
    const { engine, shown } = setup();
    calendar = [
      {
        id: 'm2',
        summary: 'Vendor call',
        start: '2026-11-24T12:00:00.000Z',
        end: '2026-11-24T13:00:00.000Z',
        allDay: false,
        status: 'confirmed',
      },
    ];
    engine.bus.publish(meeting('m2', '2026-11-24T10:00:00.000Z', { summary: 'Vendor call' }));
    engine.bus.publish(meeting('m3', '2026-11-24T09:00:00.000Z'));
    engine.bus.publish(meeting('m4', '2026-11-24T07:30:00.000Z'));
    engine.bus.publish(meeting('m5', '2026-11-24T00:00:00.000Z', { allDay: true }));
    await engine.drain();
    h.advance(115 * MINUTE); // 09:55: both reminders are due, neither meeting stands as it was
    await engine.drain();
    expect(shown).toEqual([]);
    const outputs = h.runs.list({ limit: 10 }).map((r) => JSON.parse(r.output ?? 'null') as { why: string });
    expect(outputs.map((o) => o.why).sort()).toEqual(['deleted', 'it has started', 'moved or cancelled', 'no time to remind of']);
  });
});
