// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Shell } from '../../app/Shell';
import { useConnection } from '../../stores/connection';
import { useNavigation } from '../../stores/navigation';
import { createFakeCore, type FakeCoreOptions } from '../../test-support/fake-core';
import { resetStores } from '../../test-support/reset-stores';

const KEY = 'sk-or-v1-0123456789abcdef';

async function start(options: FakeCoreOptions = {}) {
  const core = createFakeCore(options);
  useConnection.setState({ state: 'connected', everConnected: true });
  useNavigation.setState({ page: 'settings' });
  render(<Shell client={core.client} />);
  const region = await screen.findByRole('region', { name: 'Models' });
  const form = await within(region).findByRole('form', { name: 'Model provider' });
  return { core, region, form };
}

const choose = (form: HTMLElement, provider: string) =>
  fireEvent.click(within(within(form).getByRole('radiogroup', { name: 'Provider' })).getByRole('radio', { name: provider }));
const type = (field: HTMLElement, value: string) => fireEvent.change(field, { target: { value } });

beforeEach(() => resetStores());
afterEach(() => cleanup());

describe('Settings → Models: provider', () => {
  it('saves a provider with its key, clears the field, and never shows the stored key', async () => {
    const { core, form } = await start();
    expect(within(form).getByRole<HTMLInputElement>('radio', { name: 'OpenRouter' }).checked).toBe(true);
    expect(within(form).getByRole<HTMLInputElement>('textbox', { name: 'Base URL' }).value).toBe('https://openrouter.ai/api/v1');
    const key = within(form).getByLabelText<HTMLInputElement>('API key');
    expect(key.type).toBe('password');
    type(key, ` ${KEY} `);
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));

    await within(form).findByText('Key saved');
    expect(core.callsTo('models.setProvider')).toEqual([
      { method: 'models.setProvider', params: { kind: 'openrouter', baseUrl: 'https://openrouter.ai/api/v1', apiKey: KEY } },
    ]);
    expect(core.models.keys.get('openrouter')).toBe(KEY);
    expect(within(form).queryByLabelText('API key', { selector: 'input' })).toBeNull();
    expect(document.body.textContent).not.toContain(KEY);
    expect([...document.querySelectorAll('input')].map((input) => input.value)).not.toContain(KEY);

    fireEvent.click(within(form).getByRole('button', { name: 'Replace key' }));
    expect(within(form).getByLabelText<HTMLInputElement>('API key').value).toBe('');
    fireEvent.click(within(form).getByRole('button', { name: 'Keep saved key' }));

    fireEvent.click(within(form).getByRole('button', { name: 'Remove key' }));
    await waitFor(() => expect(core.callsTo('models.setProvider')).toHaveLength(2));
    expect(core.callsTo('models.setProvider')[1]?.params).toMatchObject({ kind: 'openrouter', apiKey: null });
    expect(await within(form).findByLabelText('API key')).toBeTruthy();
    expect(core.models.keys.has('openrouter')).toBe(false);
  });

  it('shows the core’s validation message inline', async () => {
    const { core, form } = await start();
    choose(form, 'Custom');
    expect(within(form).getByRole<HTMLInputElement>('textbox', { name: 'Base URL' }).value).toBe('');
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    expect((await within(form).findByRole('alert')).textContent).toBe('A custom provider needs a base URL.');

    type(within(form).getByRole('textbox', { name: 'Base URL' }), 'ftp://models.local');
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(within(form).getByRole('alert').textContent).toMatch(/must be an http:\/\/ or https:\/\/ address/),
    );
    expect(core.models.provider).toBeNull();
  });

  it('tests the unsaved form, typed key included, and reports success or the exact failure', async () => {
    const { core, form } = await start();
    choose(form, 'Ollama');
    expect(within(form).getByRole<HTMLInputElement>('textbox', { name: 'Base URL' }).value).toBe('http://127.0.0.1:11434/v1');
    type(within(form).getByLabelText('API key'), 'local-key');
    fireEvent.click(within(form).getByRole('button', { name: 'Test connection' }));

    const status = within(form).getByRole('status');
    await waitFor(() => expect(status.textContent).toContain('Connected — 3 models available'));
    expect(status.textContent).toContain('llama3.1:8b');
    expect(core.callsTo('models.testConnection')[0]?.params).toEqual({
      candidate: { kind: 'ollama', baseUrl: 'http://127.0.0.1:11434/v1', apiKey: 'local-key' },
    });
    expect(core.callsTo('models.setProvider')).toHaveLength(0); // testing saves nothing

    const refused = 'Nothing answered at http://127.0.0.1:11434/v1 (connection refused). Is Ollama running?';
    core.models.connection = { ok: false, reason: 'unreachable', message: refused };
    fireEvent.click(within(form).getByRole('button', { name: 'Test connection' }));
    await waitFor(() => expect(status.textContent).toBe(refused));
  });
});

describe('Settings → Models: vault', () => {
  it('says quietly where keys are kept when the keychain has them', async () => {
    const { region } = await start();
    expect(within(region).getByText(/master key kept in the GNOME keyring/)).toBeTruthy();
    expect(within(region).queryByRole('alert')).toBeNull();
  });

  it('warns about the file vault', async () => {
    const summary =
      'Secrets are encrypted with a key stored in /srv/izzie/vault.key, because IZZIE_INSECURE_FILE_VAULT=1 is set.';
    const { region } = await start({ models: { vault: { kind: 'file', summary, fix: 'Use the OS keychain instead.' } } });
    expect(within(region).getByRole('alert').textContent).toContain(summary);
  });

  it('explains an unavailable keychain with its fix, and Try again reopens it', async () => {
    const summary = 'Secrets are unavailable: no keychain service (Secret Service) is running in this desktop session.';
    const fix = 'Install and start gnome-keyring (package gnome-keyring) or KWallet, log out and back in, then try again.';
    const { core, region } = await start({
      models: {
        vault: { kind: 'unavailable', summary, fix },
        reopenedVault: { kind: 'keychain', summary: 'Secrets are encrypted with a master key kept in KWallet.', fix: null },
      },
    });
    const alert = within(region).getByRole('alert');
    expect(alert.textContent).toContain(summary);
    expect(alert.textContent).toContain(fix);
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(core.callsTo('vault.reopen')).toHaveLength(1));
    expect(await within(region).findByText('Secrets are encrypted with a master key kept in KWallet.')).toBeTruthy();
    expect(within(region).queryByRole('alert')).toBeNull();
  });
});

describe('Settings → Models: tiers', () => {
  it('saves and resets a tier row, and shows refused values inline', async () => {
    const { core, region } = await start();
    const table = within(region).getByRole('table', { name: 'Model tiers' });
    expect(
      within(table)
        .getAllByRole('rowheader')
        .map((th) => th.textContent),
    ).toEqual(['Thinking', 'Standard', 'Cheap']);
    expect(within(region).getByText(/planning, reasoning, decisions/)).toBeTruthy();

    const save = within(table).getByRole<HTMLButtonElement>('button', { name: 'Save thinking tier' });
    expect(save.disabled).toBe(true);
    type(within(table).getByRole('textbox', { name: 'Thinking model' }), 'openai/o3');
    type(within(table).getByRole('spinbutton', { name: 'Thinking max tokens' }), '16000');
    type(within(table).getByRole('spinbutton', { name: 'Thinking temperature' }), '0.2');
    type(within(table).getByRole('textbox', { name: 'Thinking fallback model' }), 'openai/o4-mini');
    fireEvent.click(save);
    await waitFor(() =>
      expect(core.callsTo('models.setTier')[0]?.params).toEqual({
        tier: 'thinking',
        model: 'openai/o3',
        maxTokens: 16000,
        temperature: 0.2,
        fallbackModel: 'openai/o4-mini',
      }),
    );
    expect(await within(table).findByText('Saved')).toBeTruthy();

    type(within(table).getByRole('spinbutton', { name: 'Cheap max tokens' }), '0');
    fireEvent.click(within(table).getByRole('button', { name: 'Save cheap tier' }));
    expect((await within(table).findByRole('alert')).textContent).toMatch(/^Cheap: Max tokens: Too small/);

    fireEvent.click(within(table).getByRole('button', { name: 'Reset thinking tier' }));
    await waitFor(() => expect(core.callsTo('models.resetTier')[0]?.params).toEqual({ tier: 'thinking' }));
    await waitFor(() =>
      expect(within(table).getByRole<HTMLInputElement>('textbox', { name: 'Thinking model' }).value).toBe(
        'anthropic/claude-opus-4',
      ),
    );
  });
});
