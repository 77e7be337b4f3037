// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Approval } from '../../../../shared';
import { useNavigation } from '../../stores/navigation';
import { approval, toolAnswer } from '../../test-support/fake-approvals';
import { resetStores } from '../../test-support/reset-stores';
import {
  EMAIL,
  EVENT,
  ISSUE,
  SLACK,
  approvalOptions,
  button,
  item,
  previewBody,
  previewRows,
  queueList,
  recentList,
  showApprovalsPage,
} from './approvals-kit';

beforeEach(() => resetStores());
afterEach(() => cleanup());

describe('Approvals page: the queue', () => {
  it('lists waiting actions oldest first, each previewed as it will be sent', async () => {
    const core = await showApprovalsPage();
    // Every waiting item, however many were decided since; then the newest decided ones.
    expect(core.callsTo('approvals.list').map((c) => c.params)).toEqual([{ status: ['pending'], limit: 200 }, { limit: 100 }]);
    const ids = within(queueList())
      .getAllByRole('article')
      .map((a) => a.getAttribute('data-approval-id'));
    expect(ids).toEqual(['a-email', 'a-slack', 'a-issue', 'a-event']);

    const email = item('a-email');
    expect(within(email).getByRole('heading', { level: 3 }).textContent).toBe('Send an email');
    expect(previewRows(email)).toEqual([
      ['From', 'ada@acme.com'],
      ['To', 'dana@acme.com'],
      ['Cc', 'sam@acme.com'],
      ['Subject', 'Re: Atlas launch plan'],
    ]);
    expect(previewBody(email)).toBe('Body: Hi Dana,\n\nFriday works. I will bring the numbers.\n\nAda');

    const slack = item('a-slack');
    expect(within(slack).getByRole('heading', { level: 3 }).textContent).toBe('Post to Slack');
    expect(previewRows(slack)).toEqual([
      ['Workspace', 'Acme'],
      ['Channel', '#launch'],
    ]);
    expect(previewBody(slack)).toBe('Message: Atlas ships Friday.');

    const issue = item('a-issue');
    expect(within(issue).getByRole('heading', { level: 3 }).textContent).toBe('Create a GitHub issue');
    expect(previewRows(issue)).toEqual([
      ['Service', 'GitHub'],
      ['Repository', 'acme/app'],
      ['Title', 'Login loops after reset'],
    ]);
    expect(previewBody(issue)).toContain('1. Reset the password');

    const event = item('a-event');
    expect(within(event).getByRole('heading', { level: 3 }).textContent).toBe('Create: google.calendar_create');
    expect(within(event).getByText('Personal')).toBeTruthy();
    expect(previewRows(event)).toEqual([
      ['summary', 'Dentist'],
      ['start', '2024-03-04T10:00'],
      ['attendees', '["ada@home.example"]'],
    ]);
  });

  it('says why each action waits, what Izzie had read, when it was asked and when it expires', async () => {
    await showApprovalsPage();
    const email = item('a-email');
    expect(email.textContent).toContain('You always confirm sending email.');
    expect(email.querySelector('.approval-why__meta')?.textContent).toMatch(
      /^From Chat: Atlas launchasked 30 minutes agoexpires in 23 hours$/,
    );
    expect(email.querySelector('time')?.getAttribute('dateTime')).toBe(new Date(EMAIL.createdAt).toISOString());

    const slack = item('a-slack');
    expect(slack.textContent).toContain('Izzie read outside content before it asked to post this.');
    expect(slack.textContent).toContain('Izzie had read: email from mallory@evil.test.');
  });

  it('opens what led to an action: the chat thread, or the Activity run', async () => {
    await showApprovalsPage();
    fireEvent.click(button(item('a-email'), 'Chat: Atlas launch'));
    expect(useNavigation.getState()).toMatchObject({ page: 'chat', threadId: 'thread-atlas' });

    useNavigation.setState({ page: 'approvals' });
    await screen.findByRole('heading', { level: 1, name: 'Approvals' });
    fireEvent.click(await waitFor(() => button(item('a-slack'), 'email/received: Mallory — Invoice')));
    expect(useNavigation.getState().page).toBe('activity');
  });

  it('lists decided actions under Recent with how each went', async () => {
    const at = Date.now() - 60_000;
    await showApprovalsPage(
      approvalOptions({
        approvals: [
          approval({
            id: 'sent',
            status: 'done',
            decidedAt: at - 5_000,
            executedAt: at,
            result: toolAnswer({ tool: 'google.gmail_send', payload: {} }),
          }),
          approval({
            id: 'failed',
            tool: 'slack.message_send',
            payload: { channel: '#x', text: 'hi' },
            status: 'failed',
            decidedAt: at - 10_000,
            executedAt: at - 9_000,
            error: 'Slack says the channel is archived.',
          }),
          approval({ id: 'denied', status: 'denied', decidedAt: at - 20_000, denyReason: 'Wrong numbers' }),
          approval({ id: 'expired', status: 'expired', createdAt: at - 100_000_000, expiresAt: at - 30_000 }),
        ],
      }),
    );
    expect(screen.getByRole('heading', { name: 'All clear' })).toBeTruthy();
    const recent = recentList();
    expect(
      within(recent)
        .getAllByRole('article')
        .map((a) => a.getAttribute('data-approval-id')),
    ).toEqual(['sent', 'failed', 'denied', 'expired']);
    expect(within(item('sent')).getByRole('status').textContent).toBe('Sent (Gmail message 18c2f0a1b2c3d4e5)');
    expect(within(item('failed')).getByRole('status').textContent).toBe('Failed: Slack says the channel is archived.');
    expect(within(item('denied')).getByRole('status').textContent).toBe('Denied: “Wrong numbers”. Izzie did not send it.');
    expect(within(item('expired')).getByRole('status').textContent).toContain('Expired');
    // What was decided is still there to read, folded away.
    expect(within(item('sent')).getByText('What it was').closest('details')?.open).toBe(false);
    expect(within(recent).queryByRole('button', { name: 'Approve' })).toBeNull();
  });

  it('says what each sent action’s service answered in a line, not the tool’s JSON, with a link to what it made', async () => {
    const at = Date.now() - 60_000;
    const done = (base: Approval, result = toolAnswer(base)): Approval => ({
      ...base,
      status: 'done',
      decidedAt: at - 5_000,
      decidedBy: 'user',
      executedAt: at,
      result,
    });
    const linear = approval({
      id: 'a-linear',
      tool: 'linear.issue_create',
      actionClass: 'create',
      payload: { team: 'ENG', title: 'Login loops after reset' },
    });
    const comment = approval({
      id: 'a-comment',
      tool: 'linear.comment_create',
      actionClass: 'create',
      payload: { issue: 'ENG-7', body: 'Fixed in the next release.' },
    });
    const other = approval({ id: 'a-other', tool: 'notion.page_create', actionClass: 'create', payload: { title: 'Notes' } });
    await showApprovalsPage(
      approvalOptions({
        approvals: [
          done(SLACK),
          done(ISSUE),
          done(EVENT),
          done(linear),
          done(comment, JSON.stringify({ id: 'c1', issue: 'ENG-7', issueUrl: 'https://linear.app/acme/issue/ENG-7' })),
          done(other, `{"id":"p1","note":"${'x'.repeat(300)}"}`),
        ],
      }),
    );
    const outcome = (id: string) => within(item(id)).getByRole('status').textContent;
    const link = (id: string) => within(item(id)).queryByRole('link');
    expect(outcome('a-slack')).toBe('Posted in #launch');
    expect(link('a-slack')).toBeNull();
    expect(outcome('a-issue')).toBe('Created acme/app#12');
    expect(link('a-issue')?.textContent).toBe('Open in GitHub');
    expect(link('a-issue')?.getAttribute('href')).toBe('https://github.com/acme/app/issues/12');
    // It opens in the browser, not in Izzie's window.
    expect(link('a-issue')?.getAttribute('target')).toBe('_blank');
    expect(outcome('a-event')).toBe('Event created: Dentist');
    expect(link('a-event')?.textContent).toBe('Open in Google Calendar');
    expect(outcome('a-linear')).toBe('Created ENG-8');
    expect(link('a-linear')?.getAttribute('href')).toBe('https://linear.app/acme/issue/ENG-8');
    expect(outcome('a-comment')).toBe('Commented on ENG-7');
    expect(link('a-comment')?.textContent).toBe('Open in Linear');
    // Any other tool: the start of its answer, on one line.
    expect(outcome('a-other')).toMatch(/^Done: \{"id":"p1","note":"x+…$/);
    expect(outcome('a-other')?.length).toBeLessThan(140);
    expect(link('a-other')).toBeNull();
  });

  it('shows a list it could not read in the core’s words, and tries again', async () => {
    const core = await showApprovalsPage({
      ...approvalOptions(),
      failures: { 'approvals.list': { code: 'UNAVAILABLE', message: 'The database is busy.' } },
    });
    expect(screen.getByRole('alert').textContent).toContain('Couldn’t load the approvals. The database is busy.');
    delete core.failures['approvals.list'];
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(within(queueList()).getAllByRole('article')).toHaveLength(4));
    expect([SLACK, ISSUE, EVENT].every((a) => item(a.id))).toBe(true);
  });
});
