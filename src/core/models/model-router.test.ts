import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeStep } from '../../../test-support/fake-model-server';
import { startModelKit, TEST_API_KEY, type ModelKit } from '../../../test-support/model-test-kit';
import type { ModelCallRequest, ModelStreamEvent, TaskType } from './model-types';

const ask = (task: TaskType, extra: Partial<ModelCallRequest> = {}): ModelCallRequest => ({
  task,
  purpose: 'test.call',
  correlationId: 'thread-1',
  messages: [{ role: 'user', content: 'What is on today?' }],
  ...extra,
});

describe('the model router: task → tier → model, streamed through the openai SDK', () => {
  let kit: ModelKit;
  beforeEach(async () => {
    kit = await startModelKit();
    kit.models.config.setTier({ tier: 'cheap', model: 'fake/cheap', maxTokens: 256, temperature: 0.1 });
    kit.models.config.setTier({ tier: 'standard', model: 'fake/standard', maxTokens: 1024, temperature: 0.5 });
    kit.models.config.setTier({ tier: 'thinking', model: 'fake/thinking', maxTokens: 8000, temperature: 1.2 });
  });
  afterEach(async () => {
    await kit.close();
  });

  it.each([
    ['classification', 'fake/cheap'],
    ['summarization', 'fake/cheap'],
    ['drafting', 'fake/standard'],
    ['scheduling', 'fake/standard'],
    ['planning', 'fake/thinking'],
    ['decision', 'fake/thinking'],
  ] as const)('sends a %s task to its tier’s model (%s)', async (task, model) => {
    kit.fake.enqueue(fakeStep.text('ok'), { model });
    const result = await kit.models.router.complete(ask(task));
    expect(result.model).toBe(model);
    expect(kit.fake.requests.at(-1)?.body).toMatchObject({ model });
  });

  it('lets request.tier override the task’s tier', async () => {
    kit.fake.enqueue(fakeStep.text('deep thought'), { model: 'fake/thinking' });
    const result = await kit.models.router.complete(ask('classification', { tier: 'thinking' }));
    expect(result).toMatchObject({ tier: 'thinking', model: 'fake/thinking', text: 'deep thought' });
  });

  it('sends the tier’s max_tokens and temperature, streaming with usage requested', async () => {
    kit.fake.enqueue(fakeStep.text('ok'));
    kit.fake.enqueue(fakeStep.text('ok'));
    await kit.models.router.complete(ask('planning'));
    await kit.models.router.complete(ask('extraction'));
    expect(kit.fake.requests.map((r) => r.body)).toEqual([
      expect.objectContaining({
        model: 'fake/thinking',
        max_tokens: 8000,
        temperature: 1.2,
        stream: true,
        stream_options: { include_usage: true },
      }),
      expect.objectContaining({ model: 'fake/cheap', max_tokens: 256, temperature: 0.1 }),
    ]);
    expect(kit.fake.requests[0]?.headers.authorization).toBe(`Bearer ${TEST_API_KEY}`);
  });

  it('streams text deltas to the listener and returns the reply with usage, cost and latency', async () => {
    kit.fake.enqueue(
      fakeStep.text(['Two ', 'meetings', ' today.'], { usage: { promptTokens: 42, completionTokens: 7, cost: 0.00123 } }),
    );
    const events: ModelStreamEvent[] = [];
    const result = await kit.models.router.complete(ask('chat'), (event) => {
      events.push(event);
      kit.advance(100); // the provider takes 100 ms per chunk
    });
    expect(events).toEqual([
      { type: 'text', delta: 'Two ' },
      { type: 'text', delta: 'meetings' },
      { type: 'text', delta: ' today.' },
    ]);
    expect(result).toEqual({
      text: 'Two meetings today.',
      toolCalls: [],
      usage: { promptTokens: 42, completionTokens: 7, costUsd: 0.00123 },
      provider: 'custom',
      model: 'fake/standard',
      tier: 'standard',
      latencyMs: 300,
      finishReason: 'stop',
    });
  });

  it('reports no cost when the provider does not', async () => {
    kit.fake.enqueue(fakeStep.text('ok', { usage: { promptTokens: 3, completionTokens: 1 } }));
    const result = await kit.models.router.complete(ask('chat'));
    expect(result.usage).toEqual({ promptTokens: 3, completionTokens: 1, costUsd: null });
  });

  it('assembles two streamed tool calls from fragmented arguments', async () => {
    kit.fake.enqueue(
      fakeStep.toolCalls(
        [
          { id: 'call_1', name: 'current_time', argumentChunks: ['{"time', 'zone": "Eur', 'ope/Paris"}'] },
          { id: 'call_2', name: 'thread_search', argumentChunks: ['{"query"', ': "dentist"', ', "limit": 3}'] },
        ],
        { text: ['Let me check.'] },
      ),
    );
    const result = await kit.models.router.complete(
      ask('chat', { tools: [{ name: 'current_time', description: 'Now', parameters: { type: 'object', properties: {} } }] }),
    );
    expect(result.text).toBe('Let me check.');
    expect(result.finishReason).toBe('tool_calls');
    expect(result.toolCalls).toEqual([
      { id: 'call_1', name: 'current_time', arguments: '{"timezone": "Europe/Paris"}' },
      { id: 'call_2', name: 'thread_search', arguments: '{"query": "dentist", "limit": 3}' },
    ]);
    expect(kit.fake.requests[0]?.body).toMatchObject({
      tools: [{ type: 'function', function: { name: 'current_time', description: 'Now', parameters: { type: 'object' } } }],
    });
  });

  it('sends tool calls and tool results in the OpenAI shapes', async () => {
    kit.fake.enqueue(fakeStep.text('It is 10:00.'));
    await kit.models.router.complete(
      ask('chat', {
        messages: [
          { role: 'system', content: 'You are Izzie.' },
          { role: 'user', content: 'Time?' },
          { role: 'assistant', content: null, toolCalls: [{ id: 'call_9', name: 'current_time', arguments: '{}' }] },
          { role: 'tool', toolCallId: 'call_9', content: '10:00' },
        ],
      }),
    );
    expect(kit.fake.requests[0]?.body).toMatchObject({
      messages: [
        { role: 'system', content: 'You are Izzie.' },
        { role: 'user', content: 'Time?' },
        {
          role: 'assistant',
          content: null,
          tool_calls: [{ id: 'call_9', type: 'function', function: { name: 'current_time', arguments: '{}' } }],
        },
        { role: 'tool', tool_call_id: 'call_9', content: '10:00' },
      ],
    });
  });

  it('writes one audit entry per call with model, tokens, latency, cost and context, never the prompt or key', async () => {
    kit.fake.enqueue(fakeStep.text('Sure.', { usage: { promptTokens: 12, completionTokens: 2, cost: 0.5 } }));
    await kit.models.router.complete({ ...ask('drafting'), trace: { threadId: 'thread-1', messageId: 'm-1' } }, () =>
      kit.advance(40),
    );
    const rows = kit.auditRows();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actor: 'izzie',
      action: 'model.call',
      model: 'fake/standard',
      tokens_in: 12,
      tokens_out: 2,
      latency_ms: 40,
      cost_usd: 0.5,
      success: 1,
      error: null,
      trace: JSON.stringify({ threadId: 'thread-1', messageId: 'm-1' }),
    });
    expect(JSON.parse(rows[0]?.input ?? 'null')).toEqual({
      provider: 'custom',
      tier: 'standard',
      task: 'drafting',
      purpose: 'test.call',
      attempt: 1,
      correlationId: 'thread-1',
    });
    const everything = JSON.stringify(rows);
    expect(everything).not.toContain('What is on today?');
    expect(everything).not.toContain(TEST_API_KEY);
  });
});
