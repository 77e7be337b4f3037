// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MemoryJob } from '../../../../shared';
import { resetStores } from '../../test-support/reset-stores';
import { MEMORIES, UPDATES, browseList, memoryOptions, showMemoryPage, texts, type } from './test-kit';

beforeEach(() => resetStores());
afterEach(() => cleanup());

const RUNNING: MemoryJob = {
  id: 'job-1',
  kind: 'reindex',
  state: 'running',
  done: 2,
  total: 6,
  label: 'Embedding every memory with text-embedding-3-small (model provider)',
  error: null,
  startedAt: 1_699_999_000_000,
  endedAt: null,
};

const labelled = (control: Element) =>
  (control instanceof HTMLInputElement || control instanceof HTMLTextAreaElement || control instanceof HTMLSelectElement) &&
  (control.labels?.length ?? 0) > 0;

const summary = () => document.querySelector('.memory-summary')?.textContent ?? '';

describe('Memory page: summary, re-embedding and retention', () => {
  it('says how many memories there are and what embeds them', async () => {
    await showMemoryPage();
    expect(summary()).toContain('6 memories');
    expect(summary()).toContain('Embedded with Universal Sentence Encoder lite, on this computer · 512 dimensions');
  });

  it('switches embedder: a model is required, then a progress bar follows the job until it is cancelled', async () => {
    const core = await showMemoryPage();
    fireEvent.click(screen.getByRole('button', { name: 'Change embedder' }));
    const dialog = screen.getByRole('dialog', { name: 'Embedder' });
    expect(dialog.textContent).toContain('Switching embeds every memory again in the background');
    const submit = within(dialog).getByRole<HTMLButtonElement>('button', { name: 'Switch and re-embed' });
    expect(submit.disabled).toBe(true); // already local
    fireEvent.click(within(dialog).getByRole('radio', { name: 'Model provider' }));
    fireEvent.click(submit);
    const model = within(dialog).getByRole('textbox', { name: 'Embedding model' });
    await waitFor(() => expect(model.getAttribute('aria-invalid')).toBe('true'));
    expect(dialog.textContent).toContain('Name the embedding model');
    expect(core.memory.job).toBeNull();

    type(model, 'text-embedding-3-small');
    fireEvent.click(submit);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(core.callsTo('memory.setEmbedder').at(-1)?.params).toEqual({ kind: 'provider', model: 'text-embedding-3-small' });
    expect(summary()).toContain('Embedded with text-embedding-3-small (model provider)');

    const bar = screen.getByRole('progressbar', { name: 'Re-embedding progress' });
    expect(bar.getAttribute('aria-valuenow')).toBe('0');
    expect(bar.getAttribute('aria-valuemax')).toBe('6');
    act(() => core.memoryJob.progress(3));
    expect(bar.getAttribute('aria-valuenow')).toBe('3');
    expect(bar.getAttribute('aria-valuetext')).toBe('3 of 6 memories');
    expect(screen.getByText('3 of 6 memories · 50%')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Cancel re-embedding' }));
    const ended = await screen.findByText('Re-embedding cancelled after 3 of 6 memories.');
    expect(ended.closest('[role="status"]')).toBeTruthy();
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(core.callsTo('memory.cancelJob')).toHaveLength(1);
    expect(core.memory.job?.state).toBe('cancelled');
  });

  it('refuses a second switch while a job runs, in the core’s words', async () => {
    await showMemoryPage(memoryOptions({ job: RUNNING }));
    fireEvent.click(screen.getByRole('button', { name: 'Change embedder' }));
    const dialog = screen.getByRole('dialog', { name: 'Embedder' });
    fireEvent.click(within(dialog).getByRole('radio', { name: 'Model provider' }));
    type(within(dialog).getByRole('textbox', { name: 'Embedding model' }), 'nomic-embed-text');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Switch and re-embed' }));
    expect((await within(dialog).findByRole('alert')).textContent).toBe(
      'Izzie is already embedding your memories again. Cancel that first, or wait for it.',
    );
  });

  it('shows a job that failed with its reason, and one that finished', async () => {
    const core = await showMemoryPage(memoryOptions({ job: RUNNING }));
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('2');
    act(() => core.memoryJob.fail('The provider refused the request (401 Unauthorized).'));
    expect(screen.getByRole('alert').textContent).toBe(
      'Re-embedding failed after 2 of 6 memories: The provider refused the request (401 Unauthorized).',
    );
    fireEvent.click(within(screen.getByRole('alert')).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert')).toBeNull();

    const done: MemoryJob = { ...RUNNING, id: 'job-2', state: 'done', done: 6, endedAt: 1_700_000_500_000 };
    act(() => core.emit('memory.status', { embedder: core.memory.embedder, total: 6, job: done }));
    expect(screen.getByText('Re-embedded all 6 memories.')).toBeTruthy();
  });

  it('changes retention per namespace, refuses less than a day, and applies it now', async () => {
    const core = await showMemoryPage();
    expect(texts(browseList())).toContain(UPDATES.content);
    fireEvent.click(screen.getByRole('button', { name: 'Retention' }));
    const dialog = screen.getByRole('dialog', { name: 'Retention' });
    const rows = within(dialog).getAllByRole('row').slice(1);
    expect(
      rows.map((r) => [r.querySelector('th')?.textContent, within(r).getByRole<HTMLSelectElement>('combobox').value]),
    ).toEqual([
      ['Communication1 memory', 'days'],
      ['Entities0 memories', 'forever'],
      ['Personal1 memory', 'days'],
      ['Preferences1 memory', 'forever'],
      ['Work3 memories', 'days'],
    ]);
    const days = within(dialog).getByRole<HTMLInputElement>('spinbutton', { name: 'Days to keep communication memories' });
    expect(days.value).toBe('90');
    const save = within(dialog).getByRole<HTMLButtonElement>('button', { name: 'Save' });
    expect(save.disabled).toBe(true);

    type(days, '0');
    fireEvent.click(save);
    await waitFor(() => expect(days.getAttribute('aria-invalid')).toBe('true'));
    expect(within(dialog).getByRole('alert').textContent).toBe('Keep memories at least a day');
    expect(core.memory.retention.communication).toBe(90);

    type(days, '30');
    fireEvent.change(within(dialog).getByRole('combobox', { name: 'Keep work memories' }), { target: { value: 'forever' } });
    expect(within(dialog).queryByRole('spinbutton', { name: 'Days to keep work memories' })).toBeNull();
    const purge = within(dialog).getByRole<HTMLButtonElement>('button', { name: 'Apply retention now' });
    expect(purge.disabled).toBe(true); // unsaved changes first
    fireEvent.click(save);
    expect(await within(dialog).findByText('Retention saved.')).toBeTruthy();
    expect(core.callsTo('memory.setRetention').map((c) => c.params)).toEqual([
      { namespace: 'communication', retentionDays: 0 },
      { namespace: 'communication', retentionDays: 30 },
      { namespace: 'work', retentionDays: null },
    ]);
    expect(core.memory.retention).toMatchObject({ communication: 30, work: null });

    expect(purge.disabled).toBe(false);
    fireEvent.click(purge);
    expect(await within(dialog).findByText('Removed 1 expired memory and what was learned only from them.')).toBeTruthy();
    await waitFor(() => expect(texts(browseList())).not.toContain(UPDATES.content));
    expect(core.memory.memories).toHaveLength(MEMORIES.length - 1);

    fireEvent.click(purge);
    expect(await within(dialog).findByText('Nothing had expired.')).toBeTruthy();
  });

  it('names every control it offers', async () => {
    await showMemoryPage();
    expect(screen.getByRole('searchbox', { name: 'Search memories' })).toBeTruthy();
    expect(screen.getByRole('radiogroup', { name: 'Search as' })).toBeTruthy();
    expect(screen.getByRole('tablist', { name: 'Namespaces' })).toBeTruthy();
    const first = within(browseList()).getAllByRole('article')[0] as HTMLElement;
    for (const name of ['Why do you know this?', 'Edit memory', 'Delete memory', 'Dana Reyes', 'Project Atlas']) {
      expect(within(first).getByRole('button', { name })).toBeTruthy();
    }
    // Open everything that adds controls: the entity view, the sources, the editor.
    fireEvent.click(within(first).getByRole('button', { name: 'Dana Reyes' }));
    await within(await screen.findByRole('region', { name: 'Dana Reyes' })).findByRole('group', { name: /related to/ });
    fireEvent.click(within(first).getByRole('button', { name: 'Why do you know this?' }));
    fireEvent.click(within(first).getByRole('button', { name: 'Edit memory' }));
    expect(within(first).getByRole('textbox', { name: 'Memory text' })).toBeTruthy();
    const page = document.querySelector('.memory-page') as HTMLElement;
    expect(page.querySelectorAll('[role="button"]').length).toBeGreaterThan(0);
    const unnamed = [
      ...page.querySelectorAll<HTMLElement>('button, input, select, textarea, [role="button"], [role="tab"]'),
    ].filter((control) => !(control.getAttribute('aria-label') || control.textContent?.trim() || labelled(control)));
    expect(unnamed).toEqual([]);
  });
});
