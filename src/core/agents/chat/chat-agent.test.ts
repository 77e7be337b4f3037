import { afterEach, describe, expect, it } from 'vitest';
import { startChatCore } from '../../../../test-support/chat-harness';
import { CoreError } from '../../errors';

type Harness = Awaited<ReturnType<typeof startChatCore>>;

describe('chat replies', () => {
  let h: Harness;
  afterEach(async () => h.close());

  const newThread = async (params: { persona?: 'work' | 'personal'; mode?: 'assistant' | 'proxy' } = {}) =>
    h.core.client.call('threads.create', params);
  const messagesOf = async (threadId: string) => (await h.core.client.call('messages.list', { threadId })).messages;
  const eventsOf = (name: string) => h.frames.filter((f) => f.event === name).map((f) => f.payload as Record<string, unknown>);

  it('streams a reply as deltas and saves it complete with its usage', async () => {
    h = await startChatCore([{ text: 'Hello Dana!', chunks: ['Hel', 'lo ', 'Dana!'], costUsd: 0.0021 }]);
    const thread = await newThread();
    const { message } = await h.core.client.call('messages.send', { threadId: thread.id, content: 'Say hello to Dana' });
    expect(message).toMatchObject({ role: 'user', content: 'Say hello to Dana', deliveryError: null });
    await h.idle(thread.id);
    expect(eventsOf('chat.delta').map((d) => d.delta)).toEqual(['Hel', 'lo ', 'Dana!']);
    const [, reply] = await messagesOf(thread.id);
    expect(reply).toMatchObject({
      role: 'assistant',
      content: 'Hello Dana!',
      status: 'complete',
      usage: { model: 'scripted/chat', promptTokens: 100, completionTokens: 20, costUsd: 0.0021 },
    });
    expect(h.router.requests[0]).toMatchObject({ task: 'chat', purpose: 'chat.reply', correlationId: thread.id });
  });

  it('runs the tools the model calls, shows each as a card, and hands results back', async () => {
    h = await startChatCore([
      { text: '', toolCalls: [{ id: 'call_1', name: 'current_time', arguments: '{"timeZone":"UTC"}' }] },
      { text: 'It is 09:00 UTC.' },
    ]);
    const thread = await newThread();
    await h.core.client.call('messages.send', { threadId: thread.id, content: 'What time is it?' });
    await h.idle(thread.id);
    const [, reply] = await messagesOf(thread.id);
    expect(reply?.toolCalls).toEqual([
      expect.objectContaining({
        name: 'current_time',
        arguments: '{"timeZone":"UTC"}',
        status: 'ok',
        result: expect.stringContaining('2026-11-24T09:00:00.000Z'),
      }),
    ]);
    expect(reply).toMatchObject({
      content: 'It is 09:00 UTC.',
      status: 'complete',
      usage: { promptTokens: 200, completionTokens: 40 },
    });
    const second = h.router.requests[1]?.messages ?? [];
    expect(second.at(-2)).toMatchObject({ role: 'assistant', toolCalls: [{ id: 'call_1', name: 'current_time' }] });
    expect(second.at(-1)).toMatchObject({
      role: 'tool',
      toolCallId: 'call_1',
      content: expect.stringContaining('2026-11-24T09:00:00.000Z'),
    });
    expect(h.router.requests[0]?.tools?.map((t) => t.name)).toEqual([
      'current_time',
      'thread_search',
      'memory_search',
      'memory_forget',
    ]);
  });

  it('returns tool errors to the model instead of failing the reply', async () => {
    h = await startChatCore([
      {
        text: '',
        toolCalls: [
          { id: 'a', name: 'send_everything', arguments: '{}' },
          { id: 'b', name: 'current_time', arguments: '{not json' },
        ],
      },
      { text: 'Sorry, I could not do that.' },
    ]);
    const thread = await newThread();
    await h.core.client.call('messages.send', { threadId: thread.id, content: 'Go' });
    await h.idle(thread.id);
    const [, reply] = await messagesOf(thread.id);
    expect(reply?.toolCalls.map((c) => [c.name, c.status])).toEqual([
      ['send_everything', 'denied'],
      ['current_time', 'error'],
    ]);
    const toolMessages = (h.router.requests[1]?.messages ?? []).filter((m) => m.role === 'tool').map((m) => m.content);
    expect(toolMessages).toEqual([
      'There is no tool named "send_everything".',
      'The arguments for current_time were not a valid JSON object.',
    ]);
    expect(reply?.status).toBe('complete');
  });

  it('gives up after the maximum number of tool rounds and says so', async () => {
    const loop = { text: '', toolCalls: [{ id: 'x', name: 'current_time', arguments: '{}' }] };
    h = await startChatCore([loop, loop, loop], { maxToolRounds: 2 });
    const thread = await newThread();
    await h.core.client.call('messages.send', { threadId: thread.id, content: 'Loop' });
    await h.idle(thread.id);
    const [, reply] = await messagesOf(thread.id);
    expect(reply?.toolCalls).toHaveLength(2);
    expect(reply?.content).toMatch(/stopped after 2 rounds of tool calls/);
    expect(h.router.requests).toHaveLength(2);
  });

  it('stops a hanging reply on request, keeping what arrived', async () => {
    h = await startChatCore([{ hangAfter: 'Thinking about' }]);
    const thread = await newThread();
    await h.core.client.call('messages.send', { threadId: thread.id, content: 'Long question' });
    await expect.poll(() => eventsOf('chat.delta').length).toBe(1);
    const idle = h.idle(thread.id);
    expect(await h.core.client.call('chat.stop', { threadId: thread.id })).toEqual({ stopped: true });
    await idle;
    const [user, reply] = await messagesOf(thread.id);
    expect(reply).toMatchObject({ status: 'stopped', content: 'Thinking about' });
    expect(user?.deliveryError).toBeNull();
    expect(await h.core.client.call('chat.stop', { threadId: thread.id })).toEqual({ stopped: false });
  });

  it('marks a failed reply, keeps the reason on the message, and Retry replaces it', async () => {
    h = await startChatCore([
      { error: new CoreError('PROVIDER_UNAVAILABLE', 'OpenRouter answered 500 three times.') },
      { text: 'Recovered.' },
    ]);
    const thread = await newThread();
    await h.core.client.call('messages.send', { threadId: thread.id, content: 'Hi' });
    await h.idle(thread.id);
    const [user, failed] = await messagesOf(thread.id);
    expect(failed?.status).toBe('error');
    expect(user?.deliveryError).toEqual({ code: 'PROVIDER_UNAVAILABLE', message: 'OpenRouter answered 500 three times.' });

    await h.core.client.call('messages.retry', { threadId: thread.id });
    await h.idle(thread.id);
    const after = await messagesOf(thread.id);
    expect(after.map((m) => [m.role, m.content, m.status])).toEqual([
      ['user', 'Hi', 'complete'],
      ['assistant', 'Recovered.', 'complete'],
    ]);
    expect(after[0]?.deliveryError).toBeNull();
    expect(eventsOf('messages.removed')).toEqual([{ threadId: thread.id, messageIds: [failed?.id] }]);
  });

  it('edit-and-resend rewrites the message, drops what came after, and asks again', async () => {
    h = await startChatCore([{ text: 'First answer.' }, { text: 'Second answer.' }, { text: 'Answer to the edit.' }]);
    const thread = await newThread();
    const { message: first } = await h.core.client.call('messages.send', { threadId: thread.id, content: 'Question one' });
    await h.idle(thread.id);
    await h.core.client.call('messages.send', { threadId: thread.id, content: 'Question two' });
    await h.idle(thread.id);
    await h.core.client.call('messages.edit', { messageId: first.id, content: 'Question one, rephrased' });
    await h.idle(thread.id);
    expect((await messagesOf(thread.id)).map((m) => m.content)).toEqual(['Question one, rephrased', 'Answer to the edit.']);
    expect(h.router.requests[2]?.messages.filter((m) => m.role !== 'system')).toEqual([
      { role: 'user', content: 'Question one, rephrased' },
    ]);
  });

  it('refuses a second message while a reply is still running', async () => {
    h = await startChatCore([{ hangAfter: '…' }]);
    const thread = await newThread();
    await h.core.client.call('messages.send', { threadId: thread.id, content: 'One' });
    await expect(h.core.client.call('messages.send', { threadId: thread.id, content: 'Two' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await h.core.client.call('chat.stop', { threadId: thread.id });
  });

  it('without a model, keeps the message and answers PROVIDER_NOT_CONFIGURED', async () => {
    h = await startChatCore([], { ready: false });
    const thread = await newThread();
    await expect(h.core.client.call('messages.send', { threadId: thread.id, content: 'Hello?' })).rejects.toMatchObject({
      code: 'PROVIDER_NOT_CONFIGURED',
      message: expect.stringMatching(/Settings/),
    });
    expect((await messagesOf(thread.id)).map((m) => [m.content, m.deliveryError?.code])).toEqual([
      ['Hello?', 'PROVIDER_NOT_CONFIGURED'],
    ]);
    expect(h.router.requests).toHaveLength(0);
    expect((await h.core.client.call('app.info')).modelProviderConfigured).toBe(false);
  });

  it('speaks with the thread persona, and as the user in proxy mode', async () => {
    h = await startChatCore([{ text: 'ok' }, { text: 'ok' }]);
    await h.core.client.call('personas.update', { id: 'personal', systemPrompt: 'You are Izzie for Sam at home.' });
    const work = await newThread();
    await h.core.client.call('messages.send', { threadId: work.id, content: 'a' });
    await h.idle(work.id);
    const home = await newThread({ persona: 'personal' });
    await h.core.client.call('threads.configure', { id: home.id, mode: 'proxy' });
    await h.core.client.call('messages.send', { threadId: home.id, content: 'b' });
    await h.idle(home.id);
    const [workSystem, homeSystem] = h.router.requests.map((r) => r.messages[0]?.content ?? '');
    expect(workSystem).toMatch(/professional assistant for the user’s work/);
    expect(workSystem).toMatch(/You speak as Izzie/);
    expect(homeSystem).toMatch(/^You are Izzie for Sam at home\./);
    expect(homeSystem).toMatch(/You write as the user/);
  });

  it('summarizes older turns once the history outgrows the budget, and says so', async () => {
    // Each reply is ~154 estimated tokens: two exchanges fit a 250-token budget, a third does not.
    const long = 'x'.repeat(600);
    const script = [{ text: long }, { text: long }, { text: 'Summary: they talked about x.' }, { text: 'Fine.' }];
    h = await startChatCore(script, { historyBudgetTokens: 250 });
    const thread = await newThread();
    for (const content of ['first', 'second', 'And now?']) {
      await h.core.client.call('messages.send', { threadId: thread.id, content });
      await h.idle(thread.id);
    }
    expect(h.router.requests.map((r) => r.task)).toEqual(['chat', 'chat', 'summarization', 'chat']);
    const summarize = h.router.requests[2];
    expect(summarize).toMatchObject({ purpose: 'chat.summarize' });
    expect(summarize?.messages[1]?.content).toBe(`User: first\nIzzie: ${long}`);
    const final = h.router.requests[3]?.messages ?? [];
    expect(final[1]).toEqual({
      role: 'system',
      content: 'Summary of the earlier part of this conversation:\nSummary: they talked about x.',
    });
    expect(final.at(-1)).toEqual({ role: 'user', content: 'And now?' });
    expect(eventsOf('chat.activity').some((a) => typeof a.notice === 'string' && /summarized/.test(a.notice))).toBe(true);
  });

  it('saves streamed text as it arrives, so a reconnecting window sees it', async () => {
    // The second chunk comes well after the first, so the clock moves between them.
    h = await startChatCore([{ hangAfter: ['Part one, ', 'part two'], gapMs: 400 }]);
    const thread = await newThread();
    await h.core.client.call('messages.send', { threadId: thread.id, content: 'Q' });
    await expect.poll(() => eventsOf('chat.delta').length).toBe(1);
    expect((await messagesOf(thread.id))[1]).toMatchObject({ status: 'streaming', content: '' });
    h.ports.advance(1500);
    await expect.poll(() => eventsOf('chat.delta').length).toBe(2);
    expect((await messagesOf(thread.id))[1]).toMatchObject({ status: 'streaming', content: 'Part one, part two' });
    expect((await h.core.client.call('threads.list'))[0]?.lastMessagePreview).toBe('Part one, part two');
    await h.core.client.call('chat.stop', { threadId: thread.id });
    await h.idle(thread.id);
  });

  it('saves a running reply as stopped when the core stops', async () => {
    h = await startChatCore([{ hangAfter: 'Partial' }]);
    const thread = await newThread();
    await h.core.client.call('messages.send', { threadId: thread.id, content: 'Q' });
    await expect.poll(() => eventsOf('chat.delta').length).toBe(1);
    await h.core.stop();
    await h.core.start();
    const [, reply] = await messagesOf(thread.id);
    expect(reply).toMatchObject({ status: 'stopped', content: 'Partial' });
  });
});
