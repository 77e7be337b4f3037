// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Message, ModelsOverview } from '../../../../shared';
import { Shell } from '../../app/Shell';
import { useConnection } from '../../stores/connection';
import { useNavigation } from '../../stores/navigation';
import { createFakeCore, message, STILL_REPLYING, thread, type FakeCoreOptions } from '../../test-support/fake-core';
import { resetStores } from '../../test-support/reset-stores';

const PROVIDER: NonNullable<ModelsOverview['provider']> = {
  kind: 'custom',
  label: 'http://127.0.0.1:4010/v1',
  baseUrl: 'http://127.0.0.1:4010/v1',
  timeoutMs: 60_000,
  apiKeySet: false,
  keyRequired: false,
};

/** A connected app with one open thread and a model provider, so sends start replies. */
async function openThread(options: FakeCoreOptions = {}, existing = thread({ title: 'Plan the offsite' })) {
  useNavigation.setState({ threadId: existing.id });
  const core = createFakeCore({ threads: [existing], models: { provider: PROVIDER }, ...options });
  useConnection.setState({ state: 'connected', everConnected: true });
  render(<Shell client={core.client} />);
  await screen.findByRole('log', { name: 'Messages' });
  return { core, threadId: existing.id };
}

const log = () => screen.getByRole('log', { name: 'Messages' });
const replies = () => [...log().querySelectorAll('[data-role="assistant"]')] as HTMLElement[];
const replyText = (index = -1) => replies().at(index)?.querySelector('.message__bubble')?.textContent ?? '';

async function send(text: string) {
  const composer = screen.getByRole('textbox', { name: 'Message' });
  fireEvent.change(composer, { target: { value: text } });
  fireEvent.keyDown(composer, { key: 'Enter' });
  await within(log()).findByText(text);
}

beforeEach(() => resetStores());
afterEach(() => cleanup());

describe('Streaming replies', () => {
  it('renders deltas in order, and a shorter snapshot replaces what streamed', async () => {
    const { core, threadId } = await openThread();
    await send('What time is it?');
    expect(await screen.findByText('Thinking…')).toBeTruthy();

    act(() => core.reply.delta(threadId, 'It is'));
    act(() => core.reply.delta(threadId, ' **noon**'));
    act(() => core.reply.delta(threadId, ' in Paris.'));
    expect(replyText()).toBe('Izzie: It is noon in Paris.');
    expect(replies().at(-1)?.querySelector('strong')?.textContent).toBe('noon');
    expect(screen.getByText('Writing…')).toBeTruthy();

    // A retry restarted the text: the snapshot is authoritative, not something to append.
    act(() => core.reply.activity(threadId, 'retrying', 'The model provider answered 503; trying again in 2 s.'));
    act(() => core.reply.update(threadId, { content: '' }));
    expect(replies().at(-1)?.querySelector('.message__bubble')).toBeNull();
    expect(within(replies()[0] as HTMLElement).getByRole('status').textContent).toContain('trying again in 2 s');
    act(() => core.reply.delta(threadId, 'Noon.'));
    expect(replyText()).toBe('Izzie: Noon.');

    act(() => core.reply.finish(threadId));
    expect(screen.queryByText('Writing…')).toBeNull();
    expect(replies()).toHaveLength(1);
  });

  it('shows what the reply is doing, in the core’s words', async () => {
    const { core, threadId } = await openThread();
    await send('Summarize this chat');
    const summarized = 'This chat is longer than the model’s context budget, so its 12 oldest messages were summarized.';
    act(() => core.reply.activity(threadId, 'summarizing', 'Summarizing older messages to fit the context budget…'));
    expect(screen.getByText('Summarizing older messages to fit the context budget…')).toBeTruthy();
    act(() => core.reply.activity(threadId, 'thinking', summarized));
    act(() => core.reply.delta(threadId, 'Here is the gist.'));
    act(() => core.reply.finish(threadId));
    // The summary notice stays beside the reply once it is done.
    expect(within(replies()[0] as HTMLElement).getByText(summarized)).toBeTruthy();
  });

  it('shows each tool call as a card with its status, duration, arguments and result', async () => {
    const { core, threadId } = await openThread();
    await send('What time is it in Paris?');
    const call = {
      id: 't1',
      name: 'current_time',
      arguments: '{"timezone":"Europe/Paris"}',
      result: null,
      status: 'running' as const,
      startedAt: 1,
      durationMs: null,
    };
    act(() => core.reply.update(threadId, { toolCalls: [call] }));
    act(() => core.reply.activity(threadId, 'tool', 'Using current_time…'));
    const card = screen.getByRole('group', { name: 'Tool call current_time' });
    expect(card.textContent).toContain('Running');
    expect(screen.getByText('Using current_time…')).toBeTruthy();

    const result = '{"iso":"2026-11-24T12:00:00+01:00","timezone":"Europe/Paris"}';
    act(() => core.reply.update(threadId, { toolCalls: [{ ...call, status: 'ok', result, durationMs: 12 }] }));
    expect(card.textContent).toContain('Done');
    expect(card.textContent).toContain('12 ms');
    expect(within(card).queryByText(/2026-11-24/)).toBeNull(); // collapsed until asked

    fireEvent.click(within(card).getByRole('button', { expanded: false }));
    const shown = card.querySelectorAll('pre');
    expect(shown[0]?.textContent).toBe('{\n  "timezone": "Europe/Paris"\n}');
    expect(shown[1]?.textContent).toContain('"iso": "2026-11-24T12:00:00+01:00"');

    const denied = {
      ...call,
      id: 't2',
      name: 'send_email',
      status: 'denied' as const,
      result: 'DENIED: proxy actions need approval',
    };
    act(() => core.reply.update(threadId, { toolCalls: [{ ...call, status: 'ok', result, durationMs: 12 }, denied] }));
    const refused = screen.getByRole('group', { name: 'Tool call send_email' });
    expect(refused.textContent).toContain('Denied');
    expect(refused.textContent).toContain('DENIED: proxy actions need approval'); // opens by itself
  });

  it('puts a usage line under a finished reply, with the exact numbers in its tooltip', async () => {
    const { core, threadId } = await openThread();
    await send('Hi');
    act(() => core.reply.delta(threadId, 'Hello!'));
    act(() =>
      core.reply.finish(threadId, {
        usage: { model: 'llama3.1:8b', promptTokens: 1200, completionTokens: 34, costUsd: 0.0012, latencyMs: 1432 },
      }),
    );
    const usage = screen.getByText('llama3.1:8b · 1,234 tokens · $0.0012 · 1.4 s');
    expect(usage.getAttribute('title')).toContain('1,200 prompt + 34 completion');
    expect(usage.getAttribute('title')).toContain('1,432 ms');

    await send('And without a price?');
    act(() => core.reply.delta(threadId, 'Sure.'));
    act(() =>
      core.reply.finish(threadId, {
        usage: { model: 'llama3.1:8b', promptTokens: 10, completionTokens: 2, costUsd: null, latencyMs: 420 },
      }),
    );
    expect(screen.getByText('llama3.1:8b · 12 tokens · 420 ms')).toBeTruthy();
  });
});

describe('Stop, Retry and edit', () => {
  it('Stop replaces Send while a reply runs; a stopped reply offers Retry', async () => {
    const { core, threadId } = await openThread();
    await send('Write me a long essay');
    act(() => core.reply.delta(threadId, 'Once upon a time'));
    expect(screen.queryByRole('button', { name: 'Send' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Edit message' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Stop' }));
    await waitFor(() => expect(core.callsTo('chat.stop')).toEqual([{ method: 'chat.stop', params: { threadId } }]));
    const reply = replies()[0] as HTMLElement;
    expect(within(reply).getByText('Stopped')).toBeTruthy();
    expect(replyText()).toBe('Izzie: Once upon a time'); // what arrived is kept
    expect(screen.getByRole('button', { name: 'Send' })).toBeTruthy();

    fireEvent.click(within(reply).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(core.callsTo('messages.retry')).toEqual([{ method: 'messages.retry', params: { threadId } }]));
    await waitFor(() => expect(replies()).toHaveLength(1)); // the stopped reply was replaced
    expect(screen.getByText('Thinking…')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Stop' })).toBeTruthy();
  });

  it('Escape stops the running reply', async () => {
    const { core, threadId } = await openThread();
    await send('Go on and on');
    fireEvent.keyDown(screen.getByRole('textbox', { name: 'Message' }), { key: 'Escape' });
    await waitFor(() => expect(core.callsTo('chat.stop')).toHaveLength(1));
    expect(core.callsTo('chat.stop')[0]?.params).toEqual({ threadId });
  });

  it('a failed reply shows the reason with Retry, which asks again', async () => {
    const { core, threadId } = await openThread();
    await send('Are you there?');
    const reason = 'The model provider answered 500 three times. Try again in a moment.';
    act(() => core.reply.fail(threadId, { code: 'PROVIDER_UNAVAILABLE', message: reason }));

    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain(reason);
    expect(alert.closest('[data-role="assistant"]')).toBeTruthy(); // said once, on the reply
    expect(screen.queryByText('Not answered')).toBeNull();
    fireEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(core.callsTo('messages.retry')).toHaveLength(1));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    act(() => core.reply.delta(threadId, 'Yes, I am.'));
    expect(replyText()).toBe('Izzie: Yes, I am.');
  });

  it('a refusal because a reply is still running shows as a banner', async () => {
    const existing = thread();
    const asked = message(existing.id, { content: 'Hello', createdAt: 1 });
    const stopped: Message = message(existing.id, { role: 'assistant', content: 'Hel', status: 'stopped', createdAt: 2 });
    useNavigation.setState({ threadId: existing.id });
    const core = createFakeCore({
      threads: [existing],
      messages: [asked, stopped],
      models: { provider: PROVIDER },
      failures: { 'messages.retry': { code: 'CONFLICT', message: STILL_REPLYING } },
    });
    useConnection.setState({ state: 'connected', everConnected: true });
    render(<Shell client={core.client} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Retry' }));
    const banner = await screen.findByRole('alert');
    expect(banner.textContent).toContain(STILL_REPLYING);
    expect(within(banner).getByRole('button', { name: 'Dismiss' })).toBeTruthy();
  });

  it('edits a sent message inline: Escape cancels, Enter saves and asks again', async () => {
    const existing = thread();
    const asked = message(existing.id, { content: 'Draft an agenda for Friday', createdAt: 1 });
    const answered = message(existing.id, { role: 'assistant', content: 'Here is a draft.', createdAt: 2 });
    const { core } = await openThread({ messages: [asked, answered] }, existing);
    await within(log()).findByText('Draft an agenda for Friday');

    fireEvent.click(screen.getByRole('button', { name: 'Edit message' }));
    const editor = screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Edit message' });
    expect(editor.value).toBe('Draft an agenda for Friday');
    fireEvent.change(editor, { target: { value: 'Never mind' } });
    fireEvent.keyDown(editor, { key: 'Escape' });
    expect(screen.queryByRole('textbox', { name: 'Edit message' })).toBeNull();
    expect(within(log()).getByText('Draft an agenda for Friday')).toBeTruthy();
    expect(core.callsTo('messages.edit')).toHaveLength(0);

    fireEvent.click(screen.getByRole('button', { name: 'Edit message' }));
    const again = screen.getByRole('textbox', { name: 'Edit message' });
    fireEvent.change(again, { target: { value: 'Draft an agenda for Monday' } });
    fireEvent.keyDown(again, { key: 'Enter' });
    await waitFor(() =>
      expect(core.callsTo('messages.edit')).toEqual([
        { method: 'messages.edit', params: { messageId: asked.id, content: 'Draft an agenda for Monday' } },
      ]),
    );
    expect(await within(log()).findByText('Draft an agenda for Monday')).toBeTruthy();
    expect(within(log()).queryByText('Here is a draft.')).toBeNull(); // the old reply was removed
    expect(screen.getByText('Thinking…')).toBeTruthy();
  });
});
