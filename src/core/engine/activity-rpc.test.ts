import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { quietMemory } from '../../../test-support/quiet-memory';
import { makeTempDir } from '../../../test-support/temp-dir';
import { testPorts, type TestPorts } from '../../../test-support/test-ports';
import { createCore, type Core } from '../create-core';

/** The Activity page's RPC on a real core: functions, run now, cancel, replay, the digest time. */
describe('activity over RPC', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let ports: TestPorts;
  let core: Core;
  const pushed: Array<{ event: string; payload: unknown }> = [];

  beforeEach(async () => {
    dir = makeTempDir();
    ports = testPorts(join(dir.path, 'data'), { now: new Date(2026, 10, 24, 9, 0).getTime() });
    core = createCore(ports, { memory: quietMemory(), engine: { idleCheckMs: 50 } });
    await core.start();
    pushed.length = 0;
    core.subscribe((frame) => pushed.push({ event: frame.event, payload: frame.payload }));
  });
  afterEach(async () => {
    await core.stop();
    dir.remove();
  });

  it('lists the built-in functions with their triggers and next runs, and follows the digest time', async () => {
    const functions = await core.client.call('activity.functions');
    expect(functions.map((f) => [f.id, f.trigger])).toEqual([
      ['morning-digest', 'every day at 07:00'],
      ['email-received', 'on email/received'],
      ['github-pr', 'on github/pull_request.*'],
      ['linear-issue', 'on linear/issue.*'],
      ['calendar-changed', 'on calendar/event.*'],
      ['izzie-escalate', 'on izzie/escalate'],
      ['meeting-reminder', 'on calendar/event.*'],
      ['memory-retention', 'every day at 03:30'],
    ]);
    expect(functions[0]?.nextRunAt).toBe(new Date(2026, 10, 25, 7, 0).getTime());

    await core.client.call('settings.set', { digestTime: '09:30' });
    const moved = (await core.client.call('activity.functions'))[0];
    expect(moved).toMatchObject({ trigger: 'every day at 09:30', nextRunAt: new Date(2026, 10, 24, 9, 30).getTime() });
    await expect(core.client.call('settings.set', { digestTime: '9:30' })).rejects.toThrow(/24-hour time/);
  });

  it('runs a function now, shows it live with its steps, cancels it and replays it', async () => {
    // No model provider: the digest's summary step fails and waits to retry.
    const started = await core.client.call('activity.runNow', { functionId: 'morning-digest' });
    expect(started).toMatchObject({ functionId: 'morning-digest', functionName: 'Morning digest', status: 'queued' });
    expect(started.trigger).toMatchObject({ eventType: 'schedule/trigger', source: 'user', summary: 'started by you' });
    await expect
      .poll(async () => (await core.client.call('activity.run', { id: started.id })).steps.map((s) => [s.name, s.status]))
      .toEqual([
        ['gather', 'completed'],
        ['summarize', 'failed'],
      ]);
    const waiting = await core.client.call('activity.run', { id: started.id });
    expect(waiting.status).toBe('queued');
    expect(waiting.wakeAt).toBeGreaterThan(ports.clock.now());
    expect(waiting.steps[1]?.error).toMatch(/provider/i);
    const gathered = JSON.parse(waiting.steps[0]?.output ?? '{}') as { sections: Array<{ id: string; note: string | null }> };
    expect(gathered.sections.find((s) => s.id === 'calendar')?.note).toBe('Google Calendar is not connected.');
    await expect.poll(() => pushed.some((p) => p.event === 'activity.run')).toBe(true);

    const cancelled = await core.client.call('activity.cancel', { id: started.id });
    expect(cancelled).toMatchObject({ status: 'cancelled', error: 'Cancelled by you.' });
    await expect(core.client.call('activity.cancel', { id: started.id })).rejects.toThrow(/already cancelled/);
    const again = await core.client.call('activity.replay', { id: started.id });
    expect(again).toMatchObject({ replayOf: started.id, status: 'queued' });
    const { runs, counts } = await core.client.call('activity.runs', { limit: 10 });
    expect(runs.map((r) => r.id)).toEqual([again.id, started.id]);
    expect(counts.cancelled).toBe(1);
    await expect(core.client.call('activity.runNow', { functionId: 'no-such-thing' })).rejects.toThrow(/does not exist/);
  });

  it('has no notifications or digest before anything ran', async () => {
    expect(await core.client.call('notifications.list', {})).toEqual({ notifications: [], unread: 0 });
    expect(await core.client.call('digest.latest')).toBeNull();
    expect(await core.client.call('activity.sources')).toEqual([]);
  });
});
