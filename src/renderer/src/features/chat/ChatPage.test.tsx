// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Shell } from '../../app/Shell';
import { useConnection } from '../../stores/connection';
import { useNavigation } from '../../stores/navigation';
import { createFakeCore, message, NO_PROVIDER, thread, type FakeCoreOptions } from '../../test-support/fake-core';
import { resetStores } from '../../test-support/reset-stores';

function start(options: FakeCoreOptions = {}) {
  const core = createFakeCore(options);
  useConnection.setState({ state: 'connected', everConnected: true });
  render(<Shell client={core.client} />);
  return core;
}

const composer = () => screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Message' });
const threadList = () => screen.getByRole('list', { name: 'Threads' });

function type(text: string) {
  fireEvent.change(composer(), { target: { value: text } });
}

beforeEach(() => resetStores());
afterEach(() => cleanup());

describe('Chat page', () => {
  it('invites the first chat when there are none', async () => {
    start();
    expect(await screen.findByText('No chats yet')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'New chat' })).toBeTruthy();
    expect(screen.queryByRole('list', { name: 'Threads' })).toBeNull();
  });

  it('New chat creates a thread and opens it', async () => {
    const core = start();
    await screen.findByText('No chats yet');
    fireEvent.click(screen.getByRole('button', { name: 'New chat' }));

    const link = await within(await screen.findByRole('list', { name: 'Threads' })).findByRole('link', { name: 'New chat' });
    expect(link.getAttribute('aria-current')).toBe('true');
    expect(core.callsTo('threads.create')).toHaveLength(1);
    expect(screen.getByRole('heading', { level: 2, name: 'New chat' })).toBeTruthy();
    expect(screen.getByRole('log', { name: 'Messages' })).toBeTruthy();
    expect(screen.getByText(/No messages yet\. Say hello/)).toBeTruthy();
  });

  it('keeps what was typed while New chat was still opening the thread', async () => {
    start();
    await screen.findByText('No chats yet');
    fireEvent.click(screen.getByRole('button', { name: 'New chat' }));
    type('What PRs are open?');
    await within(await screen.findByRole('list', { name: 'Threads' })).findByRole('link', { name: 'New chat' });
    expect(composer().value).toBe('What PRs are open?');
  });

  it('sending shows the message, clears the composer and explains there is no model provider', async () => {
    const existing = thread({ title: 'Plan the offsite' });
    const core = start({ threads: [existing] });
    fireEvent.click(await within(threadList()).findByRole('link', { name: 'Plan the offsite' }));

    type('Draft an agenda for Friday');
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Send' }).disabled).toBe(false);
    fireEvent.keyDown(composer(), { key: 'Enter' });

    const log = screen.getByRole('log', { name: 'Messages' });
    expect(await within(log).findByText('Draft an agenda for Friday')).toBeTruthy();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('no model provider');
    expect(alert.textContent).toContain(NO_PROVIDER);
    await waitFor(() => expect(composer().value).toBe(''));
    expect(core.callsTo('messages.send')).toEqual([
      { method: 'messages.send', params: { threadId: existing.id, content: 'Draft an agenda for Friday' } },
    ]);

    fireEvent.click(within(alert).getByRole('button', { name: 'Open Settings' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Settings' })).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('button', { name: 'Settings' }).getAttribute('aria-current')).toBe('page');
    expect(document.getElementById('models')?.textContent).toContain('No model provider is configured yet');
  });

  it('shows the stored delivery problem again after a reload', async () => {
    const existing = thread({ messageCount: 1 });
    useNavigation.setState({ threadId: existing.id }); // what the URL fragment restores
    start({
      threads: [existing],
      messages: [
        message(existing.id, {
          content: 'Are you there?',
          deliveryError: { code: 'PROVIDER_NOT_CONFIGURED', message: NO_PROVIDER },
        }),
      ],
    });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('no model provider');
    expect(within(alert).getByRole('button', { name: 'Open Settings' })).toBeTruthy();
    expect(within(screen.getByRole('log', { name: 'Messages' })).getByText('Are you there?')).toBeTruthy();
  });

  it('gives only the newest unanswered message the full notice', async () => {
    const existing = thread({ messageCount: 2 });
    const failed = { code: 'PROVIDER_NOT_CONFIGURED', message: NO_PROVIDER };
    useNavigation.setState({ threadId: existing.id });
    start({
      threads: [existing],
      messages: [
        message(existing.id, { content: 'First', createdAt: 1, deliveryError: failed }),
        message(existing.id, { content: 'Second', createdAt: 2, deliveryError: failed }),
      ],
    });
    await screen.findByText('Second');
    expect(screen.getAllByRole('alert')).toHaveLength(1);
    expect(screen.getAllByRole('button', { name: 'Open Settings' })).toHaveLength(1);
    expect(screen.getByText('Not answered')).toBeTruthy();
  });

  it('typing with no chat open starts one and sends into it', async () => {
    const core = start();
    await screen.findByText('No chats yet');
    type('Remind me to call Sam');
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));

    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('button', { name: 'Open Settings' })).toBeTruthy();
    await waitFor(() => expect(composer().value).toBe(''));
    expect(core.callsTo('threads.create')).toHaveLength(1);
    const created = core.threads[0];
    expect(core.callsTo('messages.send')[0]?.params).toEqual({ threadId: created?.id, content: 'Remind me to call Sam' });
    expect(within(threadList()).getByRole('link', { name: 'Remind me to call Sam' })).toBeTruthy();
  });

  it('keeps the draft and shows a dismissible banner when Izzie is unreachable', async () => {
    const existing = thread();
    useNavigation.setState({ threadId: existing.id });
    start({ threads: [existing], failures: { 'messages.send': { code: 'UNAVAILABLE', message: 'Izzie is not connected.' } } });
    await screen.findByRole('log', { name: 'Messages' });
    type('Still there?');
    fireEvent.keyDown(composer(), { key: 'Enter' });

    const banner = await screen.findByRole('alert');
    expect(banner.textContent).toContain('Izzie is not connected.');
    expect(composer().value).toBe('Still there?');
    fireEvent.click(within(banner).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('Shift+Enter does not send and an empty draft cannot be sent', async () => {
    const existing = thread();
    useNavigation.setState({ threadId: existing.id });
    const core = start({ threads: [existing] });
    await screen.findByRole('log', { name: 'Messages' });
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Send' }).disabled).toBe(true);
    type('   ');
    fireEvent.keyDown(composer(), { key: 'Enter' });
    type('line one');
    fireEvent.keyDown(composer(), { key: 'Enter', shiftKey: true });
    expect(core.callsTo('messages.send')).toHaveLength(0);
  });

  it('renames a thread inline: Enter saves, Escape cancels', async () => {
    const existing = thread({ title: 'Old title' });
    const core = start({ threads: [existing] });
    await within(threadList()).findByRole('link', { name: 'Old title' });

    fireEvent.click(screen.getByRole('button', { name: 'Rename thread' }));
    fireEvent.change(screen.getByRole('textbox', { name: 'Thread title' }), { target: { value: 'Never mind' } });
    fireEvent.keyDown(screen.getByRole('textbox', { name: 'Thread title' }), { key: 'Escape' });
    expect(within(threadList()).getByRole('link', { name: 'Old title' })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Rename thread' }));
    fireEvent.change(screen.getByRole('textbox', { name: 'Thread title' }), { target: { value: 'Offsite agenda' } });
    fireEvent.keyDown(screen.getByRole('textbox', { name: 'Thread title' }), { key: 'Enter' });
    expect(await within(threadList()).findByRole('link', { name: 'Offsite agenda' })).toBeTruthy();
    expect(core.callsTo('threads.rename')).toEqual([
      { method: 'threads.rename', params: { id: existing.id, title: 'Offsite agenda' } },
    ]);
  });

  it('deletes a thread only after confirming', async () => {
    const keep = thread({ title: 'Keep me', updatedAt: 2 });
    const doomed = thread({ title: 'Delete me', updatedAt: 1 });
    const core = start({ threads: [keep, doomed] });
    const row = (await within(threadList()).findByRole('link', { name: 'Delete me' })).closest('li');
    if (!row) throw new Error('no row');

    fireEvent.click(within(row).getByRole('button', { name: 'Delete thread' }));
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(core.callsTo('threads.delete')).toHaveLength(0);

    fireEvent.click(within(row).getByRole('button', { name: 'Delete thread' }));
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(within(threadList()).queryByRole('link', { name: 'Delete me' })).toBeNull());
    expect(core.threads.map((t) => t.title)).toEqual(['Keep me']);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'New chat' }));
  });

  it('follows threads.changed from elsewhere, including deletion of the open thread', async () => {
    const existing = thread({ title: 'Shared' });
    useNavigation.setState({ threadId: existing.id });
    const core = start({ threads: [existing] });
    await within(threadList()).findByRole('link', { name: 'Shared' });

    act(() =>
      core.emit('threads.changed', { thread: { ...existing, title: 'Renamed in the tray', updatedAt: 5 }, deletedId: null }),
    );
    expect(within(threadList()).getByRole('link', { name: 'Renamed in the tray' })).toBeTruthy();

    act(() => core.emit('threads.changed', { thread: null, deletedId: existing.id }));
    expect(screen.getByText('No chats yet')).toBeTruthy();
    expect(useNavigation.getState().threadId).toBeNull();
  });

  it('loads earlier messages on request', async () => {
    const existing = thread({ messageCount: 3 });
    useNavigation.setState({ threadId: existing.id });
    start({
      threads: [existing],
      pageSize: 2,
      messages: [1, 2, 3].map((n) => message(existing.id, { content: `Message ${n}`, createdAt: n })),
    });
    expect(await screen.findByText('Message 3')).toBeTruthy();
    expect(screen.queryByText('Message 1')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Load earlier messages' }));
    expect(await screen.findByText('Message 1')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Load earlier messages' })).toBeNull();
    const log = screen.getByRole('log', { name: 'Messages' });
    expect([...log.querySelectorAll('.message__bubble')].map((el) => el.textContent)).toEqual([
      'You: Message 1',
      'You: Message 2',
      'You: Message 3',
    ]);
  });
});
