import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { engineHarness, testEvent } from '../../../test-support/engine-harness';
import type { EngineFunction } from './engine-function';
import { StepGaveUp } from './run-signals';

let h: ReturnType<typeof engineHarness>;
beforeEach(() => {
  h = engineHarness();
});
afterEach(async () => {
  await h.close();
});

const onScenario = (id: string, handler: EngineFunction['handler'], extra: Partial<EngineFunction> = {}): EngineFunction => ({
  id,
  name: id,
  trigger: { event: 'test/scenario' },
  handler,
  ...extra,
});

describe('events', () => {
  it('stores an event with the runs it starts, and runs each once even when the event comes twice', async () => {
    const seen: string[] = [];
    const engine = h.engine([
      onScenario('first', async ({ event }) => void seen.push(`first:${event.id}`)),
      onScenario('second', async ({ event }) => void seen.push(`second:${event.id}`)),
      { id: 'other', name: 'other', trigger: { event: 'email/received' }, handler: async () => void seen.push('other') },
    ]);
    engine.start();
    expect(engine.bus.publish(testEvent('e1'))).toEqual({ id: 'e1', duplicate: false, functionIds: ['first', 'second'] });
    expect(engine.bus.publish(testEvent('e1'))).toEqual({ id: 'e1', duplicate: true, functionIds: [] });
    await engine.drain();
    expect(seen.sort()).toEqual(['first:e1', 'second:e1']);
    expect(h.runs.counts().completed).toBe(2);
  });

  it('matches `.*` patterns and trigger conditions', async () => {
    const seen: string[] = [];
    const engine = h.engine([
      {
        id: 'prs',
        name: 'prs',
        trigger: { event: 'github/pull_request.*', if: (e) => (e.data as { draft?: boolean }).draft !== true },
        handler: async ({ event }) => void seen.push(event.type),
      },
    ]);
    engine.start();
    engine.bus.publish(testEvent('p1', 'github/pull_request.opened'));
    engine.bus.publish(testEvent('p2', 'github/pull_request.opened', { draft: true }));
    engine.bus.publish(testEvent('p3', 'github/pull_request.review_requested'));
    await engine.drain();
    expect(seen.sort()).toEqual(['github/pull_request.opened', 'github/pull_request.review_requested']);
  });

  it('refuses an event that is not an IzzieEvent, saying why', () => {
    const engine = h.engine([]);
    expect(() => engine.bus.publish(testEvent('x', 'github/push'))).toThrow(/"github\/push" is not an event type Izzie knows/);
    expect(() => engine.bus.publish({ ...testEvent('y'), source: 'somewhere' })).toThrow(/source/);
    expect(() => engine.bus.publish({ ...testEvent('has space') })).toThrow(/printable ASCII/);
  });
});

describe('durable runs', () => {
  it('saves each step and hands back its saved result on resume, without running it again', async () => {
    const calls: string[] = [];
    const keys: string[] = [];
    let release: () => void = () => undefined;
    const hang = new Promise<void>((resolve) => (release = resolve));
    const steps = (blockSecond: boolean): EngineFunction =>
      onScenario('three-steps', async ({ step }) => {
        const a = await step.run('fetch', () => {
          calls.push('fetch');
          return { n: 41 };
        });
        const b = await step.run('send', async ({ idempotencyKey }) => {
          calls.push('send');
          keys.push(idempotencyKey);
          if (blockSecond) await hang; // the process "dies" here
          return a.n + 1;
        });
        return { b };
      });

    const before = h.engine([steps(true)]);
    before.start();
    before.bus.publish(testEvent('e1'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(calls).toEqual(['fetch', 'send']);
    expect(h.runs.list({ limit: 5 })[0]?.status).toBe('running');

    // A new process on the same file: the interrupted run resumes after its last saved step.
    const after = h.engine([steps(false)]);
    after.start();
    await after.drain();
    expect(calls).toEqual(['fetch', 'send', 'send']);
    expect(keys[0]).toBe(keys[1]);
    const run = h.runs.list({ limit: 5 })[0];
    expect(run?.status).toBe('completed');
    expect(JSON.parse(run?.output ?? 'null')).toEqual({ b: 42 });
    expect(h.runs.steps(run?.id ?? '').map((s) => [s.stepKey, s.status])).toEqual([
      ['fetch', 'completed'],
      ['send', 'completed'],
    ]);
    release();
  });

  it('numbers steps that share a name, and memoizes each', async () => {
    let n = 0;
    const engine = h.engine([
      onScenario('loop', async ({ step }) => {
        const out: number[] = [];
        for (let i = 0; i < 3; i++) out.push(await step.run('tick', () => ++n));
        return out;
      }),
    ]);
    engine.start();
    engine.bus.publish(testEvent('e1'));
    await engine.drain();
    const run = h.runs.list({ limit: 1 })[0];
    expect(JSON.parse(run?.output ?? 'null')).toEqual([1, 2, 3]);
    expect(h.runs.steps(run?.id ?? '').map((s) => s.stepKey)).toEqual(['tick', 'tick#2', 'tick#3']);
  });

  it('retries a failing step with exponential backoff and jitter, then goes on', async () => {
    let tries = 0;
    const engine = h.engine([
      onScenario(
        'flaky',
        async ({ step }) =>
          step.run('call', ({ attempt }) => {
            tries++;
            if (attempt < 3) throw new Error(`provider timeout ${attempt}`);
            return 'ok';
          }),
        { backoff: { baseMs: 1_000, maxMs: 60_000 } },
      ),
    ]);
    engine.start();
    engine.bus.publish(testEvent('e1'));
    await engine.drain();
    let run = h.runs.list({ limit: 1 })[0];
    expect(run?.status).toBe('queued');
    // random() is 0.5 in the harness: half of the delay plus half of the other half.
    expect((run?.wakeAt ?? 0) - h.clock.at).toBe(750);
    h.advance(750);
    await engine.drain();
    run = h.runs.get(run?.id ?? '') ?? undefined;
    expect((run?.wakeAt ?? 0) - h.clock.at).toBe(1_500);
    h.advance(1_500);
    await engine.drain();
    run = h.runs.get(run?.id ?? '') ?? undefined;
    expect(run?.status).toBe('completed');
    expect(tries).toBe(3);
    expect(h.runs.steps(run?.id ?? '')[0]).toMatchObject({ status: 'completed', attempts: 3 });
  });

  it('fails a run whose step exhausts its retries, shows why, and replays it from the first step', async () => {
    let fail = true;
    const log: string[] = [];
    const engine = h.engine([
      onScenario(
        'doomed',
        async ({ step }) => {
          await step.run('prepare', () => {
            log.push('prepare');
            return null;
          });
          return step.run('deliver', () => {
            log.push('deliver');
            if (fail) throw new Error('503 from the provider');
            return 'delivered';
          });
        },
        { retries: 2, backoff: { baseMs: 10, maxMs: 10 } },
      ),
    ]);
    engine.start();
    engine.bus.publish(testEvent('e1'));
    for (let i = 0; i < 4; i++) {
      await engine.drain();
      h.advance(10);
    }
    const failed = h.runs.list({ limit: 1 })[0];
    expect(failed?.status).toBe('failed');
    expect(failed?.error).toBe('Step "deliver" failed after 3 tries: 503 from the provider');
    expect(log).toEqual(['prepare', 'deliver', 'deliver', 'deliver']);

    fail = false;
    const replay = engine.replay(failed?.id ?? '');
    expect(replay.replayOf).toBe(failed?.id);
    await engine.drain();
    expect(h.runs.get(replay.id)?.status).toBe('completed');
    expect(log.slice(4)).toEqual(['prepare', 'deliver']);
    expect(() => engine.replay(replay.id.replace('run', 'nope'))).toThrow(/does not exist/);
  });

  it('lets a handler catch a step that gave up and go on', async () => {
    const engine = h.engine([
      onScenario(
        'tolerant',
        async ({ step }) => {
          try {
            await step.run('optional', () => {
              throw new Error('no calendar connected');
            });
          } catch (error) {
            if (!(error instanceof StepGaveUp)) throw error;
          }
          return step.run('rest', () => 'fine');
        },
        { retries: 0 },
      ),
    ]);
    engine.start();
    engine.bus.publish(testEvent('e1'));
    await engine.drain();
    expect(h.runs.list({ limit: 1 })[0]).toMatchObject({ status: 'completed', output: '"fine"' });
  });

  it('retries a handler that throws outside any step, then fails it', async () => {
    const engine = h.engine([
      onScenario(
        'broken',
        () => {
          throw new Error('bad code');
        },
        { retries: 1, backoff: { baseMs: 5, maxMs: 5 } },
      ),
    ]);
    engine.start();
    engine.bus.publish(testEvent('e1'));
    await engine.drain();
    expect(h.runs.list({ limit: 1 })[0]?.status).toBe('queued');
    h.advance(5);
    await engine.drain();
    expect(h.runs.list({ limit: 1 })[0]).toMatchObject({
      status: 'failed',
      error: 'The function failed after 2 tries: bad code',
    });
  });

  it('sleeps from the first time the sleep is reached, and goes on after', async () => {
    const engine = h.engine([
      onScenario('nap', async ({ step }) => {
        await step.sleep('wait', 60_000);
        return step.run('after', () => 'woke');
      }),
    ]);
    engine.start();
    engine.bus.publish(testEvent('e1'));
    await engine.drain();
    const run = h.runs.list({ limit: 1 })[0];
    expect(run).toMatchObject({ status: 'sleeping', wakeAt: h.clock.at + 60_000 });
    h.advance(30_000);
    await engine.drain();
    expect(h.runs.get(run?.id ?? '')).toMatchObject({ status: 'sleeping', wakeAt: h.clock.at + 30_000 });
    h.advance(30_000);
    await engine.drain();
    expect(h.runs.get(run?.id ?? '')).toMatchObject({ status: 'completed', output: '"woke"' });
  });

  it('sends events from a step once, however often the run resumes', async () => {
    const seen: string[] = [];
    const engine = h.engine([
      onScenario('fan-out', async ({ step }) => {
        const sent = await step.sendEvent('escalate', { type: 'izzie/escalate', data: { why: 'test' }, metadata: {} });
        await step.sleep('then', 1_000);
        return sent.id;
      }),
      {
        id: 'orchestrate',
        name: 'o',
        trigger: { event: 'izzie/escalate' },
        handler: async ({ event }) => void seen.push(event.id),
      },
    ]);
    engine.start();
    engine.bus.publish(testEvent('e1'));
    await engine.drain();
    h.advance(1_000);
    await engine.drain();
    expect(seen).toHaveLength(1);
    expect(h.runs.counts()).toMatchObject({ completed: 2, queued: 0, sleeping: 0 });
  });
});

describe('control', () => {
  it('cancels a running run through its signal, and a sleeping one before it wakes', async () => {
    let aborted = false;
    const engine = h.engine([
      onScenario('long', async ({ step }) => {
        await step.run(
          'wait',
          ({ signal }) =>
            new Promise<null>((_, reject) =>
              signal.addEventListener('abort', () => ((aborted = true), reject(new Error('aborted')))),
            ),
        );
      }),
      { id: 'nap', name: 'nap', trigger: { event: 'email/received' }, handler: async ({ step }) => step.sleep('s', 10_000) },
    ]);
    engine.start();
    engine.bus.publish(testEvent('e1'));
    engine.bus.publish(testEvent('m1', 'email/received'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    const [sleeping, running] = [
      h.runs.list({ functionId: 'nap', limit: 1 })[0],
      h.runs.list({ functionId: 'long', limit: 1 })[0],
    ];
    expect(running?.status).toBe('running');
    engine.cancel(running?.id ?? '');
    engine.cancel(sleeping?.id ?? '');
    await engine.drain();
    h.advance(10_000);
    await engine.drain();
    expect(aborted).toBe(true);
    expect(h.runs.get(running?.id ?? '')).toMatchObject({ status: 'cancelled', error: 'Cancelled by you.' });
    expect(h.runs.get(sleeping?.id ?? '')?.status).toBe('cancelled');
    expect(() => engine.cancel(running?.id ?? '')).toThrow(/already cancelled/);
  });

  it('starts nothing pausable while paused, and picks up where it was on resume', async () => {
    const seen: string[] = [];
    const engine = h.engine([
      onScenario('proactive', async () => void seen.push('proactive')),
      onScenario('essential', async () => void seen.push('essential'), { pausable: false }),
    ]);
    engine.start();
    h.state.paused = true;
    engine.bus.publish(testEvent('e1'));
    await engine.drain();
    expect(seen).toEqual(['essential']);
    h.state.paused = false;
    engine.wake();
    await engine.drain();
    expect(seen).toEqual(['essential', 'proactive']);
  });

  it('keeps a function under its concurrency limit', async () => {
    let inFlight = 0;
    let most = 0;
    const engine = h.engine([
      onScenario(
        'serial',
        async ({ step }) =>
          step.run('work', async () => {
            most = Math.max(most, ++inFlight);
            await new Promise((resolve) => setTimeout(resolve, 5));
            inFlight--;
            return null;
          }),
        { concurrency: 1 },
      ),
    ]);
    engine.start();
    for (let i = 0; i < 5; i++) engine.bus.publish(testEvent(`e${i}`));
    await engine.drain();
    expect(most).toBe(1);
    expect(h.runs.counts().completed).toBe(5);
  });

  it('fails a run whose function is no longer part of Izzie', async () => {
    const old = h.engine([onScenario('retired', async ({ step }) => step.sleep('s', 1_000))]);
    old.start();
    old.bus.publish(testEvent('e1'));
    await old.drain();
    await old.stop();
    const now = h.engine([]);
    now.start();
    h.advance(1_000);
    await now.drain();
    expect(h.runs.list({ limit: 1 })[0]).toMatchObject({
      status: 'failed',
      error: 'The function retired is no longer part of Izzie.',
    });
  });

  it('refuses ids that are not lowercase, and two functions with one id', () => {
    expect(() => h.engine([onScenario('Digest', async () => undefined)])).toThrow(/lowercase/);
    expect(() => h.engine([onScenario('a', async () => undefined), onScenario('a', async () => undefined)])).toThrow(
      /Two functions/,
    );
  });
});
