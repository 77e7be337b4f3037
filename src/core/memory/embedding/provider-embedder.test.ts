import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  fakeEmbedding,
  fakeEmbeddingsStep,
  startFakeEmbeddingsServer,
  type FakeEmbeddingsServer,
} from '../../../../test-support/fake-embeddings-server';
import { CoreError } from '../../errors';
import type { ProviderConnection } from '../../models/model-config-service';
import { BLANK_TEXT } from './blank-text';
import { ProviderEmbedder, type ProviderEmbedderOptions } from './provider-embedder';

const API_KEY = 'sk-or-test-0123456789abcdef';
const MODEL = 'openai/text-embedding-3-small';

const length = (v: ArrayLike<number>): number => Math.sqrt(Array.from(v).reduce((sum, x) => sum + x * x, 0));

const failureOf = async (promise: Promise<unknown>): Promise<CoreError> => {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof CoreError)) throw new Error(`expected a CoreError, got ${String(error)}`);
  return error;
};

describe('the provider embedder (an OpenAI-compatible /embeddings endpoint)', () => {
  let fake: FakeEmbeddingsServer;
  let connects = 0;
  const embedder = (options: Partial<ProviderEmbedderOptions> = {}) =>
    new ProviderEmbedder({
      model: MODEL,
      connect: async (): Promise<ProviderConnection> => {
        connects++;
        return { kind: 'openrouter', baseUrl: fake.baseUrl, timeoutMs: 2_000, label: 'OpenRouter', apiKey: API_KEY, headers: {} };
      },
      ...options,
    });

  beforeEach(async () => {
    connects = 0;
    fake = await startFakeEmbeddingsServer({ requireApiKey: API_KEY, models: [MODEL] });
  });
  afterEach(() => fake.close());

  it('sends batches of 64 and returns unit vectors, each in its text’s place', async () => {
    const texts = Array.from({ length: 150 }, (_, i) => `fact number ${i} about project ${i % 7}`);
    const vectors = await embedder().embed(texts);
    expect(fake.requests.map((r) => r.input.length)).toEqual([64, 64, 22]);
    expect(fake.requests.every((r) => r.model === MODEL && r.encodingFormat === 'float')).toBe(true);
    expect(connects).toBe(1);
    vectors.forEach((vector, i) => {
      const raw = fakeEmbedding(texts[i] ?? '', 48);
      expect(length(raw)).toBeGreaterThan(1.5);
      expect(length(vector)).toBeCloseTo(1, 5);
      const expected = raw.map((x) => x / length(raw));
      expect(Array.from(vector).map((x) => Math.round(x * 1e5))).toEqual(expected.map((x) => Math.round(x * 1e5)));
    });
  });

  it('learns the dimension from the first answer and refuses vectors of another size later', async () => {
    const e = embedder();
    expect(e.info).toEqual({ kind: 'provider', model: MODEL, dimension: null, label: `${MODEL} (your model provider)` });
    await e.embed(['hello']);
    expect(e.info.dimension).toBe(48);
    fake.dimension = 32;
    const error = await failureOf(e.embed(['hello again']));
    expect(error.code).toBe('PROVIDER_UNAVAILABLE');
    expect(error.message).toMatch(
      /^OpenRouter returned 32-dimensional vectors for .*, but its earlier vectors had 48 dimensions\./,
    );
    expect(e.info.dimension).toBe(48);
  });

  it('embeds blank texts as the placeholder (the endpoint refuses empty strings)', async () => {
    const vectors = await embedder().embed(['', '  ', 'Dana']);
    expect(vectors).toHaveLength(3);
    expect(fake.requests[0]?.input).toEqual([BLANK_TEXT, BLANK_TEXT, 'Dana']);
  });

  it('waits what Retry-After asks after a 429, under the cap, then succeeds', async () => {
    fake.enqueue(fakeEmbeddingsStep.error(429, { retryAfter: '0.3', message: 'Rate limit exceeded' }));
    const vectors = await embedder({ retry: { maxRetryAfterMs: 1_000 } }).embed(['one', 'two']);
    expect(vectors).toHaveLength(2);
    const [first, second] = fake.requests;
    expect(second && first && second.at - first.at).toBeGreaterThanOrEqual(290);
  });

  it('does not wait when Retry-After is longer than the cap, and says when to come back', async () => {
    fake.enqueue(fakeEmbeddingsStep.error(429, { retryAfter: '120', message: 'Rate limit exceeded' }));
    const error = await failureOf(embedder({ retry: { maxRetryAfterMs: 1_000 } }).embed(['one']));
    expect(error.message).toBe(
      'OpenRouter is busy (429 Rate limit exceeded) and asks to wait 120 s before embedding more text. Try again later.',
    );
    expect(fake.requests).toHaveLength(1);
  });

  it('retries 5xx with backoff, and reports the last answer once every attempt failed', async () => {
    const quick = { retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 2 } };
    fake.enqueue(fakeEmbeddingsStep.error(502));
    await expect(embedder(quick).embed(['one'])).resolves.toHaveLength(1);
    expect(fake.requests).toHaveLength(2);

    fake.enqueue(...[500, 503, 500].map((status) => fakeEmbeddingsStep.error(status, { message: 'upstream exploded' })));
    const error = await failureOf(embedder(quick).embed(['two']));
    expect(error.message).toBe(
      'OpenRouter could not embed the text (tried 3×). It last said: 500 upstream exploded. Try again in a moment.',
    );
    expect(fake.requests).toHaveLength(5);
  });

  it('says readably why the provider refused, without retrying', async () => {
    const badKey = await failureOf(
      new ProviderEmbedder({
        model: MODEL,
        connect: async () => ({
          kind: 'openrouter',
          baseUrl: fake.baseUrl,
          timeoutMs: 2_000,
          label: 'OpenRouter',
          apiKey: 'sk-wrong',
          headers: {},
        }),
      }).embed(['x']),
    );
    expect(badKey.code).toBe('PROVIDER_NOT_CONFIGURED');
    expect(badKey.message).toBe('OpenRouter refused the API key (401). Check the key in Settings → Models.');

    const unknown = await failureOf(embedder({ model: 'openai/no-such-model' }).embed(['x']));
    expect(unknown.message).toMatch(/^OpenRouter does not know the embedding model "openai\/no-such-model" \(404: The model/);

    fake.enqueue(fakeEmbeddingsStep.error(400, { message: 'this model does not support embeddings' }));
    const refused = await failureOf(embedder().embed(['x']));
    expect(refused.message).toBe(
      `OpenRouter refused the embedding request for ${MODEL}: 400 this model does not support embeddings.`,
    );
    expect(fake.requests).toHaveLength(3);
  });

  it('refuses an answer it cannot use instead of storing wrong vectors', async () => {
    const vector = (index: number, size = 48) => ({ object: 'embedding', index, embedding: new Array<number>(size).fill(1) });
    const cases: Array<[unknown, string]> = [
      [{ object: 'list' }, 'the answer has no list of vectors'],
      [{ data: [vector(0)] }, '1 vectors for 2 texts'],
      [{ data: [vector(0), vector(0)] }, 'the vectors are numbered wrongly'],
      [{ data: [vector(0, 0), vector(1, 0)] }, 'an empty vector'],
    ];
    for (const [body, why] of cases) {
      fake.enqueue(fakeEmbeddingsStep.answer(body));
      const error = await failureOf(embedder().embed(['one', 'two']));
      expect(error.message).toBe(
        `OpenRouter answered the embedding request for ${MODEL} with something Izzie cannot use: ${why}.`,
      );
    }
    expect(fake.requests).toHaveLength(cases.length);
  });

  it('cancels before sending, during a Retry-After wait, and while a request is in flight', async () => {
    expect((await failureOf(embedder().embed(['x'], AbortSignal.abort()))).code).toBe('CANCELLED');
    expect(fake.requests).toHaveLength(0);

    fake.enqueue(fakeEmbeddingsStep.error(429, { retryAfter: '30' }));
    const started = Date.now();
    expect((await failureOf(embedder().embed(['x'], AbortSignal.timeout(100)))).code).toBe('CANCELLED');

    fake.enqueue(fakeEmbeddingsStep.hang());
    expect((await failureOf(embedder().embed(['x'], AbortSignal.timeout(100)))).message).toBe(
      'Stopped: the embedding request was cancelled.',
    );
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(fake.requests).toHaveLength(2);
  });

  it('refuses calls once closed', async () => {
    const e = embedder();
    await e.close();
    expect((await failureOf(e.embed(['x']))).message).toMatch(/^The embedder was closed/);
    expect(connects).toBe(0);
  });
});
