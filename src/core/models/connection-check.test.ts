import { createServer } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeStep } from '../../../test-support/fake-model-server';
import { startModelKit, TEST_API_KEY, type ModelKit } from '../../../test-support/model-test-kit';

/** A port that was free a moment ago: nothing listens there, so connecting is refused. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('Test connection', () => {
  let kit: ModelKit;
  beforeEach(async () => {
    kit = await startModelKit({ models: ['fake/cheap', 'fake/standard'] });
  });
  afterEach(async () => {
    await kit.close();
  });

  it('lists the models of the stored provider', async () => {
    expect(await kit.models.testConnection()).toEqual({ ok: true, models: ['fake/cheap', 'fake/standard'] });
    expect(kit.fake.requests[0]?.headers.authorization).toBe(`Bearer ${TEST_API_KEY}`);
  });

  it('tries a candidate with a key the user has not saved yet, and saves nothing', async () => {
    await kit.secrets.delete('provider.custom.api-key');
    const result = await kit.models.testConnection({ kind: 'custom', baseUrl: kit.fake.url, apiKey: TEST_API_KEY });
    expect(result).toMatchObject({ ok: true });
    expect(kit.secrets.values.size).toBe(0);
  });

  it('names a refused key and where to fix it', async () => {
    const result = await kit.models.testConnection({ kind: 'custom', baseUrl: kit.fake.url, apiKey: 'sk-wrong-999999' });
    expect(result).toEqual({
      ok: false,
      reason: 'bad-key',
      message: `The provider at ${kit.fake.url} refused the API key (401). Check the key in Settings → Models.`,
    });
  });

  it('uses the preset’s name for a refused key', async () => {
    await kit.secrets.set('provider.openrouter.api-key', 'sk-or-wrong-1234');
    const result = await kit.models.testConnection({ kind: 'openrouter', baseUrl: kit.fake.url });
    expect(result).toMatchObject({
      reason: 'bad-key',
      message: 'OpenRouter refused the API key (401). Check the key in Settings → Models.',
    });
  });

  it('says when nothing answers (a closed port), with the preset’s hint', async () => {
    const baseUrl = `http://127.0.0.1:${await closedPort()}/v1`;
    expect(await kit.models.testConnection({ kind: 'ollama', baseUrl })).toEqual({
      ok: false,
      reason: 'unreachable',
      message: `Nothing answered at ${baseUrl} (connection refused). Is Ollama running?`,
    });
  });

  it('says when the base URL is not an OpenAI-compatible endpoint (404)', async () => {
    const baseUrl = kit.fake.url.replace(/\/v1$/, '/api');
    expect(await kit.models.testConnection({ kind: 'custom', baseUrl, apiKey: TEST_API_KEY })).toEqual({
      ok: false,
      reason: 'wrong-url',
      message: `${baseUrl} answered 404 for /models: this does not look like an OpenAI-compatible endpoint. Check the base URL.`,
    });
  });

  it('says when the provider does not answer in time', async () => {
    kit.fake.enqueue(fakeStep.hang(), { endpoint: 'models' });
    const result = await kit.models.testConnection({
      kind: 'custom',
      baseUrl: kit.fake.url,
      apiKey: TEST_API_KEY,
      timeoutMs: 150,
    });
    expect(result).toEqual({
      ok: false,
      reason: 'timeout',
      message: `${kit.fake.url} did not answer within 150 ms. Is the server running, and is the base URL right?`,
    });
  });

  it('passes on what the provider said when it fails', async () => {
    kit.fake.enqueue(fakeStep.error(503, { message: 'maintenance until 10:00' }), { endpoint: 'models' });
    expect(await kit.models.testConnection()).toEqual({
      ok: false,
      reason: 'provider-error',
      message: `The provider at ${kit.fake.url} answered 503 maintenance until 10:00. Try again in a moment.`,
    });
  });

  it('says a required key is missing instead of calling out', async () => {
    expect(await kit.models.testConnection({ kind: 'openai' })).toEqual({
      ok: false,
      reason: 'missing-key',
      message: 'OpenAI needs an API key. Add it in Settings → Models.',
    });
  });

  it('refuses a candidate whose base URL is not http(s)', async () => {
    await expect(kit.models.testConnection({ kind: 'custom', baseUrl: 'ftp://example.com/v1' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
  });

  it('never puts the key in a result message', async () => {
    const key = 'sk-candidate-secret-42';
    const results = [
      await kit.models.testConnection({ kind: 'custom', baseUrl: kit.fake.url, apiKey: key }),
      await kit.models.testConnection({ kind: 'custom', baseUrl: `http://127.0.0.1:${await closedPort()}/v1`, apiKey: key }),
    ];
    expect(JSON.stringify(results)).not.toContain(key);
  });
});
