// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Shell } from '../../app/Shell';
import { useConnection } from '../../stores/connection';
import { useNavigation } from '../../stores/navigation';
import { createFakeCore, type FakeCoreOptions } from '../../test-support/fake-core';
import { resetStores } from '../../test-support/reset-stores';

function start(options: FakeCoreOptions = {}) {
  const core = createFakeCore(options);
  useConnection.setState({ state: 'connected', everConnected: true });
  useNavigation.setState({ page: 'settings' });
  render(<Shell client={core.client} />);
  return core;
}

beforeEach(() => resetStores());
afterEach(() => cleanup());

describe('Settings page', () => {
  it('describes this installation from app.info', async () => {
    start();
    const host = await screen.findByText('Browser (headless host)');
    const facts = host.closest('dl');
    if (!facts) throw new Error('no definition list');
    const text = facts.textContent ?? '';
    for (const expected of [
      '0.1.0',
      '/home/ada/.local/share/izzie/izzie.db',
      '/home/ada/.local/state/izzie/izzie.log',
      'linux',
    ]) {
      expect(text).toContain(expected);
    }
    expect(within(facts).getByText('Schema version').nextElementSibling?.textContent).toBe('3');
  });

  it('theme choice saves through settings.set and sets data-theme on <html>', async () => {
    const core = start();
    const dark = await screen.findByRole<HTMLInputElement>('radio', { name: 'Dark' });
    await waitFor(() => expect(screen.getByRole<HTMLInputElement>('radio', { name: 'System' }).checked).toBe(true));
    fireEvent.click(dark);
    await waitFor(() => expect(document.documentElement.dataset.theme).toBe('dark'));
    expect(core.callsTo('settings.set')).toEqual([{ method: 'settings.set', params: { theme: 'dark' } }]);
    expect(dark.checked).toBe(true);
  });

  it('follows settings.changed pushed by the core (e.g. from the tray)', async () => {
    const core = start();
    const toggle = await screen.findByRole('switch', { name: 'Pause proactive work' });
    await waitFor(() => expect(toggle.getAttribute('aria-checked')).toBe('false'));
    act(() => core.emit('settings.changed', { proactivePaused: true, theme: 'light', digestTime: '07:00' }));
    expect(toggle.getAttribute('aria-checked')).toBe('true');
    expect(document.documentElement.dataset.theme).toBe('light');
  });

  it('the pause switch toggles proactivePaused', async () => {
    const core = start();
    const toggle = await screen.findByRole('switch', { name: 'Pause proactive work' });
    await waitFor(() => expect((toggle as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(toggle);
    await waitFor(() => expect(toggle.getAttribute('aria-checked')).toBe('true'));
    expect(core.callsTo('settings.set')).toEqual([{ method: 'settings.set', params: { proactivePaused: true } }]);
  });

  it('puts a refused setting back and says why', async () => {
    const core = start({ failures: { 'settings.set': { code: 'INTERNAL', message: 'The database is read-only.' } } });
    const toggle = await screen.findByRole('switch', { name: 'Pause proactive work' });
    await waitFor(() => expect((toggle as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(toggle);
    expect((await screen.findByRole('alert')).textContent).toContain('The database is read-only.');
    expect(toggle.getAttribute('aria-checked')).toBe('false');
    expect(core.callsTo('settings.set')).toHaveLength(1);
  });

  it('says honestly that no model provider is configured', async () => {
    start();
    const models = await screen.findByRole('region', { name: 'Models' });
    expect(models.id).toBe('models');
    expect(models.textContent).toContain('No model provider is configured yet');
    expect(models.textContent).toMatch(/OpenRouter, Ollama or another OpenAI-compatible endpoint/);
  });
});
