import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { engineHarness } from '../../../test-support/engine-harness';
import { decideCron, parseSchedule } from './cron-schedule';
import type { EngineFunction, MissedRunPolicy } from './engine-function';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const at = (iso: string) => Date.parse(iso);

let h: ReturnType<typeof engineHarness>;
beforeEach(() => {
  // Monday 2026-11-23, 06:00 UTC.
  h = engineHarness(at('2026-11-23T06:00:00Z'));
});
afterEach(async () => {
  await h.close();
});

const digest = (missed: MissedRunPolicy, fired: number[]): EngineFunction => ({
  id: `digest-${missed}`,
  name: 'digest',
  trigger: { cron: '0 7 * * *', timezone: 'UTC', missed },
  handler: async ({ event }) => void fired.push((event.data as { scheduledFor: number }).scheduledFor),
});

describe('cron with a missed-run policy', () => {
  it('after three missed 07:00 fires, runs exactly once with `once` and not at all with `skip`', async () => {
    const once: number[] = [];
    const skip: number[] = [];
    const engine = h.engine([digest('once', once), digest('skip', skip)]);
    engine.start();
    await engine.drain();
    // The laptop sleeps from Monday 06:00 until Wednesday 09:30: three 07:00 fires pass (Mon, Tue, Wed).
    await engine.stop();
    h.advance(2 * DAY + 3.5 * HOUR);
    const woke = h.engine([digest('once', once), digest('skip', skip)]);
    woke.start();
    await woke.drain();
    await woke.drain();
    expect(once).toEqual([at('2026-11-25T07:00:00Z')]);
    expect(skip).toEqual([]);
    const event = h.events.get(`cron:digest-once:${at('2026-11-25T07:00:00Z')}`);
    expect(event?.data).toMatchObject({ missed: 2 });
    expect(h.lines.some((l) => l.message === 'skipped missed scheduled runs' && l.fields?.missed === 3)).toBe(true);

    // Both are back on schedule the next morning (Thursday 07:05).
    h.advance(21 * HOUR + 35 * 60_000);
    await woke.drain();
    expect(once).toHaveLength(2);
    expect(skip).toEqual([at('2026-11-26T07:00:00Z')]);
  });

  it('runs a fire that is only a little late under both policies, once', async () => {
    const once: number[] = [];
    const skip: number[] = [];
    const engine = h.engine([digest('once', once), digest('skip', skip)]);
    engine.start();
    h.advance(HOUR + 4 * 60_000); // 07:04, inside the grace window
    await engine.drain();
    await engine.drain();
    expect(once).toEqual([at('2026-11-23T07:00:00Z')]);
    expect(skip).toEqual([at('2026-11-23T07:00:00Z')]);
  });

  it('does not owe runs from before it was installed', async () => {
    h.clock.at = at('2026-11-23T12:00:00Z');
    const fired: number[] = [];
    const engine = h.engine([digest('once', fired)]);
    engine.start();
    await engine.drain();
    expect(fired).toEqual([]);
  });

  it('reads the schedule in its time zone', () => {
    const trigger = { cron: '0 7 * * *', timezone: 'America/New_York', missed: 'once' as const };
    const schedule = parseSchedule('digest', trigger);
    const decision = decideCron(schedule, trigger, at('2026-11-24T00:00:00Z'), at('2026-11-24T12:01:00Z'));
    // 07:00 in New York in November is 12:00 UTC.
    expect(decision).toEqual({ fireAt: at('2026-11-24T12:00:00Z'), missed: 0, handledUntil: at('2026-11-24T12:00:00Z') });
  });

  it('finds the newest fire of a minutely schedule after a week away without listing them all', () => {
    const trigger = { cron: '* * * * *', missed: 'once' as const };
    const decision = decideCron(parseSchedule('poll', trigger), trigger, at('2026-11-01T00:00:00Z'), at('2026-11-08T00:00:30Z'));
    expect(decision.fireAt).toBe(at('2026-11-08T00:00:00Z'));
    expect(decision.missed).toBeGreaterThanOrEqual(999);
  });

  it('explains a schedule it cannot read', () => {
    expect(() => parseSchedule('digest', { cron: '0 25 * * *', missed: 'once' })).toThrow(
      /The schedule of digest \("0 25 \* \* \*"\) is not valid/,
    );
    expect(() => parseSchedule('digest', { cron: '0 7 * * *', timezone: 'Mars/Olympus', missed: 'once' })).toThrow(/not valid/);
  });
});
