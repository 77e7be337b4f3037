import { afterEach, describe, expect, it } from 'vitest';
import { fact, persona, startMemory, type MemoryHarness } from '../../../../test-support/memory-harness';
import { spawnWorker } from '../../workers/spawn-worker';
import { WorkerKeywords } from './keyword-client';
import { WorkerVectorIndex } from './vector-index-client';

const work = persona('work');
const source = { type: 'manual', id: 'seed', parentId: null, label: null, at: 0 } as const;
const workerIndex = () => new WorkerVectorIndex(() => spawnWorker('vectorIndex'));

describe('the search threads reading the SQLite file', () => {
  const open: MemoryHarness[] = [];
  afterEach(async () => {
    for (const h of open.splice(0)) await h.close();
  });

  it('reads every remembered vector itself on restart, with namespaces and validity intact', async () => {
    const first = await startMemory({ index: workerIndex });
    const added = await first.memory.ingest(
      [
        fact('Dana Reyes leads Project Atlas'),
        fact('The user likes ramen on Fridays', { namespace: 'personal' }),
        fact('Quarterly budget is due in March'),
      ],
      { persona: work, source, readable: first.memory.readable(work) },
    );
    await first.memory.ingest([fact('Quarterly budget is due in April', { contradicts: [added.added[2] ?? ''] })], {
      persona: work,
      source,
      readable: first.memory.readable(work),
    });
    await first.stop();

    const again = await startMemory({ index: workerIndex, dir: first.dir });
    open.push(again);
    await again.memory.engine.whenLoaded();
    expect(again.memory.engine.ready).toBe(true);
    const [query] = await again.embedder.embed(['Dana Reyes leads Project Atlas']);
    const workHits = await again.memory.engine.nearest(query ?? new Float32Array(), ['work'], 10);
    const texts = again.memory.repo.many(workHits.map((h) => h.seq)).map((m) => m.content);
    expect(texts[0]).toBe('Dana Reyes leads Project Atlas');
    expect(texts).toContain('Quarterly budget is due in April');
    // The contradicted fact is flagged invalid, and personal stays out of a work search.
    expect(texts).not.toContain('Quarterly budget is due in March');
    expect(texts).not.toContain('The user likes ramen on Fridays');
    expect(workHits[0]?.similarity).toBeCloseTo(1, 3);
  });

  it('finds by keyword through its own thread, including what was committed a moment ago', async () => {
    const h = await startMemory({ keywords: (db) => new WorkerKeywords(() => spawnWorker('keywords'), db.name) });
    open.push(h);
    const readable = h.memory.readable(work);
    await h.memory.ingest([fact('Zanzibar offsite is booked for June')], { persona: work, source, readable });
    const first = await h.memory.find('zanzibar', work, 5, false);
    expect(first.memories.map((m) => [m.memory.content, m.keywordRank])).toEqual([['Zanzibar offsite is booked for June', 1]]);
    await h.memory.ingest([fact('Zanzibar visas need two weeks')], { persona: work, source, readable });
    const again = await h.memory.find('zanzibar visas', work, 5, false);
    expect(again.memories[0]?.memory.content).toBe('Zanzibar visas need two weeks');
    expect(again.memories[0]?.keywordRank).toBe(1);
  });

  it('refuses a table name that is not one of the vector store’s', async () => {
    const h = await startMemory();
    open.push(h);
    const index = workerIndex();
    try {
      await expect(index.loadFile(64, { file: `${h.dir}/izzie.db`, vecTable: 'memories; DROP TABLE memories' })).rejects.toThrow(
        /not a vector table/,
      );
    } finally {
      await index.close();
    }
  });
});
