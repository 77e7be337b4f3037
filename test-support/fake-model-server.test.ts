import OpenAI, { APIConnectionError, AuthenticationError, RateLimitError } from 'openai';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeStep, NOTHING_SCRIPTED, startFakeModelServer, type FakeModelServer } from './fake-model-server';

describe('the fake model server, driven by the real openai SDK', () => {
  let fake: FakeModelServer;
  let client: OpenAI;
  beforeEach(async () => {
    fake = await startFakeModelServer({ requireApiKey: 'sk-fake-key', models: ['fake/cheap', 'fake/thinking'] });
    client = new OpenAI({ baseURL: fake.url, apiKey: 'sk-fake-key', maxRetries: 0, timeout: 2_000 });
  });
  afterEach(async () => {
    await fake.close();
  });

  it('lists the configured models', async () => {
    const page = await client.models.list();
    expect(page.data.map((m) => m.id)).toEqual(['fake/cheap', 'fake/thinking']);
    expect(fake.requests[0]).toMatchObject({ method: 'GET', path: '/v1/models' });
  });

  it('streams scripted text in the given chunks and ends with usage when asked', async () => {
    fake.enqueue(fakeStep.text(['Hel', 'lo'], { usage: { promptTokens: 12, completionTokens: 2, cost: 0.0004 } }));
    const stream = await client.chat.completions.create({
      model: 'fake/cheap',
      messages: [{ role: 'user', content: 'hi' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    const deltas: string[] = [];
    let usage: unknown = null;
    let finish: string | null = null;
    for await (const chunk of stream) {
      const choice = chunk.choices[0];
      if (choice?.delta.content) deltas.push(choice.delta.content);
      if (choice?.finish_reason) finish = choice.finish_reason;
      if (chunk.usage) usage = chunk.usage;
    }
    expect(deltas).toEqual(['Hel', 'lo']);
    expect(finish).toBe('stop');
    expect(usage).toEqual({ prompt_tokens: 12, completion_tokens: 2, total_tokens: 14, cost: 0.0004 });
    expect(fake.requests[0]?.body).toMatchObject({
      model: 'fake/cheap',
      stream: true,
      messages: [{ role: 'user', content: 'hi' }],
    });
    expect(fake.requests[0]?.headers.authorization).toBe('Bearer sk-fake-key');
  });

  it('answers non-streamed requests with the whole reply', async () => {
    fake.enqueue(fakeStep.text(['Hel', 'lo']));
    const reply = await client.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'hi' }] });
    expect(reply.choices[0]?.message.content).toBe('Hello');
    expect(reply.usage).toMatchObject({ prompt_tokens: 10, completion_tokens: 2 });
  });

  it('streams tool calls as OpenAI does: id and name first, then argument fragments, by index', async () => {
    fake.enqueue(
      fakeStep.toolCalls([
        { id: 'call_a', name: 'current_time', argumentChunks: ['{"tz"', ':"UTC"}'] },
        { id: 'call_b', name: 'thread_search', argumentChunks: ['{"q":', '"rent"', '}'] },
      ]),
    );
    const stream = await client.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'x' }], stream: true });
    const seen: Array<{ index: number; id?: string; name?: string; args?: string }> = [];
    let finish: string | null = null;
    for await (const chunk of stream) {
      for (const call of chunk.choices[0]?.delta.tool_calls ?? []) {
        seen.push({ index: call.index, id: call.id, name: call.function?.name, args: call.function?.arguments });
      }
      finish = chunk.choices[0]?.finish_reason ?? finish;
    }
    expect(seen).toEqual([
      { index: 0, id: 'call_a', name: 'current_time', args: '' },
      { index: 0, id: undefined, name: undefined, args: '{"tz"' },
      { index: 0, id: undefined, name: undefined, args: ':"UTC"}' },
      { index: 1, id: 'call_b', name: 'thread_search', args: '' },
      { index: 1, id: undefined, name: undefined, args: '{"q":' },
      { index: 1, id: undefined, name: undefined, args: '"rent"' },
      { index: 1, id: undefined, name: undefined, args: '}' },
    ]);
    expect(finish).toBe('tool_calls');
  });

  it('answers 429 with Retry-After and an OpenAI-style error body', async () => {
    fake.enqueue(fakeStep.error(429, { retryAfter: 2, message: 'Rate limit reached' }));
    const error = await client.chat.completions.create({ model: 'm', messages: [] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    const rateLimit = error as RateLimitError;
    expect(rateLimit.headers.get('retry-after')).toBe('2');
    expect(rateLimit.message).toBe('429 Rate limit reached');
  });

  it('refuses a wrong API key with 401', async () => {
    const wrong = new OpenAI({ baseURL: fake.url, apiKey: 'sk-wrong', maxRetries: 0 });
    const error = await wrong.models.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as AuthenticationError).code).toBe('invalid_api_key');
  });

  it('serves steps in order, and a step bound to a model only to a request for that model', async () => {
    fake.enqueue(fakeStep.text('for thinking'), { model: 'fake/thinking' });
    fake.enqueue(fakeStep.text('for anyone'));
    const ask = async (model: string) =>
      (await client.chat.completions.create({ model, messages: [{ role: 'user', content: 'x' }] })).choices[0]?.message.content;
    expect(await ask('fake/cheap')).toBe('for anyone');
    expect(await ask('fake/thinking')).toBe('for thinking');
    expect(fake.remaining()).toBe(0);
  });

  it('answers 500 saying nothing was scripted, so a test notices', async () => {
    const error = await client.chat.completions.create({ model: 'm', messages: [] }).catch((e: unknown) => e);
    expect(String(error)).toContain(NOTHING_SCRIPTED);
  });

  it('hangs until the client gives up', async () => {
    fake.enqueue(fakeStep.hang());
    const quick = new OpenAI({ baseURL: fake.url, apiKey: 'sk-fake-key', maxRetries: 0, timeout: 100 });
    await expect(quick.chat.completions.create({ model: 'm', messages: [] })).rejects.toBeInstanceOf(APIConnectionError);
  });

  it('can send a malformed JSON body', async () => {
    fake.enqueue(fakeStep.malformed());
    await expect(client.chat.completions.create({ model: 'm', messages: [] })).rejects.toBeInstanceOf(SyntaxError);
  });

  it('can break a stream mid-way and stall one mid-way', async () => {
    fake.enqueue(fakeStep.text(['a', 'b', 'c'], { breakAfter: 1 }));
    const deltas: string[] = [];
    const consume = async () => {
      const stream = await client.chat.completions.create({ model: 'm', messages: [], stream: true });
      for await (const chunk of stream) deltas.push(chunk.choices[0]?.delta.content ?? '');
    };
    await expect(consume()).rejects.toThrow();
    expect(deltas).toEqual(['', 'a']);

    fake.enqueue(fakeStep.text(['a', 'b'], { stallAfter: 1 }));
    const controller = new AbortController();
    const stream = await client.chat.completions.create(
      { model: 'm', messages: [], stream: true },
      { signal: controller.signal },
    );
    const got: string[] = [];
    for await (const chunk of stream) {
      got.push(chunk.choices[0]?.delta.content ?? '');
      if (got.length === 2) controller.abort();
    }
    expect(got).toEqual(['', 'a']);
  });

  it('answers 404 for paths that are not part of the OpenAI API', async () => {
    const elsewhere = new OpenAI({ baseURL: fake.url.replace(/\/v1$/, '/api'), apiKey: 'sk-fake-key', maxRetries: 0 });
    await expect(elsewhere.models.list()).rejects.toMatchObject({ status: 404 });
  });
});
