import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { expect } from 'vitest';
import type { Memory } from '../../../../shared';
import { Shell } from '../../app/Shell';
import { useConnection } from '../../stores/connection';
import { useNavigation } from '../../stores/navigation';
import { createFakeCore, thread, type FakeCoreOptions } from '../../test-support/fake-core';
import { chatSource, entity, memory, ref, relation } from '../../test-support/fake-memory';

/** What the Memory page tests share: a small, realistic memory with a graph, and how to open the page over it. */

const DAY = 86_400_000;
export const T0 = 1_695_000_000_000;

export const DANA = entity('Dana Reyes', 'person', { aliases: ['Dana'] });
const SAM = entity('Sam Lee', 'person');
export const ATLAS = entity('Project Atlas', 'project', { aliases: ['Atlas'] });
export const ACME = entity('Acme', 'organization', { namespace: 'work' });

export const KICKOFF = thread({ id: 'thread-kickoff', title: 'Project kickoff' });

export const MANAGER = memory({
  id: 'm-manager',
  kind: 'relationship',
  content: 'My manager is Dana Reyes on Project Atlas.',
  entities: [ref(DANA), ref(ATLAS)],
  sources: [chatSource(KICKOFF.id, 'Project kickoff', T0 + 10 * DAY), chatSource(KICKOFF.id, 'Project kickoff', T0 + 12 * DAY)],
  createdAt: T0 + 10 * DAY,
  updatedAt: T0 + 12 * DAY,
  validFrom: T0 + 10 * DAY,
  confidence: 0.95,
  reinforcements: 1,
});

export const OLD_MANAGER = memory({
  id: 'm-old-manager',
  kind: 'relationship',
  content: 'My manager is Sam Lee.',
  entities: [ref(SAM), ref(ATLAS)],
  sources: [chatSource('thread-older', 'Team changes', T0)],
  createdAt: T0,
  updatedAt: T0 + 10 * DAY,
  validFrom: T0,
  invalidAt: T0 + 10 * DAY,
  supersededBy: MANAGER.id,
  confidence: 0.8,
});

export const SHIPS = memory({
  id: 'm-ships',
  content: 'Project Atlas ships in March.',
  entities: [ref(ATLAS)],
  sources: [{ type: 'email', id: 'email-1', parentId: 'email-thread-1', label: 'Atlas timeline', at: T0 + 5 * DAY }],
  persona: null,
  createdAt: T0 + 5 * DAY,
  updatedAt: T0 + 5 * DAY,
  validFrom: T0 + 5 * DAY,
});

export const UPDATES = memory({
  id: 'm-updates',
  namespace: 'communication',
  kind: 'style',
  content: 'Prefers short bullet-point updates.',
  entities: [ref(DANA)],
  createdAt: T0 + 3 * DAY,
  updatedAt: T0 + 3 * DAY,
  validFrom: T0 + 3 * DAY,
});

export const RUNS = memory({
  id: 'm-runs',
  namespace: 'personal',
  kind: 'preference',
  persona: 'personal',
  content: 'I go for morning runs before work.',
  sources: [chatSource('thread-weekend', 'Weekend plans', T0 + 2 * DAY)],
  createdAt: T0 + 2 * DAY,
  updatedAt: T0 + 2 * DAY,
  validFrom: T0 + 2 * DAY,
});

const MEETINGS = memory({
  id: 'm-meetings',
  namespace: 'preferences',
  kind: 'preference',
  content: 'Prefers meetings after 10am, never on Friday afternoons.',
  createdAt: T0 + DAY,
  updatedAt: T0 + DAY,
  validFrom: T0 + DAY,
});

export const MEMORIES: Memory[] = [MANAGER, OLD_MANAGER, SHIPS, UPDATES, RUNS, MEETINGS];

const RELATIONS = [
  relation(SAM, 'manages', ATLAS, { id: 'r-sam', validFrom: T0, invalidAt: T0 + 10 * DAY, sourceMemoryId: OLD_MANAGER.id }),
  relation(DANA, 'manages', ATLAS, { id: 'r-dana', validFrom: T0 + 10 * DAY, sourceMemoryId: MANAGER.id }),
  relation(DANA, 'works_at', ACME, { id: 'r-acme', validFrom: T0 + 2 * DAY }),
];

export function memoryOptions(overrides: FakeCoreOptions['memory'] = {}): FakeCoreOptions {
  return {
    threads: [KICKOFF],
    memory: { memories: MEMORIES, entities: [DANA, SAM, ATLAS, ACME], relations: RELATIONS, ...overrides },
  };
}

/** Opens the Memory page over a fake core and waits for its first list. */
export async function showMemoryPage(options: FakeCoreOptions = memoryOptions()) {
  const core = createFakeCore(options);
  useConnection.setState({ state: 'connected', everConnected: true });
  useNavigation.setState({ page: 'memory' });
  render(<Shell client={core.client} />);
  await screen.findByRole('heading', { level: 1, name: 'Memory' });
  await waitFor(() => expect(screen.getByRole('tabpanel').querySelector('.load-state')).toBeNull());
  return core;
}

export const type = (field: HTMLElement, value: string) => fireEvent.change(field, { target: { value } });

export function browseList(): HTMLElement {
  return within(screen.getByRole('tabpanel')).getByRole('list', { name: /^Memories/ });
}

/** The memory whose text is `content`, in `container`. */
export function article(content: string, container: HTMLElement = document.body): HTMLElement {
  return within(container).getByRole('article', { name: content });
}

export function texts(container: HTMLElement): string[] {
  return within(container)
    .queryAllByRole('article')
    .map((a) => a.querySelector('.memory__content')?.textContent ?? '');
}

export async function search(query: string) {
  type(screen.getByRole('searchbox', { name: 'Search memories' }), query);
  fireEvent.click(screen.getByRole('button', { name: 'Search' }));
  return screen.findByRole('list', { name: new RegExp(`for “${escape(query)}”`) });
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
