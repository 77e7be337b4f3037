// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Shell } from '../../app/Shell';
import { useConnection } from '../../stores/connection';
import { useNavigation } from '../../stores/navigation';
import { createFakeCore } from '../../test-support/fake-core';
import { DEFAULT_PERSONAS } from '../../test-support/fake-models';
import { resetStores } from '../../test-support/reset-stores';

async function start() {
  const core = createFakeCore();
  useConnection.setState({ state: 'connected', everConnected: true });
  useNavigation.setState({ page: 'settings' });
  render(<Shell client={core.client} />);
  const region = await screen.findByRole('region', { name: 'Personas' });
  const work = await within(region).findByRole('form', { name: 'Work persona' });
  return { core, region, work };
}

const type = (field: HTMLElement, value: string) => fireEvent.change(field, { target: { value } });

beforeEach(() => resetStores());
afterEach(() => cleanup());

describe('Settings → Personas', () => {
  it('shows both personas with their settings', async () => {
    const { region, work } = await start();
    const personal = within(region).getByRole('form', { name: 'Personal persona' });
    expect(within(work).getByRole<HTMLTextAreaElement>('textbox', { name: 'Work system prompt' }).value).toBe(
      DEFAULT_PERSONAS[0]?.systemPrompt,
    );
    expect(within(personal).getByRole<HTMLInputElement>('textbox', { name: 'Personal tool access' }).value).toBe(
      'builtin, calendar',
    );
    const style = within(personal).getByRole('radiogroup', { name: 'Personal communication style' });
    expect(within(style).getByRole<HTMLInputElement>('radio', { name: 'Casual' }).checked).toBe(true);
    expect(within(work).getByText(/whole groups/).textContent).toMatch(/builtin.*github.*email/);
  });

  it('saves only what changed; Reset to defaults is offered once customized', async () => {
    const { core, work } = await start();
    const save = within(work).getByRole<HTMLButtonElement>('button', { name: 'Save' });
    const reset = within(work).getByRole<HTMLButtonElement>('button', { name: 'Reset to defaults' });
    expect(save.disabled).toBe(true);
    expect(reset.disabled).toBe(true);

    type(within(work).getByRole('textbox', { name: 'Work system prompt' }), 'You are terse.');
    type(within(work).getByRole('textbox', { name: 'Work tool access' }), 'builtin,  github, linear');
    fireEvent.click(
      within(within(work).getByRole('radiogroup', { name: 'Work communication style' })).getByRole('radio', { name: 'Casual' }),
    );
    fireEvent.click(save);
    await waitFor(() =>
      expect(core.callsTo('personas.update')).toEqual([
        {
          method: 'personas.update',
          params: {
            id: 'work',
            systemPrompt: 'You are terse.',
            communicationStyle: 'casual',
            toolAccess: ['builtin', 'github', 'linear'],
          },
        },
      ]),
    );
    await waitFor(() => expect(reset.disabled).toBe(false));
    expect(within(work).getByText('Customized')).toBeTruthy();

    fireEvent.click(reset);
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Reset' }));
    await waitFor(() => expect(core.callsTo('personas.reset')).toEqual([{ method: 'personas.reset', params: { id: 'work' } }]));
    await waitFor(() =>
      expect(within(work).getByRole<HTMLTextAreaElement>('textbox', { name: 'Work system prompt' }).value).toBe(
        DEFAULT_PERSONAS[0]?.systemPrompt,
      ),
    );
  });

  it('shows a refused change inline', async () => {
    const { core, work } = await start();
    type(within(work).getByRole('textbox', { name: 'Work tool access' }), 'builtin, GitHub');
    fireEvent.click(within(work).getByRole('button', { name: 'Save' }));
    expect((await within(work).findByRole('alert')).textContent).toContain('Tool access: Tool names are lowercase');
    expect(core.models.personas[0]?.customized).toBe(false);
  });
});
