// @vitest-environment jsdom
import { useToasts } from '../../stores/toasts';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resetStores } from '../../test-support/reset-stores';
import { MANAGER, OLD_MANAGER, SHIPS, article, browseList, showMemoryPage, search, texts } from './test-kit';

beforeEach(() => resetStores());
afterEach(() => cleanup());

const panel = (name: string) => screen.getByRole('region', { name });
const graph = (region: HTMLElement, name: string) => within(region).getByRole('group', { name: `What ${name} is related to` });
const timeline = (region: HTMLElement) =>
  within(region)
    .getByRole('list', { name: /over time/ })
    .querySelectorAll('li');

async function openFromChip(name: string) {
  fireEvent.click(within(article(MANAGER.content, browseList())).getByRole('button', { name }));
  return within(await screen.findByRole('region', { name })).findByRole('group', { name: `What ${name} is related to` });
}

describe('Memory page: entity view', () => {
  it('opens from a chip: names, a drawing of its neighbours, the timeline and the memories about it', async () => {
    const core = await showMemoryPage();
    await openFromChip('Dana Reyes');
    const dana = panel('Dana Reyes');
    expect(core.callsTo('memory.entity')).toEqual([{ method: 'memory.entity', params: { id: 'entity-dana-reyes' } }]);
    expect(document.activeElement).toBe(within(dana).getByRole('heading', { name: 'Dana Reyes' }));
    expect(dana.textContent).toContain('person');
    expect(dana.textContent).toContain('Also known as Dana');

    const drawing = graph(dana, 'Dana Reyes');
    expect(
      within(drawing)
        .getAllByRole('button')
        .map((b) => b.getAttribute('aria-label')),
    ).toEqual(['Acme', 'Project Atlas']);
    expect([...drawing.querySelectorAll('.graph__edge text')].map((t) => t.textContent)).toEqual(['works at', 'manages']);

    const items = [...timeline(dana)].map((li) => li.querySelector('.timeline__what')?.textContent);
    expect(items).toEqual(['Dana Reyes — manages → Project Atlas', 'Dana Reyes — works at → Acme']);
    expect(within(dana).getByRole('list', { name: 'Relations of Dana Reyes over time, newest first' })).toBeTruthy();
    fireEvent.click(
      within(within(dana).getByRole('radiogroup', { name: 'Timeline order' })).getByRole('radio', { name: 'Oldest first' }),
    );
    expect([...timeline(dana)].map((li) => li.querySelector('.timeline__what')?.textContent)).toEqual([
      'Dana Reyes — works at → Acme',
      'Dana Reyes — manages → Project Atlas',
    ]);

    const mentions = within(dana).getByRole('list', { name: 'Memories that mention Dana Reyes' });
    expect(texts(mentions).sort()).toEqual([MANAGER.content, 'Prefers short bullet-point updates.'].sort());
  });

  it('draws ended relations dashed and dated, and moves to a neighbour when it is clicked', async () => {
    await showMemoryPage();
    await openFromChip('Project Atlas');
    const atlas = panel('Project Atlas');
    const edges = [...graph(atlas, 'Project Atlas').querySelectorAll('.graph__edge')];
    expect(edges.map((e) => [e.querySelector('text')?.textContent, e.classList.contains('graph__edge--ended')])).toEqual([
      ['manages (ended)', true],
      ['manages', false],
    ]);
    const sam = [...timeline(atlas)].find((li) => li.textContent?.includes('Sam Lee'));
    expect(sam?.hasAttribute('data-ended')).toBe(true);
    expect(sam?.querySelector('.timeline__when')?.textContent).toMatch(/^\w{3} \d+, 2023 → \w{3} \d+, 2023$/);
    expect(sam?.querySelector('.timeline__state')?.textContent).toBe('ended');
    const dana = [...timeline(atlas)].find((li) => li.textContent?.includes('Dana Reyes'));
    expect(dana?.querySelector('.timeline__when')?.textContent).toMatch(/→ now$/);
    expect(texts(within(atlas).getByRole('list', { name: 'Memories that mention Project Atlas' })).sort()).toEqual(
      [MANAGER.content, OLD_MANAGER.content, SHIPS.content].sort(),
    );

    fireEvent.click(within(graph(atlas, 'Project Atlas')).getByRole('button', { name: 'Sam Lee' }));
    const samPanel = await screen.findByRole('region', { name: 'Sam Lee' });
    expect(screen.queryByRole('region', { name: 'Project Atlas' })).toBeNull();
    await within(samPanel).findByRole('group', { name: 'What Sam Lee is related to' });
    await waitFor(() => expect(document.activeElement).toBe(within(samPanel).getByRole('heading', { name: 'Sam Lee' })));

    // From the keyboard too, and from the timeline.
    const back = within(graph(samPanel, 'Sam Lee')).getByRole('button', { name: 'Project Atlas' });
    back.focus();
    fireEvent.keyDown(back, { key: 'Enter' });
    const again = await screen.findByRole('region', { name: 'Project Atlas' });
    await within(again).findByRole('group', { name: 'What Project Atlas is related to' });
    fireEvent.click(within(within(again).getByRole('list', { name: /over time/ })).getByRole('button', { name: 'Dana Reyes' }));
    expect(await screen.findByRole('region', { name: 'Dana Reyes' })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Close entity view' }));
    expect(screen.queryByRole('region', { name: 'Dana Reyes' })).toBeNull();
  });

  it('finds an entity by name from the search box', async () => {
    await showMemoryPage();
    await search('Atlas');
    const matches = screen.getByRole('list', { name: 'Matching people and things' });
    fireEvent.click(within(matches).getByRole('button', { name: 'Project Atlas' }));
    const atlas = await screen.findByRole('region', { name: 'Project Atlas' });
    expect(await within(atlas).findByText('Also known as Atlas · Kept in Entities')).toBeTruthy();
  });

  it('forgets the relations learned only from a deleted memory', async () => {
    const core = await showMemoryPage();
    await openFromChip('Project Atlas');
    const atlas = panel('Project Atlas');
    const old = article(OLD_MANAGER.content, within(atlas).getByRole('list', { name: 'Memories that mention Project Atlas' }));
    fireEvent.click(within(old).getByRole('button', { name: 'Delete memory' }));
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Delete' }));

    await waitFor(() => expect([...timeline(atlas)].some((li) => li.textContent?.includes('Sam Lee'))).toBe(false));
    expect(within(graph(atlas, 'Project Atlas')).queryByRole('button', { name: 'Sam Lee' })).toBeNull();
    expect(texts(browseList())).not.toContain(OLD_MANAGER.content);
    expect(core.memory.relations.map((r) => r.id)).not.toContain('r-sam');
  });

  it('closes, saying so, when the entity shown is forgotten (its last memory deleted)', async () => {
    const core = await showMemoryPage();
    await openFromChip('Dana Reyes');
    // What the core does once nothing mentions Dana any more: the entity is gone.
    core.memory.entities.splice(
      core.memory.entities.findIndex((e) => e.name === 'Dana Reyes'),
      1,
    );
    fireEvent.click(within(article(MANAGER.content, browseList())).getByRole('button', { name: 'Delete memory' }));
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Delete' }));

    await waitFor(() => expect(screen.queryByRole('region', { name: 'Dana Reyes' })).toBeNull());
    expect(useToasts.getState().toasts.map((t) => t.title)).toContain('Izzie no longer remembers Dana Reyes');
  });
});
