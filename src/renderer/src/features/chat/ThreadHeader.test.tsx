// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Shell } from '../../app/Shell';
import { useConnection } from '../../stores/connection';
import { useNavigation } from '../../stores/navigation';
import { createFakeCore, thread } from '../../test-support/fake-core';
import { resetStores } from '../../test-support/reset-stores';

beforeEach(() => resetStores());
afterEach(() => cleanup());

function start(failures = {}) {
  const existing = thread({ title: 'Weekend plans' });
  useNavigation.setState({ threadId: existing.id });
  const core = createFakeCore({ threads: [existing], failures });
  useConnection.setState({ state: 'connected', everConnected: true });
  render(<Shell client={core.client} />);
  return { core, id: existing.id };
}

describe('Thread header', () => {
  it('switches the thread’s persona and mode through threads.configure', async () => {
    const { core, id } = start();
    const persona = await screen.findByRole('radiogroup', { name: 'Persona' });
    expect(within(persona).getByRole<HTMLInputElement>('radio', { name: 'Work' }).checked).toBe(true);

    fireEvent.click(within(persona).getByRole('radio', { name: 'Personal' }));
    await waitFor(() =>
      expect(core.callsTo('threads.configure')).toEqual([{ method: 'threads.configure', params: { id, persona: 'personal' } }]),
    );
    expect(within(persona).getByRole<HTMLInputElement>('radio', { name: 'Personal' }).checked).toBe(true);
    expect(core.threads[0]?.persona).toBe('personal');

    expect(document.querySelector('.proxy-hint')).toBeNull();
    const mode = screen.getByRole('radiogroup', { name: 'Mode' });
    fireEvent.click(within(mode).getByRole('radio', { name: 'Proxy (speaks as you)' }));
    await waitFor(() => expect(core.callsTo('threads.configure')[1]?.params).toEqual({ id, mode: 'proxy' }));
    // Proxy mode acts as the person, through the policy gate: approval, grants, taint, the undo window.
    const hint = document.querySelector('.proxy-hint')?.textContent ?? '';
    expect(hint).toMatch(/^Proxy mode\. Izzie speaks as you and can send email, post to Slack or create issues/);
    expect(hint).toContain('waits in Approvals for your approval unless a grant you gave allows it');
    expect(hint).toContain('Once this conversation has read outside content (mail, Slack, issues), Izzie always asks you first.');
    expect(hint).toContain('after the undo window (Settings → Permissions)');
    expect(hint).not.toContain('cannot send');
  });

  it('puts the persona back and says why when the core refuses', async () => {
    start({ 'threads.configure': { code: 'NOT_FOUND', message: 'Thread not found (it may have been deleted).' } });
    const persona = await screen.findByRole('radiogroup', { name: 'Persona' });
    fireEvent.click(within(persona).getByRole('radio', { name: 'Personal' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Thread not found');
    expect(within(persona).getByRole<HTMLInputElement>('radio', { name: 'Work' }).checked).toBe(true);
  });
});
