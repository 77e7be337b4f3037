import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chatSource, fact, persona, startMemory, type MemoryHarness } from '../../../test-support/memory-harness';

let h: MemoryHarness;
beforeEach(async () => {
  h = await startMemory();
});
afterEach(async () => {
  await h.close();
});

const work = persona('work');
const personal = persona('personal');
const DAY = 86_400_000;

const extraction = (facts: unknown[]) => ({ text: JSON.stringify({ facts }) });
const managerFact = (contradicts: string[] = []) => ({
  content: "The user's manager is Dana Reyes on Project Atlas.",
  kind: 'relationship',
  namespace: 'work',
  confidence: 0.95,
  entities: [
    { name: 'Dana Reyes', kind: 'person' },
    { name: 'Project Atlas', kind: 'project', aliases: ['Atlas'] },
  ],
  relations: [
    { from: 'Dana Reyes', type: 'manages', to: 'the user' },
    { from: 'Dana Reyes', type: 'works on', to: 'Project Atlas' },
  ],
  contradicts,
});

function remember(text: string, id = 'msg-1', who = work) {
  return h.memory.add({
    transcript: [{ role: 'user', content: text }],
    persona: who,
    source: chatSource(id),
    explicit: true,
  });
}

describe('memory.add', () => {
  it('stores extracted facts with provenance, entities and relations', async () => {
    h.router.push(extraction([managerFact()]));
    const result = await remember('remember that my manager is Dana Reyes on Project Atlas');
    expect(result?.added).toHaveLength(1);
    const [memory] = h.memory.list({ includeInvalid: true, offset: 0, limit: 10 }).memories;
    expect(memory).toMatchObject({ namespace: 'work', kind: 'relationship', persona: 'work', invalidAt: null });
    expect(memory?.sources).toEqual([chatSource('msg-1')]);
    expect(memory?.entities.map((e) => e.name).sort()).toEqual(['Dana Reyes', 'Project Atlas', 'the user']);
    const dana = memory?.entities.find((e) => e.name === 'Dana Reyes');
    const detail = await h.memory.entity(dana?.id ?? '');
    expect(detail.relations.map((r) => `${r.from.name} ${r.type} ${r.to.name}`).sort()).toEqual([
      'Dana Reyes manages the user',
      'Dana Reyes works_on Project Atlas',
    ]);
    expect(h.router.requests[0]?.task).toBe('extraction');
    expect(h.events.some((e) => e.event === 'memory.changed')).toBe(true);
  });

  it('a malformed answer is retried once, then nothing is stored', async () => {
    h.router.push({ text: 'Sure! Dana is your manager.' }, extraction([{ content: 'The user likes tea.' }]));
    const result = await remember('remember that I like tea');
    expect(result).toBeNull();
    expect(h.router.requests).toHaveLength(2);
    expect(h.router.requests[1]?.messages.at(-1)?.content).toMatch(/could not be used/);
    expect(h.memory.status().total).toBe(0);
    expect(h.logs.some((l) => l.level === 'warn' && /malformed JSON twice/.test(l.message))).toBe(true);
  });

  it('a repaired answer on the retry is stored, fenced JSON included', async () => {
    h.router.push({ text: '{"facts": [' }, { text: '```json\n' + JSON.stringify({ facts: [managerFact()] }) + '\n```' });
    expect((await remember('my manager is Dana Reyes'))?.added).toHaveLength(1);
  });

  it('reinforces a repeated fact instead of storing a copy', async () => {
    h.router.push(extraction([managerFact()]), extraction([managerFact()]));
    const first = await remember('my manager is Dana Reyes on Atlas', 'msg-1');
    const second = await remember('again: my manager is Dana Reyes on Atlas', 'msg-2');
    expect(second?.added).toEqual([]);
    expect(second?.reinforced).toEqual(first?.added);
    const { memories, total } = h.memory.list({ includeInvalid: true, offset: 0, limit: 10 });
    expect(total).toBe(1);
    expect(memories[0]?.reinforcements).toBe(1);
    expect(memories[0]?.sources.map((s) => s.id)).toEqual(['msg-1', 'msg-2']);
  });

  it('reinforces a near-duplicate worded differently (same words, other order)', async () => {
    await h.memory.ingest([fact('Dana Reyes manages the Atlas launch review')], {
      persona: work,
      source: chatSource('a'),
      readable: ['work'],
    });
    const again = await h.memory.ingest([fact('The Atlas launch review: Dana Reyes manages')], {
      persona: work,
      source: chatSource('b'),
      readable: ['work'],
    });
    expect(again.added).toEqual([]);
    expect(again.reinforced).toHaveLength(1);
    expect(h.memory.status().total).toBe(1);
  });

  it('a contradicting fact marks the old one invalid now and keeps it as history', async () => {
    h.router.push(extraction([managerFact()]));
    const old = (await remember('my manager is Dana Reyes'))?.added[0] ?? '';
    h.advance(DAY);
    h.router.push(
      extraction([
        {
          content: "The user's manager is Lee Park.",
          kind: 'relationship',
          namespace: 'work',
          confidence: 0.9,
          entities: [{ name: 'Lee Park', kind: 'person' }],
          relations: [{ from: 'Lee Park', type: 'manages', to: 'the user' }],
          contradicts: [old],
        },
      ]),
    );
    const result = await remember('my manager is now Lee Park', 'msg-2');
    expect(result?.invalidated).toEqual([old]);
    expect(h.router.requests[1]?.messages[1]?.content).toContain(`[${old}]`);

    const retired = h.memory.get(old);
    expect(retired.invalidAt).toBe(h.clock.now());
    expect(retired.supersededBy).toBe(result?.added[0]);
    expect(h.memory.list({ includeInvalid: true, offset: 0, limit: 10 }).total).toBe(2);
    expect(h.memory.list({ includeInvalid: false, offset: 0, limit: 10 }).total).toBe(1);

    const found = await h.memory.search({ query: 'who is my manager', persona: work, limit: 10, expandGraph: true });
    expect(found.memories.map((m) => m.memory.content)).toEqual(["The user's manager is Lee Park."]);
    const user = retired.entities.find((e) => e.name === 'the user');
    const history = (await h.memory.entity(user?.id ?? '')).relations.filter((r) => r.type === 'manages');
    expect(history.map((r) => [r.from.name, r.invalidAt])).toEqual([
      ['Dana Reyes', h.clock.now()],
      ['Lee Park', null],
    ]);
  });

  it('never lets a persona retire a memory it cannot read', async () => {
    const [secret] = (
      await h.memory.ingest([fact('The user sees Dr. Quinn on Fridays', { namespace: 'personal' })], {
        persona: personal,
        source: chatSource('p'),
        readable: h.memory.readable(personal),
      })
    ).added;
    h.router.push(extraction([{ ...managerFact([secret ?? '']) }]));
    const result = await remember('my manager is Dana');
    expect(result?.invalidated).toEqual([]);
    expect(h.memory.get(secret ?? '').invalidAt).toBeNull();
  });
});

describe('memory.search', () => {
  it('keeps work and personal apart both ways and shares preferences', async () => {
    await h.memory.ingest([fact('Quarterly budget review with Dana Reyes on Thursday', { namespace: 'work' })], {
      persona: work,
      source: chatSource('w'),
      readable: ['work'],
    });
    await h.memory.ingest([fact('Budget for the family trip to Lisbon is 3000 euros', { namespace: 'personal' })], {
      persona: personal,
      source: chatSource('p'),
      readable: ['personal'],
    });
    await h.memory.ingest([fact('The user prefers budget summaries as bullet points', { namespace: 'preferences' })], {
      persona: work,
      source: chatSource('s'),
      readable: ['preferences'],
    });
    const asWork = await h.memory.search({ query: 'budget', persona: work, limit: 10, expandGraph: true });
    const asPersonal = await h.memory.search({ query: 'budget', persona: personal, limit: 10, expandGraph: true });
    expect(asWork.memories.map((m) => m.memory.namespace).sort()).toEqual(['preferences', 'work']);
    expect(asPersonal.memories.map((m) => m.memory.namespace).sort()).toEqual(['personal', 'preferences']);
    for (const m of [...asWork.memories, ...asPersonal.memories]) {
      expect(m.score).toBeGreaterThan(0);
      expect(m.keywordRank ?? m.vectorRank).not.toBeNull();
    }
  });

  it('graph relations learned at work never reach the personal persona', async () => {
    h.router.push(extraction([managerFact()]));
    await remember('my manager is Dana Reyes on Project Atlas');
    const asWork = await h.memory.search({ query: 'Dana Reyes', persona: work, limit: 10, expandGraph: true });
    const asPersonal = await h.memory.search({ query: 'Dana Reyes', persona: personal, limit: 10, expandGraph: true });
    expect(asWork.relations.map((r) => r.type).sort()).toEqual(['manages', 'works_on']);
    expect(asPersonal.memories).toEqual([]);
    expect(asPersonal.relations).toEqual([]);
  });

  it('expands by the entities a query names', async () => {
    h.router.push(extraction([managerFact()]));
    await remember('my manager is Dana Reyes on Project Atlas');
    const found = await h.memory.search({ query: 'what is going on with Atlas?', persona: work, limit: 10, expandGraph: true });
    expect(found.memories[0]?.memory.content).toContain('Dana Reyes');
    expect(found.relations.some((r) => r.to.name === 'Project Atlas')).toBe(true);
  });

  it('answers from keywords when the query cannot be embedded', async () => {
    await h.memory.ingest([fact('Standup moved to 9:30 on Mondays')], {
      persona: work,
      source: chatSource('x'),
      readable: ['work'],
    });
    h.embedder.failNext();
    const found = await h.memory.search({ query: 'standup', persona: work, limit: 5, expandGraph: false });
    expect(found.memories.map((m) => [m.memory.content, m.vectorRank, m.keywordRank])).toEqual([
      ['Standup moved to 9:30 on Mondays', null, 1],
    ]);
  });
});

describe('deleting, retention and sources', () => {
  async function seedWithGraph() {
    h.router.push(extraction([managerFact()]));
    const id = (await remember('my manager is Dana Reyes on Project Atlas', 'msg-1'))?.added[0] ?? '';
    return id;
  }

  async function expectNothingLeft() {
    const space = h.memory.vectors.active();
    expect(space).not.toBeNull();
    if (space) {
      expect(h.memory.vectors.count(space)).toBe(0);
      expect(h.memory.vectors.orphans(space)).toBe(0);
    }
    expect(() => h.memory.repo.checkKeywordIndex()).not.toThrow();
    expect(h.db.prepare("SELECT count(*) AS n FROM memories_fts WHERE memories_fts MATCH 'reyes'").get()).toEqual({ n: 0 });
    expect(await h.graph.counts()).toEqual({ entities: 0, relations: 0 });
    expect((await h.memory.search({ query: 'Dana Reyes manager', persona: work, limit: 5, expandGraph: true })).memories).toEqual(
      [],
    );
  }

  it('delete removes the memory, its vector, its keyword row and the graph it alone supported', async () => {
    const id = await seedWithGraph();
    expect((await h.graph.counts()).relations).toBe(2);
    await h.memory.delete(id);
    await expectNothingLeft();
    expect(h.events.at(-1)).toEqual({ event: 'memory.changed', payload: { ids: [], removedIds: [id] } });
  });

  it('retention purges expired memories and what came only from them, per namespace', async () => {
    await seedWithGraph();
    await h.memory.ingest([fact('The user signs emails with "Best, Sam"', { namespace: 'communication' })], {
      persona: work,
      source: chatSource('msg-2'),
      readable: ['communication'],
    });
    await h.memory.ingest([fact('The user takes coffee black', { namespace: 'preferences' })], {
      persona: work,
      source: chatSource('msg-3'),
      readable: ['preferences'],
    });
    h.advance(91 * DAY);
    expect(await h.memory.purge()).toBe(1); // communication keeps 90 days
    h.advance(300 * DAY);
    expect(await h.memory.purge()).toBe(1); // work keeps 365
    expect(h.memory.list({ includeInvalid: true, offset: 0, limit: 10 }).memories.map((m) => m.namespace)).toEqual([
      'preferences',
    ]);
    h.memory.setRetention('preferences', 30);
    expect(await h.memory.purge()).toBe(1);
    await expectNothingLeft();
  });

  it('deleting the source deletes what was learned only from it', async () => {
    const id = await seedWithGraph();
    await h.memory.ingest([fact('Project Atlas ships in March')], {
      persona: work,
      source: chatSource('msg-9', 'thread-2'),
      readable: ['work'],
    });
    await h.memory.ingest([fact('Project Atlas ships in March')], {
      persona: work,
      source: chatSource('msg-1'),
      readable: ['work'],
    });
    expect(await h.memory.forgetSources('chat_message', ['msg-1'])).toBe(1);
    expect(() => h.memory.get(id)).toThrow(/does not exist/);
    const [kept] = h.memory.list({ includeInvalid: true, offset: 0, limit: 10 }).memories;
    expect(kept?.sources.map((s) => s.id)).toEqual(['msg-9']);
    expect(await h.memory.forgetSources('chat_message', ['thread-2'], true)).toBe(1);
    await expectNothingLeft();
  });
});

describe('editing and embedders', () => {
  it('an edit changes the text, re-embeds it and is found by its new words', async () => {
    const [id] = (
      await h.memory.ingest([fact('Lunch with Priya on Tuesday')], { persona: work, source: chatSource('m'), readable: ['work'] })
    ).added;
    const edited = await h.memory.update(id ?? '', 'Dinner with Priya on Wednesday');
    expect(edited.content).toBe('Dinner with Priya on Wednesday');
    expect(h.embedder.calls.at(-1)).toEqual(['Dinner with Priya on Wednesday']);
    const found = await h.memory.search({ query: 'dinner wednesday', persona: work, limit: 5, expandGraph: false });
    expect(found.memories[0]?.memory.id).toBe(id);
    expect(found.memories[0]?.vectorRank).toBe(1);
    expect((await h.memory.search({ query: 'lunch', persona: work, limit: 5, expandGraph: false })).memories).toEqual([]);
  });

  it('when the embedder fails, ingestion fails whole and stores nothing', async () => {
    h.embedder.failNext();
    await expect(
      h.memory.ingest([fact('Offsite in Porto in May')], { persona: work, source: chatSource('m'), readable: ['work'] }),
    ).rejects.toThrow();
    expect(h.memory.status().total).toBe(0);
  });
});
