// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Shell } from '../../app/Shell';
import { useConnection } from '../../stores/connection';
import { useNavigation } from '../../stores/navigation';
import { createFakeCore, type FakeCore, type FakeCoreOptions } from '../../test-support/fake-core';
import { resetStores } from '../../test-support/reset-stores';

const GITHUB_TOKEN = 'ghp_octocat0123456789';
const CLIENT_SECRET = 'GOCSPX-very-secret';

async function start(options: FakeCoreOptions = {}, before?: (core: FakeCore) => Promise<unknown>) {
  const core = createFakeCore(options);
  await before?.(core);
  useConnection.setState({ state: 'connected', everConnected: true });
  useNavigation.setState({ page: 'integrations' });
  render(<Shell client={core.client} />);
  await screen.findByRole('region', { name: 'GitHub' });
  return core;
}

const card = (name: string) => screen.getByRole('region', { name });
const type = (field: HTMLElement, value: string) => fireEvent.change(field, { target: { value } });
const pill = (region: HTMLElement) => region.querySelector('.status-pill')?.textContent;

function openForm(name: string) {
  const region = card(name);
  fireEvent.click(within(region).getByRole('button', { name: 'Connect' }));
  return { region, form: within(region).getByRole('form', { name: `Connect ${name}` }) };
}

/** The error shown under a field, found the way assistive technology finds it. */
function errorOf(field: HTMLElement): string {
  const ids = (field.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' | ');
}

beforeEach(() => resetStores());
afterEach(() => cleanup());

describe('Integrations: accounts', () => {
  it('lists every integration with what Izzie does and its status', async () => {
    await start();
    const accounts = screen.getByRole('region', { name: 'Accounts' });
    const names = within(accounts)
      .getAllByRole('region')
      .map((r) => r.getAttribute('aria-label'));
    expect(names).toEqual(['Google — Gmail & Calendar', 'GitHub', 'Linear', 'Slack', 'SMS — Twilio']);
    for (const name of names) expect(pill(card(name ?? ''))).toBe('Not connected');
    expect(within(card('Slack')).getByText(/Posts messages only with your yes/)).toBeTruthy();
  });

  it('connects GitHub with a pasted token and shows the account; the token goes to the vault only', async () => {
    const core = await start();
    const { region, form } = openForm('GitHub');
    expect(within(form).getByRole<HTMLInputElement>('radio', { name: 'Paste a token' }).checked).toBe(true);
    const token = within(form).getByLabelText<HTMLInputElement>('Personal access token');
    expect(token.type).toBe('password');
    expect(document.activeElement).toBe(token);
    expect(within(form).getByText('read:org')).toBeTruthy(); // which scopes the token needs

    type(token, GITHUB_TOKEN);
    fireEvent.click(within(form).getByRole('button', { name: 'Connect' }));

    expect(await within(region).findByText('octocat')).toBeTruthy();
    expect(core.callsTo('integrations.connect')).toEqual([
      { method: 'integrations.connect', params: { id: 'github', token: GITHUB_TOKEN } },
    ]);
    expect(pill(region)).toBe('Connected');
    const scopes = within(region).getByRole('list', { name: 'Granted scopes' });
    expect(
      within(scopes)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['repo', 'read:org', 'notifications']);
    expect(within(region).getByText('just now')).toBeTruthy();
    expect(within(region).queryByRole('form')).toBeNull();
    expect(within(region).getByRole('button', { name: 'Disconnect' })).toBeTruthy();
    expect(document.activeElement).toBe(region); // the form that had focus is gone; focus stays on the card

    expect(core.integrations.vault.get('github/token')).toBe(GITHUB_TOKEN);
    expect(document.body.textContent).not.toContain(GITHUB_TOKEN);
    expect([...document.querySelectorAll('input')].map((input) => input.value)).not.toContain(GITHUB_TOKEN);

    // The built-in server started with it, and the list shows that without a reload.
    const server = screen.getByRole('listitem', { name: 'GitHub' });
    expect(pill(server)).toBe('Running');
  });

  it('shows each refusal under the field it is about and empties the secrets', async () => {
    const core = await start();
    const { region, form } = openForm('SMS — Twilio');
    type(within(form).getByLabelText('Account SID'), 'AC123');
    type(within(form).getByLabelText('Auth token'), 'twilio0123456789');
    type(within(form).getByLabelText('From number'), '555-0100');
    fireEvent.click(within(form).getByRole('button', { name: 'Connect' }));

    const sid = within(form).getByLabelText('Account SID');
    await waitFor(() => expect(sid.getAttribute('aria-invalid')).toBe('true'));
    expect(errorOf(sid)).toContain('A Twilio account SID starts with AC and has 32 hex digits');
    const from = within(form).getByLabelText('From number');
    expect(errorOf(from)).toContain('Use the E.164 form, e.g. +15551234567');
    expect(within(form).getByLabelText<HTMLInputElement>('Auth token').value).toBe('');
    expect(within(form).getByLabelText('Auth token').getAttribute('aria-invalid')).toBe('false');
    expect(document.activeElement).toBe(sid);
    expect(pill(region)).toBe('Not connected');
    expect(core.integrations.vault.size).toBe(0);

    // Fixed, it connects as the number it sends from.
    type(sid, 'AC0123456789abcdef0123456789abcdef');
    type(from, '+15550100');
    type(within(form).getByLabelText('Auth token'), 'twilio0123456789');
    fireEvent.click(within(form).getByRole('button', { name: 'Connect' }));
    expect(await within(region).findByText('+15550100')).toBeTruthy();
  });

  it('shows a service’s refusal for the whole form, and a bad base URL under Advanced', async () => {
    await start();
    const { form } = openForm('Linear');
    type(within(form).getByLabelText('API key'), 'lin_api_wrong');
    fireEvent.click(within(form).getByRole('button', { name: 'Connect' }));
    expect((await within(form).findByRole('alert')).textContent).toBe(
      'Linear refused the API key (401 Unauthorized). Check it and try again.',
    );

    const advanced = within(form).getByRole('button', { name: 'Advanced' });
    expect(advanced.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(advanced);
    type(within(form).getByLabelText('API key'), 'lin_api_ada0123456789');
    type(within(form).getByLabelText('API base URL'), 'ftp://linear.local');
    fireEvent.click(within(form).getByRole('button', { name: 'Connect' }));
    const baseUrl = within(form).getByLabelText('API base URL');
    await waitFor(() => expect(errorOf(baseUrl)).toContain('Enter an http(s) URL'));
    expect(within(form).queryByRole('alert')).toBeNull();
  });

  it('Google: shows the pending sign-in page, cancels it, and shows the account once signed in', async () => {
    const core = await start();
    const name = 'Google — Gmail & Calendar';
    let { form } = openForm(name);
    type(within(form).getByLabelText('OAuth client ID'), 'izzie-desktop.apps.googleusercontent.com');
    const secret = within(form).getByLabelText<HTMLInputElement>('Client secret');
    expect(secret.type).toBe('password');
    type(secret, CLIENT_SECRET);
    fireEvent.click(within(form).getByRole('button', { name: 'Advanced' }));
    type(within(form).getByLabelText('API base URL'), 'http://127.0.0.1:4010');
    fireEvent.click(within(form).getByRole('button', { name: 'Connect' }));

    const region = card(name);
    const link = await within(region).findByRole<HTMLAnchorElement>('link', { name: 'Open the sign-in page' });
    expect(within(region).getByText('Finish signing in in your browser…')).toBeTruthy();
    expect(pill(region)).toBe('Connecting…');
    expect(link.href).toBe(
      'http://127.0.0.1:4010/o/oauth2/v2/auth?client_id=izzie-desktop.apps.googleusercontent.com&code_challenge_method=S256',
    );
    expect(link.target).toBe('_blank');
    expect(link.rel).toBe('noreferrer');
    await waitFor(() => expect(document.activeElement).toBe(link));
    expect(core.callsTo('integrations.connect')[0]?.params).toEqual({
      id: 'google',
      clientId: 'izzie-desktop.apps.googleusercontent.com',
      clientSecret: CLIENT_SECRET,
      baseUrl: 'http://127.0.0.1:4010',
    });
    expect(document.body.textContent).not.toContain(CLIENT_SECRET);

    fireEvent.click(within(region).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(pill(region)).toBe('Not connected'));
    expect(core.callsTo('integrations.cancel')).toEqual([{ method: 'integrations.cancel', params: { id: 'google' } }]);
    expect(within(region).queryByRole('link', { name: 'Open the sign-in page' })).toBeNull();

    ({ form } = openForm(name));
    type(within(form).getByLabelText('OAuth client ID'), 'izzie-desktop.apps.googleusercontent.com');
    fireEvent.click(within(form).getByRole('button', { name: 'Connect' }));
    await within(region).findByRole('link', { name: 'Open the sign-in page' });
    act(() => core.finishSignIn('google', 'ada@example.com'));

    expect(await within(region).findByText('ada@example.com')).toBeTruthy();
    expect(pill(region)).toBe('Connected');
    const scopes = within(region).getByRole('list', { name: 'Granted scopes' });
    expect(within(scopes).getByText('gmail.modify').getAttribute('title')).toBe('https://www.googleapis.com/auth/gmail.modify');
    expect(within(region).getByText(/Browser sign-in/)).toBeTruthy();
    expect(document.activeElement).toBe(region); // the link that had focus is gone; focus stays on the card
  });

  it('GitHub device sign-in shows the code to type and the verification page', async () => {
    const core = await start();
    const { region, form } = openForm('GitHub');
    fireEvent.click(within(form).getByRole('radio', { name: 'Sign in with GitHub' }));
    fireEvent.click(within(form).getByRole('button', { name: 'Connect' }));
    expect(errorOf(within(form).getByLabelText('OAuth app client ID'))).toContain(
      'Enter the client ID of your GitHub OAuth app.',
    );
    expect(core.callsTo('integrations.connect')).toHaveLength(0);

    type(within(form).getByLabelText('OAuth app client ID'), 'Iv1.izzie');
    fireEvent.click(within(form).getByRole('button', { name: 'Connect' }));
    const code = await within(region).findByRole('status', { name: 'Sign-in code' });
    expect(code.textContent).toBe('WDJB-MJHT');
    expect(within(region).getByRole<HTMLAnchorElement>('link', { name: 'Open the sign-in page' }).href).toBe(
      'https://github.com/login/device',
    );
    expect(core.callsTo('integrations.connect')[0]?.params).toEqual({ id: 'github', clientId: 'Iv1.izzie' });

    act(() => core.finishSignIn('github', 'octocat'));
    expect(await within(region).findByText('octocat')).toBeTruthy();
    expect(within(region).getByText(/Device sign-in/)).toBeTruthy();
  });

  it('asks before disconnecting, says what happens, and removes the credentials', async () => {
    const core = await start({}, (c) => c.client.call('integrations.connect', { id: 'github', token: GITHUB_TOKEN }));
    const region = card('GitHub');
    expect(within(region).getByText('octocat')).toBeTruthy();

    const disconnect = within(region).getByRole('button', { name: 'Disconnect' });
    disconnect.focus();
    fireEvent.click(disconnect);
    let dialog = screen.getByRole('dialog', { name: 'Disconnect GitHub?' });
    expect(dialog.textContent).toContain('removes the credentials for octocat from your system keychain');
    expect(dialog.textContent).not.toContain('revoke');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(disconnect);
    expect(core.callsTo('integrations.disconnect')).toHaveLength(0);

    fireEvent.click(disconnect);
    dialog = screen.getByRole('dialog', { name: 'Disconnect GitHub?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Disconnect' }));
    await waitFor(() => expect(pill(region)).toBe('Not connected'));
    // The card may update (from the event) a moment before the call answers and the dialog closes.
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(core.callsTo('integrations.disconnect')).toEqual([{ method: 'integrations.disconnect', params: { id: 'github' } }]);
    expect(core.integrations.vault.has('github/token')).toBe(false);
    expect(within(region).queryByText('octocat')).toBeNull();
    expect(pill(screen.getByRole('listitem', { name: 'GitHub' }))).toBe('Not connected');
  });

  it('says that disconnecting Google also revokes the grant', async () => {
    const core = await start();
    const name = 'Google — Gmail & Calendar';
    await act(async () => {
      await core.client.call('integrations.connect', { id: 'google', clientId: 'izzie-desktop' });
      core.finishSignIn('google', 'ada@example.com');
    });
    fireEvent.click(within(card(name)).getByRole('button', { name: 'Disconnect' }));
    const dialog = screen.getByRole('dialog', { name: `Disconnect ${name}?` });
    expect(dialog.textContent).toContain('keychain');
    expect(dialog.textContent).toContain('asks Google to revoke the grant');
  });

  it('updates a card live from integrations.changed, with the problem and how to fix it', async () => {
    const core = await start({}, (c) => c.client.call('integrations.connect', { id: 'slack', token: 'xoxb-0123-ada-bot' }));
    const region = card('Slack');
    expect(pill(region)).toBe('Connected');
    const connected = core.integrations.integrations.get('slack');
    if (!connected) throw new Error('slack is missing from the fake');

    act(() =>
      core.emit('integrations.changed', {
        integration: {
          ...connected,
          status: 'error',
          lastError: {
            message: 'Slack answered 403 Forbidden: missing_scope (chat:write).',
            hint: 'Add the chat:write scope to your Slack app, reinstall it, then reconnect.',
            at: Date.now(),
          },
        },
      }),
    );

    expect(pill(region)).toBe('Needs attention');
    expect(within(region).getByText('Slack answered 403 Forbidden: missing_scope (chat:write).')).toBeTruthy();
    expect(within(region).getByText(/Add the chat:write scope to your Slack app/)).toBeTruthy();
    expect(within(region).getByText('Acme (T0123) as @izzie')).toBeTruthy();
    fireEvent.click(within(region).getByRole('button', { name: 'Reconnect' }));
    expect(within(region).getByRole('form', { name: 'Connect Slack' })).toBeTruthy();
    expect(within(region).getByLabelText('Bot or user token')).toBeTruthy();
  });

  it('explains a list that could not load, and tries again', async () => {
    const core = createFakeCore({ failures: { 'integrations.list': { code: 'UNAVAILABLE', message: 'Izzie is restarting.' } } });
    useConnection.setState({ state: 'connected', everConnected: true });
    useNavigation.setState({ page: 'integrations' });
    render(<Shell client={core.client} />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Couldn’t load your accounts. Izzie is restarting.');
    delete core.failures['integrations.list'];
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('region', { name: 'GitHub' })).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
