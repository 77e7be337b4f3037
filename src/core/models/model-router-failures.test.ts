import { afterEach, describe, expect, it } from 'vitest';
import { fakeStep } from '../../../test-support/fake-model-server';
import { CoreError } from '../errors';
import { startModelKit, TEST_API_KEY, type ModelKit, type ModelKitOptions } from '../../../test-support/model-test-kit';
import type { ModelCallRequest, ModelStreamEvent } from './model-types';

const ask = (extra: Partial<ModelCallRequest> = {}): ModelCallRequest => ({
  task: 'chat',
  purpose: 'test.call',
  messages: [{ role: 'user', content: 'hello' }],
  ...extra,
});

const failureOf = async (promise: Promise<unknown>): Promise<CoreError> => {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof CoreError)) throw new Error(`expected a CoreError, got ${String(error)}`);
  return error;
};

describe('the model router when the provider misbehaves', () => {
  let kit: ModelKit;
  const start = async (options: ModelKitOptions = {}) => {
    kit = await startModelKit(options);
    kit.models.config.setTier({
      tier: 'standard',
      model: 'fake/primary',
      maxTokens: 100,
      temperature: 0.5,
      fallbackModel: 'fake/backup',
    });
    return kit;
  };
  afterEach(async () => {
    await kit.close();
  });

  it('waits exactly what Retry-After asks (2 s) after a 429, then succeeds', async () => {
    await start();
    kit.fake.enqueue(fakeStep.error(429, { retryAfter: 2, message: 'Rate limit exceeded' }));
    kit.fake.enqueue(fakeStep.text('finally'));
    const events: ModelStreamEvent[] = [];
    const result = await kit.models.router.complete(ask(), (e) => events.push(e));
    expect(result.text).toBe('finally');
    expect(kit.sleeps).toEqual([2000]);
    expect(events[0]).toEqual({ type: 'retry', attempt: 2, delayMs: 2000, reason: '429: Rate limit exceeded' });
    expect(kit.fake.requests).toHaveLength(2);
  });

  it('backs off exponentially with jitter when the provider gives no Retry-After', async () => {
    await start({ random: () => 1 });
    kit.fake.enqueue(fakeStep.error(503));
    kit.fake.enqueue(fakeStep.error(502));
    kit.fake.enqueue(fakeStep.text('up again'), { model: 'fake/primary' });
    await kit.models.router.complete(ask());
    expect(kit.sleeps).toEqual([1000, 2000]);
  });

  it('refuses to wait longer than the cap and says when to try again', async () => {
    await start();
    kit.fake.enqueue(fakeStep.error(429, { retryAfter: 3600, message: 'quota exhausted' }));
    const error = await failureOf(kit.models.router.complete(ask()));
    expect(error.code).toBe('PROVIDER_UNAVAILABLE');
    expect(error.message).toMatch(/asks to wait 3600 s\. Try again after \d\d:\d\d\./);
    expect(kit.sleeps).toEqual([]);
    expect(kit.fake.requests).toHaveLength(1);
  });

  it('moves to the tier’s fallback model once the primary fails three times with 500', async () => {
    await start();
    for (let i = 0; i < 3; i++)
      kit.fake.enqueue(fakeStep.error(500, { message: 'upstream overloaded' }), { model: 'fake/primary' });
    kit.fake.enqueue(fakeStep.text('from the backup'), { model: 'fake/backup' });
    const events: ModelStreamEvent[] = [];
    const result = await kit.models.router.complete(ask(), (e) => events.push(e));
    expect(result).toMatchObject({ model: 'fake/backup', text: 'from the backup' });
    expect(kit.fake.requests.map((r) => (r.body as { model: string }).model)).toEqual([
      'fake/primary',
      'fake/primary',
      'fake/primary',
      'fake/backup',
    ]);
    expect(events.filter((e) => e.type !== 'text')).toEqual([
      expect.objectContaining({ type: 'retry', attempt: 2 }),
      expect.objectContaining({ type: 'retry', attempt: 3 }),
      { type: 'fallback', model: 'fake/backup' },
    ]);
  });

  it('gives up with PROVIDER_UNAVAILABLE naming what the provider said, one audit entry per attempt', async () => {
    await start();
    for (let i = 0; i < 4; i++) kit.fake.enqueue(fakeStep.error(503, { message: 'no capacity for this model' }));
    const error = await failureOf(kit.models.router.complete(ask()));
    expect(error.code).toBe('PROVIDER_UNAVAILABLE');
    expect(error.message).toContain('503 no capacity for this model');
    expect(error.message).toContain('fake/primary 3×, then fake/backup 1×');
    const rows = kit.auditRows();
    expect(rows.map((r) => [r.model, r.success, r.error, JSON.parse(r.input ?? '{}').attempt])).toEqual([
      ['fake/primary', 0, '503: no capacity for this model', 1],
      ['fake/primary', 0, '503: no capacity for this model', 2],
      ['fake/primary', 0, '503: no capacity for this model', 3],
      ['fake/backup', 0, '503: no capacity for this model', 4],
    ]);
  });

  it('does not retry a refused key (401) and points to Settings → Models', async () => {
    await start({ apiKey: 'sk-wrong-key-000000' });
    const error = await failureOf(kit.models.router.complete(ask()));
    expect(error.code).toBe('PROVIDER_NOT_CONFIGURED');
    expect(error.message).toBe(`The provider at ${kit.fake.url} refused the API key (401). Check the key in Settings → Models.`);
    expect(kit.fake.requests).toHaveLength(1);
    expect(kit.sleeps).toEqual([]);
  });

  it('does not retry an unknown model (404) and names the model and the tier', async () => {
    await start();
    kit.fake.enqueue(fakeStep.error(404, { message: 'No endpoints found for fake/primary.' }));
    const error = await failureOf(kit.models.router.complete(ask()));
    expect(error.message).toContain('does not know the model "fake/primary" of the standard tier');
    expect(error.message).toContain('Pick another model for the standard tier in Settings → Models.');
    expect(kit.fake.requests).toHaveLength(1);
  });

  it('times out a hanging attempt and retries it', async () => {
    await start({ timeoutMs: 150 });
    kit.fake.enqueue(fakeStep.hang());
    kit.fake.enqueue(fakeStep.text('awake'));
    const result = await kit.models.router.complete(ask());
    expect(result.text).toBe('awake');
    expect(kit.auditRows()[0]?.error).toBe('timeout: no answer within 150 ms');
  });

  it('times out a stream that stalls mid-way, and retries a stream that breaks or arrives garbled', async () => {
    await start({ timeoutMs: 150 });
    kit.fake.enqueue(fakeStep.text(['par', 'tial'], { stallAfter: 1 }));
    kit.fake.enqueue(fakeStep.text(['cut', ' off'], { breakAfter: 1 }));
    kit.fake.enqueue(fakeStep.malformed(), { model: 'fake/backup' });
    await expect(kit.models.router.complete(ask())).rejects.toThrow(CoreError);
    expect(kit.auditRows().map((r) => r.error)).toEqual([
      'timeout: no answer within 150 ms',
      'connection: the connection dropped',
      expect.stringMatching(/^500: fake model server: nothing scripted/),
      'malformed: the answer was not valid JSON',
    ]);
  });

  it('aborts mid-stream at once: CANCELLED, and no further request reaches the provider', async () => {
    await start();
    kit.fake.enqueue(fakeStep.text(['Hel', 'lo'], { stallAfter: 1 }));
    kit.fake.enqueue(fakeStep.text('must never be asked for'));
    const stop = new AbortController();
    const events: ModelStreamEvent[] = [];
    const started = Date.now();
    const error = await failureOf(
      kit.models.router.complete(ask({ signal: stop.signal }), (e) => {
        events.push(e);
        if (e.type === 'text') stop.abort();
      }),
    );
    expect(error.code).toBe('CANCELLED');
    expect(Date.now() - started).toBeLessThan(1_000); // well under the 2 s attempt timeout
    expect(events).toEqual([{ type: 'text', delta: 'Hel' }]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(kit.fake.requests).toHaveLength(1);
    expect(kit.fake.remaining()).toBe(1);
    expect(kit.auditRows().map((r) => r.error)).toEqual(['CANCELLED: stopped by the user']);
  });

  it('aborts during the backoff wait at once: CANCELLED, and the retry never happens', async () => {
    const stop = new AbortController();
    let sleeping: Promise<void> | null = null;
    await start({
      sleep: (_ms, signal) => {
        sleeping = new Promise<void>((resolve) => signal?.addEventListener('abort', () => resolve(), { once: true }));
        stop.abort();
        return sleeping;
      },
    });
    kit.fake.enqueue(fakeStep.error(429, { retryAfter: 30 }));
    kit.fake.enqueue(fakeStep.text('must never be asked for'));
    const error = await failureOf(kit.models.router.complete(ask({ signal: stop.signal })));
    expect(error.code).toBe('CANCELLED');
    expect(sleeping).not.toBeNull();
    expect(kit.sleeps).toEqual([30_000]);
    expect(kit.fake.requests).toHaveLength(1);
    expect(kit.auditRows().map((r) => r.error)).toEqual(['429: fake error 429']);
  });

  it('does not call the provider at all when the signal already fired', async () => {
    await start();
    const stop = new AbortController();
    stop.abort();
    expect((await failureOf(kit.models.router.complete(ask({ signal: stop.signal })))).code).toBe('CANCELLED');
    expect(kit.fake.requests).toHaveLength(0);
  });

  it('answers PROVIDER_NOT_CONFIGURED without a provider, or without the key a provider requires', async () => {
    await start();
    kit.models.config.setProvider({ kind: 'openrouter' });
    const noKey = await failureOf(kit.models.router.complete(ask()));
    expect(noKey).toMatchObject({
      code: 'PROVIDER_NOT_CONFIGURED',
      message: 'OpenRouter needs an API key. Add it in Settings → Models.',
    });
    kit.models.config.clearProvider();
    const none = await failureOf(kit.models.router.complete(ask()));
    expect(none).toMatchObject({ code: 'PROVIDER_NOT_CONFIGURED', message: expect.stringContaining('Settings → Models') });
    expect(kit.fake.requests).toHaveLength(0);
    expect(await kit.models.readiness()).toEqual({ ready: false, message: none.message });
  });

  it('keeps the API key out of audit rows, thrown messages and log lines, even when the provider echoes it', async () => {
    await start();
    kit.fake.enqueue(fakeStep.error(400, { message: `Bad request from key ${TEST_API_KEY}` }));
    const rejected = await failureOf(kit.models.router.complete(ask()));
    for (let i = 0; i < 4; i++) kit.fake.enqueue(fakeStep.error(500, { message: `internal: ${TEST_API_KEY}` }));
    const exhausted = await failureOf(kit.models.router.complete(ask()));
    expect(rejected.message).toContain('[redacted]');
    for (const text of [rejected.message, exhausted.message, JSON.stringify(kit.auditRows()), ...kit.logLines]) {
      expect(text).not.toContain(TEST_API_KEY);
    }
    expect(kit.logLines.length).toBeGreaterThan(0);
  });
});
