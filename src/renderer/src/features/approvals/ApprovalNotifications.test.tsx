// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useConnection } from '../../stores/connection';
import { notification } from '../../test-support/fake-activity';
import { approval } from '../../test-support/fake-approvals';
import { resetStores } from '../../test-support/reset-stores';
import { EMAIL, approvalOptions, item, showApprovalsPage } from './approvals-kit';

// jsdom lays nothing out, so it has no scrollIntoView; record who asked to be scrolled to.
const scrolled = vi.fn();

beforeEach(() => {
  resetStores();
  Element.prototype.scrollIntoView = function (this: Element) {
    scrolled(this);
  };
});
afterEach(() => {
  cleanup();
  scrolled.mockReset();
  delete (Element.prototype as Partial<Element>).scrollIntoView;
});

const toasts = () => screen.getByRole('region', { name: 'Notifications' });
const nav = () => screen.getByRole('navigation', { name: 'Main' });

describe('Approvals: notifications and the sidebar', () => {
  it('opens the item a notification is about: in view, focused and highlighted', async () => {
    const core = await showApprovalsPage(approvalOptions(), 'chat');
    act(() =>
      core.activity.notify(
        notification({
          id: 'n1',
          kind: 'approval',
          title: 'Izzie wants to post to Slack',
          target: { page: 'approvals', id: 'a-slack' },
        }),
      ),
    );
    fireEvent.click(within(toasts()).getByRole('button', { name: /Izzie wants to post to Slack/ }));
    await screen.findByRole('heading', { level: 1, name: 'Approvals' });
    await waitFor(() => expect(document.activeElement).toBe(item('a-slack')));
    expect(scrolled).toHaveBeenCalledWith(item('a-slack'));
    expect(item('a-slack').classList.contains('is-highlighted')).toBe(true);
    expect(core.callsTo('approvals.get')).toEqual([]);
  });

  it('reads an item the page does not hold yet from the core', async () => {
    const core = await showApprovalsPage();
    // Queued after the page read its list, and its push was missed.
    const late = approval({ id: 'a-late', payload: { to: ['lee@acme.com'], subject: 'Late', body: 'Hi' } });
    core.approvals.state.approvals = [late, ...core.approvals.state.approvals];
    act(() =>
      core.activity.notify(notification({ id: 'n2', title: 'One more email', target: { page: 'approvals', id: 'a-late' } })),
    );
    fireEvent.click(within(toasts()).getByRole('button', { name: /One more email/ }));
    await waitFor(() => expect(document.activeElement).toBe(item('a-late')));
    expect(core.callsTo('approvals.get').map((c) => c.params)).toEqual([{ id: 'a-late' }]);
  });

  it('counts the actions waiting on the Approvals item, and follows the pushed count', async () => {
    const core = await showApprovalsPage(approvalOptions(), 'chat');
    await waitFor(() => expect(within(nav()).getByRole('button', { name: 'Approvals 4 waiting' })).toBeTruthy());
    expect(core.callsTo('approvals.list').map((c) => c.params)).toEqual([{ status: ['pending'], limit: 1 }]);

    act(() => core.approvals.queue(approval({ id: 'a-new' })));
    expect(within(nav()).getByRole('button', { name: 'Approvals 5 waiting' })).toBeTruthy();

    await act(() => core.client.call('approvals.deny', { id: EMAIL.id }));
    expect(within(nav()).getByRole('button', { name: 'Approvals 4 waiting' })).toBeTruthy();

    core.approvals.state.approvals = [];
    act(() => useConnection.setState({ state: 'reconnecting' }));
    act(() => useConnection.setState({ state: 'connected' }));
    await waitFor(() => expect(within(nav()).getByRole('button', { name: 'Approvals' })).toBeTruthy());
  });
});
