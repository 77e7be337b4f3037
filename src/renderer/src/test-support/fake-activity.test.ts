import { describe, expect, it } from 'vitest';
import { RpcError, type RunView } from '../../../shared';
import { createFakeCore } from './fake-core';
import { notification, run } from './fake-activity';

const DONE = run({ id: 'done', createdAt: 3_000 });
const FAILED = run({ id: 'failed', status: 'failed', functionId: 'github-pr', createdAt: 2_000, error: 'GitHub answered 502' });
const SLEEPING = run({ id: 'sleeping', status: 'sleeping', createdAt: 1_000, finishedAt: null, wakeAt: 9_000 });

function start() {
  const core = createFakeCore({ activity: { runs: [SLEEPING, DONE, FAILED] } });
  const pushed: RunView[] = [];
  core.client.on('activity.run', ({ run: r }) => pushed.push(r));
  return { core, pushed };
}

async function refusal(call: Promise<unknown>): Promise<{ code: string; message: string }> {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof RpcError)) throw new Error('expected the call to be refused');
  return { code: error.code, message: error.message };
}

describe('fake core: activity', () => {
  it('lists newest first, filters by status, function and time, and counts every run', async () => {
    const { core } = start();
    const all = await core.client.call('activity.runs', {});
    expect(all.runs.map((r) => r.id)).toEqual(['done', 'failed', 'sleeping']);
    expect(all.counts).toEqual({ queued: 0, running: 0, sleeping: 1, completed: 1, failed: 1, cancelled: 0 });
    const failed = await core.client.call('activity.runs', { status: ['failed'] });
    expect(failed.runs.map((r) => r.id)).toEqual(['failed']);
    expect(failed.counts).toEqual(all.counts);
    expect((await core.client.call('activity.runs', { functionId: 'github-pr' })).runs.map((r) => r.id)).toEqual(['failed']);
    expect((await core.client.call('activity.runs', { before: 3_000, limit: 1 })).runs.map((r) => r.id)).toEqual(['failed']);
    expect(await refusal(core.client.call('activity.runs', { limit: 0 }))).toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('cancels only an unfinished run, and replays only a finished one as a new queued run', async () => {
    const { core, pushed } = start();
    expect(await refusal(core.client.call('activity.cancel', { id: 'done' }))).toEqual({
      code: 'CONFLICT',
      message: 'That run already completed.',
    });
    expect(await refusal(core.client.call('activity.replay', { id: 'sleeping' }))).toEqual({
      code: 'CONFLICT',
      message: 'Only a finished run can be replayed; this one has not finished.',
    });
    expect(await refusal(core.client.call('activity.run', { id: 'nope' }))).toMatchObject({ code: 'NOT_FOUND' });

    const cancelled = await core.client.call('activity.cancel', { id: 'sleeping' });
    expect(cancelled).toMatchObject({ status: 'cancelled', error: 'Cancelled by you.', wakeAt: null });
    const replay = await core.client.call('activity.replay', { id: 'failed' });
    expect(replay).toMatchObject({ status: 'queued', replayOf: 'failed', functionId: 'github-pr', steps: [], error: null });
    expect(replay.id).not.toBe('failed');
    expect(pushed.map((r) => [r.id, r.status])).toEqual([
      ['sleeping', 'cancelled'],
      [replay.id, 'queued'],
    ]);
    expect((await core.client.call('activity.runs', {})).runs[0]?.id).toBe(replay.id);
  });

  it('runs a function now, and refuses one it does not have', async () => {
    const { core, pushed } = start();
    const started = await core.client.call('activity.runNow', { functionId: 'morning-digest' });
    expect(started).toMatchObject({ functionName: 'Morning digest', status: 'queued', trigger: { summary: 'started by you' } });
    expect(pushed).toEqual([started]);
    expect(await refusal(core.client.call('activity.runNow', { functionId: 'nope' }))).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('counts unread notifications and says how many are left once some are read', async () => {
    const core = createFakeCore({
      activity: { notifications: [notification({ id: 'a' }), notification({ id: 'b' }), notification({ id: 'c', read: true })] },
    });
    const counts: number[] = [];
    core.client.on('notifications.unread', ({ unread }) => counts.push(unread));
    expect((await core.client.call('notifications.list', { unreadOnly: true })).notifications.map((n) => n.id)).toEqual([
      'a',
      'b',
    ]);
    expect(await core.client.call('notifications.read', { ids: ['a'] })).toEqual({ unread: 1 });
    expect(await core.client.call('notifications.read', {})).toEqual({ unread: 0 });
    expect(counts).toEqual([1, 0]);
  });
});
