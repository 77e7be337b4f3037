// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useConnection } from '../stores/connection';
import { createFakeCore } from '../test-support/fake-core';
import { resetStores } from '../test-support/reset-stores';
import { Shell } from './Shell';

beforeEach(() => resetStores());
afterEach(() => cleanup());

const PAGES = [
  ['Chat', 'Chat'],
  ['Approvals', 'Approvals'],
  ['Activity', 'Activity'],
  ['Memory', 'Memory'],
  ['Audit', 'Audit'],
  ['Integrations', 'Integrations'],
  ['Settings', 'Settings'],
] as const;

describe('App shell', () => {
  it('navigates between every page and marks the current one', () => {
    render(<Shell client={createFakeCore().client} />);
    const nav = screen.getByRole('navigation', { name: 'Main' });
    for (const [label, heading] of PAGES) {
      fireEvent.click(within(nav).getByRole('button', { name: label }));
      expect(screen.getByRole('heading', { level: 1, name: heading })).toBeTruthy();
      const current = within(nav)
        .getAllByRole('button')
        .filter((b) => b.getAttribute('aria-current') === 'page');
      expect(current.map((b) => b.textContent)).toEqual([label]);
    }
  });

  it('shows the connection state in words', () => {
    render(<Shell client={createFakeCore().client} />);
    const status = screen.getByRole('status');
    expect(status.textContent).toBe('Connecting…');
    act(() => useConnection.setState({ state: 'connected', everConnected: true }));
    expect(status.textContent).toBe('Connected');
    act(() => useConnection.setState({ state: 'reconnecting' }));
    expect(status.textContent).toBe('Reconnecting…');
    act(() => useConnection.setState({ state: 'failed' }));
    expect(status.textContent).toBe('Disconnected');
    expect(screen.getByRole('alert').textContent).toContain('open the new link it prints in the terminal');
  });

  it('reloads data when the connection comes back', async () => {
    const core = createFakeCore();
    useConnection.setState({ state: 'connected', everConnected: true });
    render(<Shell client={core.client} />);
    await screen.findByText('No chats yet');
    expect(core.callsTo('threads.list')).toHaveLength(1);
    act(() => useConnection.setState({ state: 'reconnecting' }));
    act(() => useConnection.setState({ state: 'connected' }));
    await act(async () => Promise.resolve());
    expect(core.callsTo('threads.list')).toHaveLength(2);
    expect(core.callsTo('settings.get')).toHaveLength(2);
  });

  it('shows a notification and opens its target when clicked', async () => {
    const core = createFakeCore();
    render(<Shell client={core.client} />);
    act(() =>
      core.emit('notification', {
        id: 'n1',
        title: 'Approval needed',
        body: 'Send the reply to Sam?',
        target: { page: 'approvals' },
      }),
    );
    const region = screen.getByRole('region', { name: 'Notifications' });
    expect(region.getAttribute('aria-live')).toBe('polite');
    fireEvent.click(within(region).getByRole('button', { name: /Approval needed/ }));
    expect(screen.getByRole('heading', { level: 1, name: 'Approvals' })).toBeTruthy();
    expect(within(region).queryByText('Approval needed')).toBeNull();
  });

  it('the Approvals page says plainly when nothing is waiting, with no made-up items', async () => {
    render(<Shell client={createFakeCore().client} />);
    const nav = screen.getByRole('navigation', { name: 'Main' });
    fireEvent.click(within(nav).getByRole('button', { name: 'Approvals' }));
    expect(await screen.findByText(/wait here for your yes or no\. Nothing is waiting\./)).toBeTruthy();
    expect(screen.queryByRole('article')).toBeNull();
  });
});
