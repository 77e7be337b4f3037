import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { engineHarness, testEvent } from '../../../../test-support/engine-harness';
import { recordingLogger } from '../../../../test-support/recording-logger';
import { IngressRepo } from '../../store/ingress-repo';
import type { Engine } from '../engine';
import type { PollResult, PollSource } from './poll-source';
import { PollingIngress } from './polling-ingress';

let h: ReturnType<typeof engineHarness>;
let engine: Engine;
let repo: IngressRepo;
beforeEach(() => {
  h = engineHarness();
  engine = h.engine([]);
  repo = new IngressRepo(h.db);
});
afterEach(async () => {
  await h.close();
});

/** A source that answers from a script and records the cursors it was asked from. */
function scripted(id: string, answers: Array<PollResult | Error>): PollSource & { cursors: Array<string | null> } {
  const cursors: Array<string | null> = [];
  return {
    id,
    label: id,
    intervalMs: 60_000,
    cursors,
    poll: async (cursor) => {
      cursors.push(cursor);
      const next = answers.shift();
      if (!next) throw new Error('nothing scripted');
      if (next instanceof Error) throw next;
      return next;
    },
  };
}

const ingressFor = (sources: PollSource[], extra: Partial<ConstructorParameters<typeof PollingIngress>[0]> = {}) =>
  new PollingIngress({
    repo,
    publish: (event) => engine.bus.publish(event),
    sources: () => sources,
    clock: h.clock,
    log: recordingLogger(() => undefined),
    paused: () => h.state.paused,
    random: () => 0.5,
    ...extra,
  });

describe('polling ingress', () => {
  it('starts from a baseline, then delivers what is new on the bus once, and moves its cursor', async () => {
    const source = scripted('github:notifications', [
      { events: [], cursor: 'c1' },
      { events: [testEvent('n1', 'github/pull_request.opened'), testEvent('n2', 'github/pull_request.opened')], cursor: 'c2' },
      { events: [testEvent('n2', 'github/pull_request.opened')], cursor: 'c3' },
    ]);
    const ingress = ingressFor([source]);
    await ingress.pollNow();
    await ingress.pollNow();
    await ingress.pollNow();
    expect(source.cursors).toEqual([null, 'c1', 'c2']);
    expect(repo.get(source.id)).toMatchObject({ cursor: 'c3', delivered: 2, failures: 0, nextPollAt: h.clock.at + 60_000 });
    expect(h.events.get('n1')?.source).toBe('poll');
  });

  it('backs off after failures with growing waits, shows the error, and recovers', async () => {
    const errors: string[] = [];
    const source = scripted('linear:issues', [
      { events: [], cursor: 'c1' },
      new Error('503 Service Unavailable'),
      new Error('503 Service Unavailable'),
      { events: [], cursor: 'c2' },
    ]);
    const ingress = ingressFor([source], { onError: (_, error) => errors.push(String(error)) });
    await ingress.pollNow();
    await ingress.pollNow();
    const first = repo.get(source.id);
    expect(first).toMatchObject({ failures: 1, lastError: '503 Service Unavailable', cursor: 'c1' });
    await ingress.pollNow();
    const second = repo.get(source.id);
    expect((second?.nextPollAt ?? 0) - h.clock.at).toBeGreaterThan((first?.nextPollAt ?? 0) - h.clock.at);
    await ingress.pollNow();
    expect(repo.get(source.id)).toMatchObject({ failures: 0, lastError: null, cursor: 'c2' });
    expect(errors).toHaveLength(2);
  });

  it('keeps its cursor when the bus refuses part of a poll, so the next poll delivers the rest', async () => {
    const batch = { events: [testEvent('a', 'email/received'), testEvent('b', 'email/received')], cursor: 'after-b' };
    const source = scripted('google:gmail', [{ events: [], cursor: 'start' }, batch, batch]);
    let refuse = true;
    const ingress = ingressFor([source], {
      publish: (event) => {
        if (refuse && (event as { id: string }).id === 'b') throw new Error('disk full');
        return engine.bus.publish(event);
      },
    });
    await ingress.pollNow();
    await ingress.pollNow();
    expect(repo.get(source.id)?.cursor).toBe('start');
    refuse = false;
    await ingress.pollNow();
    expect(source.cursors).toEqual([null, 'start', 'start']);
    expect(repo.get(source.id)).toMatchObject({ cursor: 'after-b', delivered: 1 });
    expect(h.events.get('a')).not.toBeNull();
    expect(h.events.get('b')).not.toBeNull();
  });

  it('polls nothing while proactive work is paused, and polls on resume', async () => {
    const source = scripted('google:calendar', [{ events: [], cursor: 'c1' }]);
    const ingress = ingressFor([source]);
    h.state.paused = true;
    ingress.start();
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(source.cursors).toEqual([]);
    h.state.paused = false;
    ingress.wake();
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(source.cursors).toEqual([null]);
    await ingress.stop();
  });

  it('forgets the cursors of a disconnected account', async () => {
    repo.succeeded('google:gmail', 'h1', 0, 0, 0);
    repo.succeeded('google:calendar', 's1', 0, 0, 0);
    repo.succeeded('github:notifications', 't', 0, 0, 0);
    repo.forget('google');
    expect(repo.all().map((s) => s.sourceId)).toEqual(['github:notifications']);
  });
});
