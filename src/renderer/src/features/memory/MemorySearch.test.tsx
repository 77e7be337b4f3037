// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useNavigation } from '../../stores/navigation';
import { resetStores } from '../../test-support/reset-stores';
import {
  KICKOFF,
  MANAGER,
  RUNS,
  SHIPS,
  UPDATES,
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

describe('Memory page: search', () => {
  it('searches as the work persona and shows each result’s score, ranks and the relations found', async () => {
    const core = await showMemoryPage();
    const results = await search('Who manages Project Atlas?');

    expect(core.callsTo('memory.search')).toEqual([
      { method: 'memory.search', params: { query: 'Who manages Project Atlas?', persona: 'work' } },
    ]);
    expect(texts(results).sort()).toEqual([MANAGER.content, SHIPS.content].sort());
    const manager = article(MANAGER.content, results);
    const scored = manager.querySelector('.score')?.textContent;
    // Two of the three query words ("manages" is not in the text): 67% similar, and ranked both ways.
    expect(scored).toMatch(/^score 0\.0\d\d/);
    expect(scored).toContain('67% similar');
    expect(scored).toMatch(/#\d by meaning/);
    expect(scored).toMatch(/#\d by keywords/);
    expect(within(manager).getByText('work')).toBeTruthy(); // namespace chip

    const relations = screen.getByRole('list', { name: 'Relations' });
    expect(
      within(relations)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Sam Lee — manages → Project Atlas (ended)', 'Dana Reyes — manages → Project Atlas']);
  });

  it('adds what is known about a named entity, marked with the entity it came through', async () => {
    await showMemoryPage();
    const results = await search('Dana');
    const viaGraph = article(UPDATES.content, results);
    expect(viaGraph.querySelector('.score__via')?.textContent).toBe('via Dana Reyes');
    expect(viaGraph.querySelector('.score')?.textContent).not.toContain('by keywords');
    expect(article(MANAGER.content, results).querySelector('.score__via')).toBeNull();
    // The entity itself is offered too.
    const entities = screen.getByRole('list', { name: 'Matching people and things' });
    expect(within(entities).getByRole('button', { name: 'Dana Reyes' })).toBeTruthy();
  });

  it('keeps the personas apart: work never finds personal memories, personal never finds work ones', async () => {
    const core = await showMemoryPage();
    type(screen.getByRole('searchbox', { name: 'Search memories' }), 'morning runs');
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    expect(await screen.findByText(/Nothing the work persona may read matches “morning runs”/)).toBeTruthy();

    const persona = screen.getByRole('radiogroup', { name: 'Search as' });
    fireEvent.click(within(persona).getByRole('radio', { name: 'Personal' }));
    const results = await screen.findByRole('list', { name: /for “morning runs”/ });
    expect(texts(results)).toEqual([RUNS.content]);
    expect(core.callsTo('memory.search').map((c) => c.params)).toEqual([
      { query: 'morning runs', persona: 'work' },
      { query: 'morning runs', persona: 'personal' },
    ]);
    expect(screen.getByText(/Personal reads communication, entities, personal, preferences/)).toBeTruthy();

    type(screen.getByRole('searchbox', { name: 'Search memories' }), 'Atlas ships');
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    expect(await screen.findByText(/Nothing the personal persona may read matches “Atlas ships”/)).toBeTruthy();
    fireEvent.click(within(persona).getByRole('radio', { name: 'Work' }));
    expect(texts(await screen.findByRole('list', { name: /for “Atlas ships”/ }))).toContain(SHIPS.content);
  });

  it('refuses an empty search with the core’s reason next to the box', async () => {
    const core = await showMemoryPage();
    type(screen.getByRole('searchbox', { name: 'Search memories' }), '   ');
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Type something to search for');
    expect(screen.getByRole('searchbox', { name: 'Search memories' }).getAttribute('aria-invalid')).toBe('true');
    expect(core.callsTo('memory.search')).toHaveLength(1);
  });

  it('shows a search that failed, in the core’s words', async () => {
    await showMemoryPage({
      ...memoryOptions(),
      failures: { 'memory.search': { code: 'INTERNAL', message: 'The search index is being rebuilt.' } },
    });
    type(screen.getByRole('searchbox', { name: 'Search memories' }), 'Atlas');
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The search index is being rebuilt.');
    expect(screen.queryByRole('list', { name: /for “Atlas”/ })).toBeNull();
  });

  it('deletes after a confirmation that says what goes, and the memory leaves both the results and the list', async () => {
    const core = await showMemoryPage();
    const results = await search('Atlas');
    expect(texts(results)).toContain(SHIPS.content);
    expect(texts(browseList())).toContain(SHIPS.content);

    fireEvent.click(within(article(SHIPS.content, results)).getByRole('button', { name: 'Delete memory' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete this memory?' });
    expect(dialog.textContent).toContain(SHIPS.content);
    expect(dialog.textContent).toContain('its entries in the search index');
    expect(dialog.textContent).toContain('the graph relations learned only from it');
    expect(core.callsTo('memory.delete')).toHaveLength(0);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete' }));

    await waitFor(() => expect(texts(results)).not.toContain(SHIPS.content));
    expect(texts(browseList())).not.toContain(SHIPS.content);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(core.callsTo('memory.delete')).toEqual([{ method: 'memory.delete', params: { id: SHIPS.id } }]);
    expect(core.memory.memories.map((m) => m.id)).not.toContain(SHIPS.id);

    // Searching again does not bring it back.
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    await waitFor(() => expect(core.callsTo('memory.search').length).toBeGreaterThan(1));
    expect(texts(await screen.findByRole('list', { name: /for “Atlas”/ }))).not.toContain(SHIPS.content);
  });

  it('cancelling the confirmation keeps the memory', async () => {
    const core = await showMemoryPage();
    fireEvent.click(within(article(SHIPS.content, browseList())).getByRole('button', { name: 'Delete memory' }));
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(texts(browseList())).toContain(SHIPS.content);
    expect(core.callsTo('memory.delete')).toHaveLength(0);
  });

  it('“Why do you know this?” lists every source and opens the chat a fact came from', async () => {
    await showMemoryPage();
    const manager = article(MANAGER.content, browseList());
    const why = within(manager).getByRole('button', { name: 'Why do you know this?' });
    expect(why.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(why);
    expect(why.getAttribute('aria-expanded')).toBe('true');
    const sources = within(manager).getByRole('group', { name: 'Where Izzie learned this' });
    expect(sources.textContent).toContain('Izzie learned this 2 times as your work assistant');
    const opens = within(sources).getAllByRole('button', { name: 'Open chat ‘Project kickoff’' });
    expect(opens).toHaveLength(2);

    fireEvent.click(opens[0] as HTMLElement);
    expect(useNavigation.getState()).toMatchObject({ page: 'chat', threadId: KICKOFF.id });
    expect(await screen.findByRole('heading', { name: 'Project kickoff' })).toBeTruthy();
  });

  it('a source with no page in Izzie yet says so instead of offering a link', async () => {
    await showMemoryPage();
    const ships = article(SHIPS.content, browseList());
    fireEvent.click(within(ships).getByRole('button', { name: 'Why do you know this?' }));
    const sources = within(ships).getByRole('group', { name: 'Where Izzie learned this' });
    expect(sources.textContent).toContain('Email');
    expect(sources.textContent).toContain('Atlas timeline');
    expect(sources.textContent).toContain('Can’t be opened from here yet');
    expect(within(sources).queryByRole('button')).toBeNull();
  });
});
