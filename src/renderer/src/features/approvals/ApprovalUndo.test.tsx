// @vitest-environment jsdom
import { act, cleanup, fireEvent, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { toolAnswer } from '../../test-support/fake-approvals';
import { resetStores } from '../../test-support/reset-stores';
import { approvalOptions, button, item, queueList, recentList, showApprovalsPage } from './approvals-kit';

// The countdown reads the window's clock; fake timers move it (and keep moving with real time, so
// testing-library's waits still run).
beforeEach(() => {
  resetStores();
  vi.useFakeTimers({ shouldAdvanceTime: true });
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

async function approveEmail() {
  fireEvent.click(button(item('a-email'), 'Approve'));
  return waitFor(() => within(recentList()).getByRole('timer'));
}

describe('Approvals page: the undo window', () => {
  it('counts down to sending, and Undo puts the action back in the queue', async () => {
    const core = await showApprovalsPage();
    const timer = await approveEmail();
    expect(timer.textContent).toBe('Sending in 10 s');
    act(() => vi.advanceTimersByTime(1_000));
    expect(timer.textContent).toBe('Sending in 9 s');

    fireEvent.click(button(item('a-email'), 'Undo'));
    await waitFor(() => expect(within(queueList()).getAllByRole('article')[0]?.getAttribute('data-approval-id')).toBe('a-email'));
    expect(core.callsTo('approvals.undo').map((c) => c.params)).toEqual([{ id: 'a-email' }]);
    expect(core.approvals.state.approvals.find((a) => a.id === 'a-email')?.status).toBe('pending');
    await waitFor(() => expect(document.activeElement).toBe(item('a-email')));
    expect(button(item('a-email'), 'Approve')).toBeTruthy();
  });

  it('shows that it was sent, with what Gmail answered in words, once the window has passed', async () => {
    const core = await showApprovalsPage(approvalOptions());
    await approveEmail();
    act(() => vi.advanceTimersByTime(10_000));
    const card = item('a-email');
    expect(within(card).queryByRole('timer')).toBeNull();
    expect(within(card).queryByRole('button', { name: 'Undo' })).toBeNull();
    expect(within(card).getByRole('status').textContent).toBe('Approved; sending…');

    act(() => void core.approvals.sendDue());
    // Gmail's answer is JSON ({"id":…,"labelIds":["SENT"]}); the person reads a line, not the JSON.
    expect(core.approvals.state.approvals.find((a) => a.id === 'a-email')?.result).toContain('"labelIds":["SENT"]');
    expect(within(item('a-email')).getByRole('status').textContent).toBe('Sent (Gmail message 18c2f0a1b2c3d4e5)');
    expect(item('a-email').textContent).not.toContain('labelIds');
    // A sent email has nothing to open.
    expect(within(item('a-email')).queryByRole('link')).toBeNull();
  });

  it('shows why sending failed', async () => {
    const core = await showApprovalsPage();
    await approveEmail();
    act(() => vi.advanceTimersByTime(10_000));
    act(() => void core.approvals.sendDue({ error: 'Gmail refused the message: daily sending limit reached.' }));
    expect(within(item('a-email')).getByRole('status').textContent).toBe(
      'Failed: Gmail refused the message: daily sending limit reached.',
    );
  });

  it('says so when Undo comes too late', async () => {
    const core = await showApprovalsPage();
    await approveEmail();
    // The core sent it a moment early (its clock ran ahead of the window's).
    core.approvals.state.approvals = core.approvals.state.approvals.map((a) =>
      a.id === 'a-email' ? { ...a, status: 'done', result: toolAnswer(a), executedAt: Date.now() } : a,
    );
    fireEvent.click(button(item('a-email'), 'Undo'));
    expect((await within(item('a-email')).findByRole('alert')).textContent).toBe('This action is done.');
    expect(within(item('a-email')).getByRole('status').textContent).toBe('Sent (Gmail message 18c2f0a1b2c3d4e5)');
  });
});
