// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Shell } from '../../app/Shell';
import { useConnection } from '../../stores/connection';
import { useNavigation } from '../../stores/navigation';
import { DEFAULT_POLICY } from '../../../../shared';
import { grant } from '../../test-support/fake-approvals';
import { createFakeCore, type FakeCoreOptions } from '../../test-support/fake-core';
import { resetStores } from '../../test-support/reset-stores';

const DAY = 86_400_000;

async function start(options: FakeCoreOptions = {}) {
  const core = createFakeCore(options);
  useConnection.setState({ state: 'connected', everConnected: true });
  useNavigation.setState({ page: 'settings' });
  render(<Shell client={core.client} />);
  const region = await screen.findByRole('region', { name: 'Permissions' });
  await within(region).findByRole('table');
  await waitFor(() => expect(within(region).queryByText('Loading…')).toBeNull());
  return { core, region };
}

const type = (field: HTMLElement, value: string) => fireEvent.change(field, { target: { value } });

beforeEach(() => resetStores());
afterEach(() => cleanup());

describe('Settings → Permissions: tool access', () => {
  it('shows each persona’s assistant tools read-only, and saves the proxy row', async () => {
    const { core, region } = await start();
    const table = within(region).getByRole('table');
    expect(within(table).getByRole('cell', { name: 'Work assistant tools' }).textContent).toBe('builtin, github, email');
    expect(within(table).getByRole('cell', { name: 'Personal assistant tools' }).textContent).toBe('builtin, calendar');
    expect(within(region).getByText(/it never includes acting as you/)).toBeTruthy();

    const work = within(table).getByRole<HTMLInputElement>('textbox', { name: 'Work proxy tools' });
    expect(work.value).toBe('gmail_send, calendar_create, issue_create, message_send');
    const save = within(region).getByRole<HTMLButtonElement>('button', { name: 'Save tool access' });
    expect(save.disabled).toBe(true);
    type(work, 'gmail_send,  message_send');
    fireEvent.click(save);
    await waitFor(() => expect(core.callsTo('policy.update')).toHaveLength(1));
    expect(core.callsTo('policy.update')[0]?.params).toEqual({
      proxyToolAccess: { work: ['gmail_send', 'message_send'], personal: ['gmail_send', 'calendar_create'] },
    });
    await waitFor(() => expect(work.value).toBe('gmail_send, message_send'));
    expect(core.approvals.state.policy.proxyToolAccess.work).toEqual(['gmail_send', 'message_send']);
    expect(save.disabled).toBe(true);
  });

  it('shows a refused tool name under that persona’s list', async () => {
    const { core, region } = await start();
    const personal = within(region).getByRole('textbox', { name: 'Personal proxy tools' });
    type(personal, 'gmail_send, Calendar Create');
    fireEvent.click(within(region).getByRole('button', { name: 'Save tool access' }));
    await waitFor(() => expect(personal.getAttribute('aria-invalid')).toBe('true'));
    expect(personal.parentElement?.textContent).toContain('Tool names are lowercase letters, digits');
    expect(within(region).getByRole('textbox', { name: 'Work proxy tools' }).getAttribute('aria-invalid')).toBe('false');
    expect(core.approvals.state.policy).toEqual(DEFAULT_POLICY);
  });
});

describe('Settings → Permissions: asking first', () => {
  it('saves each always-confirm box as it changes, and warns while one is off', async () => {
    const { core, region } = await start();
    const group = within(region).getByRole('group', { name: 'Always ask first' });
    const boxes = within(group).getAllByRole<HTMLInputElement>('checkbox');
    expect(boxes.map((b) => [b.parentElement?.textContent, b.checked])).toEqual([
      ['Send email', true],
      ['Post to Slack', true],
      ['Create issue', true],
    ]);
    fireEvent.click(within(group).getByRole('checkbox', { name: 'Post to Slack' }));
    await waitFor(() =>
      expect(within(group).getByRole<HTMLInputElement>('checkbox', { name: 'Post to Slack' }).checked).toBe(false),
    );
    expect(core.callsTo('policy.update').map((c) => c.params)).toEqual([{ alwaysConfirm: ['send_email', 'create_issue'] }]);
    expect(group.textContent).toContain('A grant can now let Izzie post to Slack as you without asking.');

    fireEvent.click(within(group).getByRole('checkbox', { name: 'Post to Slack' }));
    await waitFor(() => expect(core.callsTo('policy.update')).toHaveLength(2));
    expect(core.callsTo('policy.update')[1]?.params).toEqual({ alwaysConfirm: ['send_email', 'post_slack', 'create_issue'] });
    await waitFor(() => expect(group.textContent).not.toContain('without asking'));
  });

  it('saves the undo window and the expiry, and shows an out-of-range value under its field', async () => {
    const { core, region } = await start();
    const form = within(region).getByRole('form', { name: 'Undo window and expiry' });
    const undo = within(form).getByRole('spinbutton', { name: 'Undo window (seconds)' });
    type(undo, '400');
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(undo.getAttribute('aria-invalid')).toBe('true'));
    expect(undo.parentElement?.textContent).toMatch(/300/);

    type(undo, '30');
    type(within(form).getByRole('spinbutton', { name: 'Approvals expire after (hours)' }), '48');
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    await within(form).findByText('Saved');
    expect(core.callsTo('policy.update').at(-1)?.params).toEqual({ undoSeconds: 30, approvalTtlHours: 48 });
    expect(undo.getAttribute('aria-invalid')).toBe('false');
  });
});

describe('Settings → Permissions: grants', () => {
  const STANDING = grant({
    id: 'g-standing',
    scope: 'standing',
    actionClass: 'send',
    tool: 'google.gmail_send',
    allowlist: ['@acme.com'],
    rateLimit: { count: 5, perHours: 24 },
    expiresAt: null,
    uses: 3,
    lastUsedAt: Date.now() - 2 * 3_600_000,
  });
  const OLD = grant({ id: 'g-old', scope: 'class', persona: 'personal', state: 'expired', expiresAt: Date.now() - 2 * DAY });

  it('lists each grant with its scope, limits, expiry, uses and state', async () => {
    const { region } = await start({ approvals: { grants: [OLD, STANDING] } });
    const list = within(region).getByRole('list', { name: 'Grants' });
    const [first, second] = within(list).getAllByRole('article');
    expect(first?.getAttribute('data-grant-id')).toBe('g-standing');
    expect(within(first as HTMLElement).getByRole('heading').textContent).toBe('Send as Work');
    expect(first?.textContent).toContain('Until revoked');
    expect([...(first?.querySelectorAll('.grant__fact') ?? [])].map((f) => f.textContent)).toEqual([
      'Toolgoogle.gmail_send',
      'Only for@acme.com',
      'Rate limitAt most 5 per 24 hours',
      'ExpiryNever expires',
      'UsesUsed 3 times, last 2 hours ago',
    ]);
    expect(second?.textContent).toContain('Expired');
    expect(within(second as HTMLElement).queryByRole('button', { name: 'Revoke' })).toBeNull();
  });

  it('revokes a grant after asking, at once', async () => {
    const { core, region } = await start({ approvals: { grants: [STANDING] } });
    const item = within(region).getByRole('article', { name: 'Send as Work' });
    fireEvent.click(within(item).getByRole('button', { name: 'Revoke' }));
    const dialog = screen.getByRole('dialog', { name: 'Revoke “Send as Work”?' });
    expect(dialog.textContent).toContain('It stops at once');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Revoke' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(core.callsTo('grants.revoke').map((c) => c.params)).toEqual([{ id: 'g-standing' }]);
    expect(item.querySelector('.grant__state')?.textContent).toBe('Revoked');
    expect(within(item).queryByRole('button', { name: 'Revoke' })).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(item));
  });

  it('creates a grant, showing the core’s refusal under the field it names', async () => {
    const { core, region } = await start();
    expect(within(region).getByText(/No grants: Izzie asks you before every action/)).toBeTruthy();
    const form = within(region).getByRole('form', { name: 'New grant' });
    expect(within(form).getByRole<HTMLInputElement>('radio', { name: 'For a while' }).checked).toBe(true);
    const days = within(form).getByRole('spinbutton', { name: /Expires after \(days\)/ });
    type(days, '');
    fireEvent.change(within(form).getByRole('combobox', { name: 'Action' }), { target: { value: 'create' } });
    type(within(form).getByRole('textbox', { name: /Only for/ }), 'acme/app, acme/api');
    fireEvent.click(within(form).getByRole('button', { name: 'Create grant' }));
    await waitFor(() => expect(days.getAttribute('aria-invalid')).toBe('true'));
    expect(days.parentElement?.textContent).toContain('A class grant needs an expiry');
    expect(document.activeElement).toBe(days);
    expect(core.approvals.state.grants).toEqual([]);

    type(days, '3');
    fireEvent.click(within(form).getByRole('button', { name: 'Create grant' }));
    await within(form).findByText('Grant created');
    expect(core.callsTo('grants.create').at(-1)?.params).toEqual({
      scope: 'class',
      persona: 'work',
      actionClass: 'create',
      tool: null,
      allowlist: ['acme/app', 'acme/api'],
      rateLimit: null,
      days: 3,
    });
    const created = within(region).getByRole('article', { name: 'Create as Work' });
    expect(created.textContent).toContain('Expires in 3 days');
    expect(created.textContent).toContain('Only foracme/app, acme/api');
  });

  it('shows a grant made elsewhere as soon as it is pushed', async () => {
    const { core, region } = await start();
    act(() => void core.emit('grants.changed', { grant: STANDING }));
    expect(within(region).getByRole('article', { name: 'Send as Work' })).toBeTruthy();
  });
});
