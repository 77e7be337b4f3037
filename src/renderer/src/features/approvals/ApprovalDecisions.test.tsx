// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { previewOf } from '../../../../shared';
import { payloadHash } from '../../test-support/fake-payload';
import { resetStores } from '../../test-support/reset-stores';
import { EMAIL, ISSUE, button, item, previewRows, queueList, recentList, showApprovalsPage } from './approvals-kit';

beforeEach(() => resetStores());
afterEach(() => cleanup());

const type = (field: HTMLElement, value: string) => fireEvent.change(field, { target: { value } });
const queued = () =>
  within(queueList())
    .getAllByRole('article')
    .map((a) => a.getAttribute('data-approval-id'));

describe('Approvals page: deciding', () => {
  it('approves exactly the payload shown, then moves it to Recent with Undo focused', async () => {
    const core = await showApprovalsPage();
    fireEvent.click(button(item('a-email'), 'Approve'));
    await waitFor(() => expect(within(recentList()).getAllByRole('article')).toHaveLength(1));
    expect(core.callsTo('approvals.approve').map((c) => c.params)).toEqual([{ id: 'a-email', payloadHash: EMAIL.payloadHash }]);
    expect(queued()).toEqual(['a-slack', 'a-issue', 'a-event']);
    const approved = within(recentList()).getByRole('article');
    expect(within(approved).getByRole('timer').textContent).toBe('Sending in 10 s');
    await waitFor(() => expect(document.activeElement).toBe(button(approved, 'Undo')));
  });

  it('shows the core’s refusal when the action changed since it was shown, and the action as it is now', async () => {
    const core = await showApprovalsPage();
    // The core's copy changed without the page hearing of it (an event missed while disconnected).
    const payload = { ...EMAIL.payload, to: ['everyone@acme.com'] };
    core.approvals.state.approvals = core.approvals.state.approvals.map((a) =>
      a.id === 'a-email'
        ? { ...a, payload, payloadHash: payloadHash(payload), preview: previewOf(a.tool, payload, { from: 'ada@acme.com' }) }
        : a,
    );
    fireEvent.click(button(item('a-email'), 'Approve'));
    const alert = await within(item('a-email')).findByRole('alert');
    expect(alert.textContent).toBe('This action changed since you looked at it. Review it again before approving.');
    expect(core.callsTo('approvals.approve').map((c) => c.params)).toEqual([{ id: 'a-email', payloadHash: EMAIL.payloadHash }]);
    expect(core.approvals.state.approvals.find((a) => a.id === 'a-email')?.status).toBe('pending');
    await waitFor(() => expect(previewRows(item('a-email'))).toContainEqual(['To', 'everyone@acme.com']));

    fireEvent.click(button(item('a-email'), 'Approve'));
    await waitFor(() => expect(core.callsTo('approvals.approve')).toHaveLength(2));
    expect(core.callsTo('approvals.approve')[1]?.params).toEqual({ id: 'a-email', payloadHash: payloadHash(payload) });
    await waitFor(() => expect(within(recentList()).getByRole('timer')).toBeTruthy());
  });

  it('edits an action into a new one that waits in its place for its own approval', async () => {
    const core = await showApprovalsPage();
    const edit = button(item('a-email'), 'Edit');
    fireEvent.click(edit);
    const form = within(item('a-email')).getByRole('form', { name: 'Edit before approving' });
    const to = within(form).getByRole('textbox', { name: 'To' });
    expect(document.activeElement).toBe(to);
    expect((to as HTMLInputElement).value).toBe('dana@acme.com');
    expect(within(form).getByRole<HTMLInputElement>('textbox', { name: 'Cc' }).value).toBe('sam@acme.com');

    // Escape leaves the editor, and focus goes back to Edit.
    fireEvent.keyDown(to, { key: 'Escape' });
    expect(within(item('a-email')).queryByRole('form')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(button(item('a-email'), 'Edit')));

    fireEvent.click(button(item('a-email'), 'Edit'));
    type(within(item('a-email')).getByRole('textbox', { name: 'To' }), 'dana@acme.com, not-an-address');
    fireEvent.click(within(item('a-email')).getByRole('button', { name: 'Save edit' }));
    const toField = within(item('a-email')).getByRole('textbox', { name: 'To' });
    await waitFor(() => expect(toField.getAttribute('aria-invalid')).toBe('true'));
    expect(toField.parentElement?.textContent).toContain('must match format "email"');
    expect(document.activeElement).toBe(toField);

    type(toField, 'dana@acme.com, lee@acme.com');
    type(within(item('a-email')).getByRole('textbox', { name: 'Subject' }), 'Friday works');
    fireEvent.click(within(item('a-email')).getByRole('button', { name: 'Save edit' }));
    await waitFor(() => expect(queued()).not.toContain('a-email'));

    const edited = core.approvals.state.approvals.find((a) => a.editedFrom === 'a-email');
    expect(core.callsTo('approvals.edit').at(-1)?.params).toEqual({
      id: 'a-email',
      payload: { ...EMAIL.payload, to: ['dana@acme.com', 'lee@acme.com'], subject: 'Friday works' },
    });
    expect(queued()).toEqual([edited?.id, 'a-slack', 'a-issue', 'a-event']);
    const card = item(edited?.id ?? '');
    expect(card.textContent).toContain('Your edit. It needs your approval before it goes out.');
    expect(previewRows(card)).toContainEqual(['Subject', 'Friday works']);
    await waitFor(() => expect(document.activeElement).toBe(card));
    expect(within(item('a-email')).getByRole('status').textContent).toContain('the edited version waits for your approval');

    fireEvent.click(button(card, 'Approve'));
    await waitFor(() => expect(core.callsTo('approvals.approve')).toHaveLength(1));
    expect(core.callsTo('approvals.approve')[0]?.params).toEqual({ id: edited?.id, payloadHash: edited?.payloadHash });
  });

  it('denies with the reason given', async () => {
    const core = await showApprovalsPage();
    fireEvent.click(button(item('a-slack'), 'Deny'));
    const reason = within(item('a-slack')).getByRole('textbox', { name: /Why not\?/ });
    expect(document.activeElement).toBe(reason);
    type(reason, 'Mallory is not a customer.');
    fireEvent.click(within(within(item('a-slack')).getByRole('form', { name: 'Deny' })).getByRole('button', { name: 'Deny' }));
    await waitFor(() => expect(within(recentList()).getAllByRole('article')).toHaveLength(1));
    expect(core.callsTo('approvals.deny').map((c) => c.params)).toEqual([
      { id: 'a-slack', reason: 'Mallory is not a customer.' },
    ]);
    expect(within(item('a-slack')).getByRole('status').textContent).toBe(
      'Denied: “Mallory is not a customer.”. Izzie did not send it.',
    );
  });

  it('approves and allows actions like it for the days chosen', async () => {
    const core = await showApprovalsPage();
    fireEvent.click(button(item('a-issue'), 'Approve and allow…'));
    const panel = within(item('a-issue')).getByRole('group', { name: 'Approve and allow' });
    expect(panel.textContent).toContain('let Izzie create things (issues, events) as your Work persona');
    fireEvent.click(within(panel).getByRole('radio', { name: '30 days' }));
    fireEvent.click(within(panel).getByRole('button', { name: 'Approve and allow for 30 days' }));
    await waitFor(() => expect(within(recentList()).getByRole('timer')).toBeTruthy());
    expect(core.callsTo('approvals.approve').map((c) => c.params)).toEqual([
      { id: 'a-issue', payloadHash: ISSUE.payloadHash, grantDays: 30 },
    ]);
    expect(core.approvals.state.grants).toEqual([
      expect.objectContaining({ scope: 'class', actionClass: 'create', persona: 'work', fromApproval: 'a-issue' }),
    ]);
    expect(screen.queryByRole('group', { name: 'Approve and allow' })).toBeNull();
  });
});
