import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { RELATED_ENTITIES } from './graph-queries';
import { DEFAULT_RELATED_LIMIT, KnowledgeGraph } from './knowledge-graph';
import { KuzuDriver } from './kuzu-driver';

export interface RelatedEntitiesBench {
  adapterP95Ms: number;
  directP95Ms: number;
  adapterP50Ms: number;
  directP50Ms: number;
  /** Building the random graph (writing the CSV files and loading them). */
  buildMs: number;
}

const KINDS = ['person', 'project', 'organization', 'topic', 'place'] as const;
const TYPES = ['works_on', 'manages', 'works_at', 'knows', 'located_in'] as const;

/**
 * P5 of the memory issue: `getRelatedEntities` against the identical Cypher sent straight through
 * the driver (same cached prepared statement, same parameters), on a random graph of the given size
 * built in `dir` (a fresh graph file each run). Calls alternate between the two after a warm-up, so
 * both see the same cache and machine state.
 */
export async function benchRelatedEntities(
  dir: string,
  options: { entities: number; relations: number; queries: number },
): Promise<RelatedEntitiesBench> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, 'bench-graph.kuzu');
  await Promise.all([path, `${path}.wal`].map((file) => rm(file, { force: true })));
  const driver = await KuzuDriver.open(path);
  const graph = await KnowledgeGraph.over(driver);
  try {
    const random = seededRandom(5);
    const started = performance.now();
    await loadRandomGraph(driver, dir, options.entities, options.relations, random);
    await graph.reload();
    const buildMs = performance.now() - started;

    const pick = () => `e${Math.floor(random() * options.entities)}`;
    const direct = (id: string) => driver.run(RELATED_ENTITIES, { id, withInvalid: false, max: DEFAULT_RELATED_LIMIT });
    const adapter = (id: string) => graph.getRelatedEntities(id);
    for (let i = 0; i < Math.min(500, options.queries); i++) {
      await adapter(pick());
      await direct(pick());
    }
    const adapterMs: number[] = [];
    const directMs: number[] = [];
    for (let i = 0; i < options.queries; i++) {
      const id = pick();
      // Alternate which goes first so neither always runs on the other's warm cache lines.
      if (i % 2 === 0) {
        adapterMs.push(await timed(() => adapter(id)));
        directMs.push(await timed(() => direct(id)));
      } else {
        directMs.push(await timed(() => direct(id)));
        adapterMs.push(await timed(() => adapter(id)));
      }
    }
    return {
      adapterP95Ms: percentile(adapterMs, 0.95),
      directP95Ms: percentile(directMs, 0.95),
      adapterP50Ms: percentile(adapterMs, 0.5),
      directP50Ms: percentile(directMs, 0.5),
      buildMs,
    };
  } finally {
    await graph.close();
  }
}

/**
 * Kùzu's COPY FROM a CSV file is its bulk path: 100k relations load in about a second, where
 * batches of `UNWIND … MATCH … CREATE` took two minutes (each row looks up both ends).
 */
async function loadRandomGraph(driver: KuzuDriver, dir: string, entities: number, relations: number, random: () => number) {
  const entityRows = ['id,name,nameKey,kind,aliases,aliasKeys,namespace,createdAt'];
  for (let i = 0; i < entities; i++) {
    entityRows.push(`e${i},Entity ${i},entity ${i},${KINDS[i % KINDS.length]},[E${i}],[e${i}],entities,${i}`);
  }
  const relationRows = ['from,to,id,fromId,toId,type,validFrom,invalidAt,sources,confidence,createdAt'];
  for (let i = 0; i < relations; i++) {
    const from = Math.floor(random() * entities);
    const to = (from + 1 + Math.floor(random() * (entities - 1))) % entities;
    // One relation in ten is history, so the validity filter has something to drop.
    const invalidAt = i % 10 === 0 ? String(i + 1) : '';
    relationRows.push(
      `e${from},e${to},r${i},e${from},e${to},${TYPES[i % TYPES.length]},${i},${invalidAt},"[""m${i}""]",${random().toFixed(3)},${i}`,
    );
  }
  const entityFile = join(dir, 'bench-entities.csv');
  const relationFile = join(dir, 'bench-relations.csv');
  await writeFile(entityFile, entityRows.join('\n'));
  await writeFile(relationFile, relationRows.join('\n'));
  try {
    await driver.runOnce(`COPY Entity FROM ${cypherString(entityFile)} (header=true)`);
    await driver.runOnce(`COPY RELATES FROM ${cypherString(relationFile)} (header=true)`);
  } finally {
    await Promise.all([entityFile, relationFile].map((file) => rm(file, { force: true })));
  }
}

/** COPY takes a literal path, not a parameter. */
function cypherString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

/** Nearest-rank percentile. */
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? 0;
}

/** mulberry32: the same graph and the same queries every run. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
