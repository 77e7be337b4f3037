// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Memory } from '../../../../shared';
import { resetStores } from '../../test-support/reset-stores';
import { memory } from '../../test-support/fake-memory';
import {
  MANAGER,
  MEMORIES,
  OLD_MANAGER,
  SHIPS,
  T0,
  article,
  browseList,
  memoryOptions,
  showMemoryPage,
  search,
  texts,
  type,
} from './test-kit';

beforeEach(() => resetStores());
afterEach(() => cleanup());

/** `count` work memories, the newest first when listed. */
function many(count: number): Memory[] {
  return Array.from({ length: count }, (_, i) =>
    memory({ id: `bulk-${i}`, content: `Bulk fact number ${i + 1}.`, createdAt: T0 - i * 1000, updatedAt: T0 - i * 1000 }),
  );
}

const tab = (name: RegExp) => within(screen.getByRole('tablist', { name: 'Namespaces' })).getByRole('tab', { name });

describe('Memory page: browse', () => {
  it('lists by namespace with counts, and loads more a page at a time', async () => {
    const core = await showMemoryPage(memoryOptions({ memories: [...MEMORIES, ...many(30)] }));

    const tabs = within(screen.getByRole('tablist', { name: 'Namespaces' })).getAllByRole('tab');
    expect(tabs.map((t) => t.getAttribute('aria-label'))).toEqual([
      'All (36)',
      'Communication (1)',
      'Entities (0)',
      'Personal (1)',
      'Preferences (1)',
      'Work (33)',
    ]);
    expect(tab(/^All/).getAttribute('aria-selected')).toBe('true');
    expect(within(browseList()).getAllByRole('article')).toHaveLength(20);
    expect(screen.getByText('Showing 20 of 36 memories')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Load more' }));
    await waitFor(() => expect(within(browseList()).getAllByRole('article')).toHaveLength(36));
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
    expect(core.callsTo('memory.list').map((c) => c.params)).toEqual([
      { offset: 0, limit: 20 },
      { offset: 20, limit: 20 },
    ]);

    fireEvent.click(tab(/^Work/));
    await waitFor(() => expect(screen.getByText('Showing 20 of 33 memories')).toBeTruthy());
    expect(core.callsTo('memory.list').at(-1)?.params).toEqual({ namespace: 'work', offset: 0, limit: 20 });
    expect(
      within(browseList())
        .getAllByRole('article')
        .every((a) => a.textContent?.startsWith('work')),
    ).toBe(true);
    expect(screen.getByRole('tabpanel').getAttribute('aria-labelledby')).toBe(tab(/^Work/).id);
  });

  it('moves between namespaces with the arrow keys, one Tab stop for the row', async () => {
    await showMemoryPage();
    const all = tab(/^All/);
    expect([...screen.getAllByRole('tab')].map((t) => t.tabIndex)).toEqual([0, -1, -1, -1, -1, -1]);
    all.focus();
    fireEvent.keyDown(all, { key: 'ArrowRight' });
    const communication = tab(/^Communication/);
    expect(communication.getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(communication);
    await waitFor(() => expect(texts(browseList())).toEqual(['Prefers short bullet-point updates.']));
    fireEvent.keyDown(communication, { key: 'End' });
    expect(tab(/^Work/).getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(tab(/^Work/), { key: 'ArrowRight' });
    expect(tab(/^All/).getAttribute('aria-selected')).toBe('true');
  });

  it('shows where each memory came from, when it was learned and changed, how sure and how often', async () => {
    await showMemoryPage();
    const manager = article(MANAGER.content, browseList());
    const facts = manager.querySelector('.memory__facts')?.textContent ?? '';
    expect(facts).toContain('from chat ‘Project kickoff’');
    expect(facts).toMatch(/learned \w{3} \d+, 2023/);
    expect(facts).toMatch(/updated \w{3} \d+, 2023/);
    expect(facts).toContain('confidence 95%');
    expect(facts).toContain('learned 2×');
    expect(within(manager).getByText('Relationship')).toBeTruthy();
    expect(article(SHIPS.content, browseList()).querySelector('.memory__facts')?.textContent).toContain(
      'from email ‘Atlas timeline’',
    );
    expect(article(SHIPS.content, browseList()).querySelector('.memory__facts')?.textContent).not.toContain('updated');
  });

  it('strikes an outdated fact, says since when, and reaches the fact that replaced it', async () => {
    await showMemoryPage();
    const old = article(OLD_MANAGER.content, browseList());
    expect(old.hasAttribute('data-outdated')).toBe(true);
    expect(article(MANAGER.content, browseList()).hasAttribute('data-outdated')).toBe(false);
    expect(old.textContent).toMatch(/Outdated since \w{3} \d+, 2023\./);
    const replaced = within(old).getByRole('button', { name: 'What replaced it' });
    fireEvent.click(replaced);
    expect(replaced.getAttribute('aria-expanded')).toBe('true');
    expect(await within(old).findByText(MANAGER.content)).toBeTruthy();
    expect(old.querySelector('.outdated__newer')?.textContent).toMatch(/^Now: My manager is Dana Reyes/);
  });

  it('edits in place: Save shows it is saving, then the new text, which search finds', async () => {
    const core = await showMemoryPage();
    const ships = article(SHIPS.content, browseList());
    const edit = within(ships).getByRole('button', { name: 'Edit memory' });
    fireEvent.click(edit);
    const field = within(ships).getByRole<HTMLTextAreaElement>('textbox', { name: 'Memory text' });
    expect(document.activeElement).toBe(field);
    expect(field.value).toBe(SHIPS.content);

    type(field, 'Project Atlas ships in April, after the security review.');
    const save = within(ships).getByRole<HTMLButtonElement>('button', { name: 'Save' });
    fireEvent.click(save);
    expect(save.textContent).toBe('Saving…');
    expect(save.disabled).toBe(true);

    // The store takes the saved memory a moment before the editor closes: wait for both.
    const saved = await waitFor(() => {
      const item = article('Project Atlas ships in April, after the security review.', browseList());
      expect(within(item).queryByRole('textbox')).toBeNull();
      return item;
    });
    await waitFor(() => expect(document.activeElement).toBe(within(saved).getByRole('button', { name: 'Edit memory' })));
    expect(core.callsTo('memory.update')).toEqual([
      { method: 'memory.update', params: { id: SHIPS.id, content: 'Project Atlas ships in April, after the security review.' } },
    ]);
    expect(core.memory.memories.find((m) => m.id === SHIPS.id)?.content).toBe(
      'Project Atlas ships in April, after the security review.',
    );

    const results = await search('security review');
    expect(texts(results)).toEqual(['Project Atlas ships in April, after the security review.']);
  });

  it('shows an edit the core refuses under the text, and keeps the editor open', async () => {
    const core = await showMemoryPage();
    const ships = article(SHIPS.content, browseList());
    fireEvent.click(within(ships).getByRole('button', { name: 'Edit memory' }));
    const field = within(ships).getByRole('textbox', { name: 'Memory text' });
    type(field, '   ');
    fireEvent.click(within(ships).getByRole('button', { name: 'Save' }));

    const error = await within(ships).findByRole('alert');
    expect(error.textContent).toBe('A memory cannot be empty');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(field.getAttribute('aria-describedby')).toContain(error.id);
    expect(document.activeElement).toBe(field);
    expect(within(ships).getByRole<HTMLButtonElement>('button', { name: 'Save' }).disabled).toBe(false);
    expect(core.memory.memories.find((m) => m.id === SHIPS.id)?.content).toBe(SHIPS.content);

    fireEvent.keyDown(field, { key: 'Escape' });
    expect(within(ships).queryByRole('textbox')).toBeNull();
    expect(within(ships).getByText(SHIPS.content)).toBeTruthy();
  });

  it('shows any other refusal of an edit in the core’s words', async () => {
    await showMemoryPage({
      ...memoryOptions(),
      failures: { 'memory.update': { code: 'CONFLICT', message: 'The embedder is being switched; try again in a moment.' } },
    });
    const ships = article(SHIPS.content, browseList());
    fireEvent.click(within(ships).getByRole('button', { name: 'Edit memory' }));
    type(within(ships).getByRole('textbox', { name: 'Memory text' }), 'Ships in May.');
    fireEvent.click(within(ships).getByRole('button', { name: 'Save' }));
    expect((await within(ships).findByRole('alert')).textContent).toBe('The embedder is being switched; try again in a moment.');
  });

  it('takes in memories learned in the background without losing the reader’s place', async () => {
    const core = await showMemoryPage(memoryOptions({ memories: [...MEMORIES, ...many(30)] }));
    fireEvent.click(screen.getByRole('button', { name: 'Load more' }));
    await waitFor(() => expect(within(browseList()).getAllByRole('article')).toHaveLength(36));

    const learned = memory({ id: 'm-new', content: 'Dana prefers Loom videos to meetings.', createdAt: T0 + 40 * 86_400_000 });
    core.memory.memories.push(learned);
    act(() => core.emit('memory.changed', { ids: [learned.id], removedIds: [] }));

    await waitFor(() => expect(texts(browseList())[0]).toBe(learned.content));
    expect(within(browseList()).getAllByRole('article')).toHaveLength(37);
    expect(screen.getByText('Showing 37 of 37 memories')).toBeTruthy();
    await waitFor(() => expect(screen.getByText('37 memories')).toBeTruthy());

    core.memory.memories = core.memory.memories.filter((m) => m.id !== MANAGER.id);
    act(() => core.emit('memory.changed', { ids: [], removedIds: [MANAGER.id] }));
    expect(texts(browseList())).not.toContain(MANAGER.content);
    await waitFor(() => expect(screen.getByText('Showing 36 of 36 memories')).toBeTruthy());
  });

  it('says so when there is nothing to show', async () => {
    await showMemoryPage({ memory: { memories: [] } });
    expect(screen.getByText(/Izzie remembers nothing yet/)).toBeTruthy();
    expect(screen.getByText('0 memories')).toBeTruthy();
  });
});
