import { describe, expect, it } from 'vitest';
import { createFakeCore } from './fake-core';
import { chatSource, entity, memory, ref, relation } from './fake-memory';

const DANA = entity('Dana Reyes', 'person');
const ATLAS = entity('Project Atlas', 'project');

const WORK = memory({ id: 'work', namespace: 'work', content: 'Dana Reyes leads the Atlas launch.', entities: [ref(DANA)] });
const PERSONAL = memory({ id: 'personal', namespace: 'personal', content: 'Dana Reyes is my running partner on Sundays.' });
const SHARED = memory({ id: 'shared', namespace: 'preferences', content: 'Prefers Dana Reyes to be copied on decisions.' });
const LEARNED = relation(DANA, 'leads', ATLAS, { id: 'r-leads', sourceMemoryId: WORK.id });

function start() {
  return createFakeCore({ memory: { memories: [WORK, PERSONAL, SHARED], entities: [DANA, ATLAS], relations: [LEARNED] } });
}

const ids = (context: { memories: { memory: { id: string } }[] }) => context.memories.map((r) => r.memory.id).sort();

describe('fake core: memory', () => {
  it('reads only what the persona may: work never sees personal, personal never sees work, both see the shared', async () => {
    const core = start();
    const work = await core.client.call('memory.search', { query: 'Dana Reyes', persona: 'work' });
    const personal = await core.client.call('memory.search', { query: 'Dana Reyes', persona: 'personal' });
    expect(ids(work)).toEqual(['shared', 'work']);
    expect(ids(personal)).toEqual(['personal', 'shared']);
    expect(work.relations.map((r) => r.id)).toEqual(['r-leads']);
    // The relation was learned from a work memory: personal does not see it.
    expect(personal.relations).toEqual([]);
    const namespaces = await core.client.call('memory.namespaces');
    expect(namespaces.map((n) => [n.namespace, n.accessContexts, n.retentionDays])).toEqual([
      ['communication', ['work', 'personal'], 90],
      ['entities', ['work', 'personal'], null],
      ['personal', ['personal'], 365],
      ['preferences', ['work', 'personal'], null],
      ['work', ['work'], 365],
    ]);
  });

  it('deletes a memory, the relations learned from it, and its place in search; says so with memory.changed', async () => {
    const core = start();
    const changes: unknown[] = [];
    core.client.on('memory.changed', (change) => changes.push(change));
    await core.client.call('memory.delete', { id: WORK.id });
    expect(changes).toEqual([{ ids: [], removedIds: [WORK.id] }]);
    expect(ids(await core.client.call('memory.search', { query: 'Atlas launch', persona: 'work' }))).toEqual([]);
    expect(core.memory.relations).toEqual([]);
    await expect(core.client.call('memory.get', { id: WORK.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('changes the text on update, embeds it with the current embedder, and search finds the new words', async () => {
    const core = start();
    const updated = await core.client.call('memory.update', { id: SHARED.id, content: '  Prefers written decisions.  ' });
    expect(updated.content).toBe('Prefers written decisions.');
    expect(ids(await core.client.call('memory.search', { query: 'written decisions', persona: 'personal' }))).toEqual(['shared']);
    await expect(core.client.call('memory.update', { id: SHARED.id, content: ' ' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: 'Invalid input for memory.update: content: A memory cannot be empty',
    });
  });

  it('purges what outlived its namespace’s retention, counting from when it was last learned', async () => {
    const core = createFakeCore({
      memory: {
        memories: [
          memory({ id: 'old', namespace: 'communication', createdAt: 1_690_000_000_000 }),
          memory({
            id: 'reinforced',
            namespace: 'communication',
            createdAt: 1_690_000_000_000,
            sources: [chatSource('t', null, 1_690_000_000_000), chatSource('t', null, 1_699_000_000_000)],
          }),
          memory({ id: 'kept', namespace: 'preferences', createdAt: 1_600_000_000_000 }),
        ],
      },
    });
    expect(await core.client.call('memory.purge')).toEqual({ removed: 1 });
    expect(core.memory.memories.map((m) => m.id)).toEqual(['reinforced', 'kept']);
  });
});
