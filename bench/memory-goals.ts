import { join } from 'node:path';
import { DEFAULT_PERSONAS } from '../src/core/agents/personas/persona-defaults';
import { benchRelatedEntities } from '../src/core/graph/graph-bench';
import { LocalEmbedder } from '../src/core/memory/embedding/local-embedder';
import type { IngestFact } from '../src/core/memory/memory-writer';
import type { Persona } from '../src/shared';
import { openMemory, withPrecomputed } from './bench-memory';
import { buildStore, namespaceOf } from './build-store';
import { corpus } from './corpus';
import { blended, embedAll } from './embeddings-cache';
import { LoopDelay, log, percentile, timed } from './stats';
import type { Row } from './table';

/**
 * The memory goals (P1, P2, P4, P5), each measured against a baseline in the same run. Sizes can be
 * changed by environment (BENCH_MEMORIES, BENCH_REAL, BENCH_QUERIES, BENCH_INGEST) for quicker
 * looks; the goals are for the defaults.
 */
const MEMORIES = Number(process.env.BENCH_MEMORIES ?? 100_000);
const REAL = Number(process.env.BENCH_REAL ?? 12_000);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 200);
const INGEST = Number(process.env.BENCH_INGEST ?? 1_500);

const work: Persona = { ...DEFAULT_PERSONAS.work, customized: false };

export async function memoryGoals(dir: string): Promise<Row[]> {
  const rows: Row[] = [];
  const fmt = (n: number) => n.toLocaleString('en');
  log(`corpus: ${fmt(MEMORIES)} memories (${fmt(REAL)} with real embeddings), ${QUERIES} queries, ${fmt(INGEST)} to ingest`);
  const items = corpus(MEMORIES + QUERIES + INGEST);
  const stored = items.slice(0, MEMORIES);
  const queries = items.slice(MEMORIES, MEMORIES + QUERIES).map((i) => i.text);
  const toIngest = items.slice(MEMORIES + QUERIES);

  const bulk = new LocalEmbedder({ threads: 2 });
  const realTexts = [...stored.slice(0, REAL).map((i) => i.text), ...queries];
  const embedded = await embedAll(bulk, realTexts);
  await bulk.close();
  log(
    `real embeddings: ${embedded.cached ? 'from cache' : `computed at ${embedded.perSecond?.toFixed(0)} texts/s with 2 threads`}`,
  );
  const realStored = embedded.vectors.slice(0, Math.min(REAL, MEMORIES));
  const queryVectors = embedded.vectors.slice(realStored.length);
  const storeVectors = [...realStored, ...blended(realStored, MEMORIES - realStored.length)];

  const local = new LocalEmbedder();
  const known = new Map(queries.map((q, i) => [q, queryVectors[i] ?? new Float32Array(512)]));
  const target = await openMemory(dir, withPrecomputed(local, known));
  const build = await timed(() => buildStore(target, stored, storeVectors, 5_000));
  log(`store built in ${(build.ms / 1000).toFixed(1)} s`);
  const load = await timed(() => target.memory.start());
  log(`index loaded in ${(load.ms / 1000).toFixed(1)} s`);
  const { memory } = target;
  const space = memory.vectors.active();
  if (!space) throw new Error('no active embedding space');
  const namespaces = memory.readable(work);

  // P1: memory.search (query embedding excluded) against raw sqlite-vec float32 k=10, interleaved.
  for (const q of queries.slice(0, 20)) {
    memory.vectors.exactKnn(space, known.get(q) ?? new Float32Array(512), 10);
    await memory.find(q, work, 10, true);
  }
  const baseline: number[] = [];
  const search: number[] = [];
  let recallSum = 0;
  for (const q of queries) {
    const vector = known.get(q) ?? new Float32Array(512);
    const exact = await timed(() => memory.vectors.exactKnn(space, vector, 10));
    baseline.push(exact.ms);
    search.push((await timed(() => memory.find(q, work, 10, true))).ms);
    const approx = await memory.engine.nearest(
      vector,
      memory.namespaces.all().map((n) => n.namespace),
      10,
    );
    const truth = new Set(exact.value.map((h) => h.seq));
    recallSum += approx.filter((h) => truth.has(h.seq)).length / Math.max(1, truth.size);
  }
  const p95Search = percentile(search, 0.95);
  const p95Base = percentile(baseline, 0.95);
  rows.push({
    goal: 'P1 memory.search p95',
    figure: p95Search,
    baseline: p95Base,
    ratio: p95Search / p95Base,
    target: '≤ 0.25×',
    ok: p95Search / p95Base <= 0.25,
    unit: 'ms',
  });
  const recall = recallSum / queries.length;
  rows.push({
    goal: 'P1 recall@10 vs exact',
    figure: recall,
    baseline: null,
    ratio: null,
    target: '≥ 0.95',
    ok: recall >= 0.95,
    unit: '',
  });

  // P2: ingestion (embedding included, extraction excluded) against the embedder alone, same texts.
  const texts = toIngest.map((i) => i.text);
  await local.embed(texts.slice(0, 64));
  const alone = await timed(async () => {
    for (let i = 0; i < texts.length; i += 64) await local.embed(texts.slice(i, i + 64));
  });
  const embedRate = texts.length / (alone.ms / 1000);
  const facts: IngestFact[] = toIngest.map((item, i) => ({
    content: item.text,
    kind: 'fact',
    namespace: namespaceOf(i),
    confidence: 0.9,
    entities: item.entities,
    relations: item.relations,
    contradicts: [],
  }));

  // P4 runs alongside: searches keep coming while ingestion works; the main loop's delay is sampled.
  const delay = new LoopDelay();
  delay.start();
  let ingesting = true;
  const underLoad: number[] = [];
  const searching = (async () => {
    for (let i = 0; ingesting; i++) {
      const q = queries[i % queries.length] ?? '';
      underLoad.push((await timed(() => memory.find(q, work, 10, true))).ms);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  })();
  const ingest = await timed(() =>
    memory.ingest(facts, {
      persona: work,
      source: { type: 'manual', id: 'bench-ingest', parentId: null, label: null, at: Date.now() },
      readable: namespaces,
    }),
  );
  ingesting = false;
  await searching;
  const loop = delay.stop();
  const ingestRate = texts.length / (ingest.ms / 1000);
  rows.push({
    goal: 'P2 ingestion throughput',
    figure: ingestRate,
    baseline: embedRate,
    ratio: ingestRate / embedRate,
    target: '≥ 0.8×',
    ok: ingestRate / embedRate >= 0.8,
    unit: 'texts/s',
  });
  rows.push({
    goal: 'P4 main-loop delay p99',
    figure: loop.p99Ms,
    baseline: null,
    ratio: null,
    target: '≤ 20 ms',
    ok: loop.p99Ms <= 20,
    unit: 'ms',
  });
  log(
    `during ingestion: ${underLoad.length} searches, p95 ${percentile(underLoad, 0.95).toFixed(1)} ms; main-loop max delay ${loop.maxMs.toFixed(1)} ms; added ${fmt(ingest.value.added.length)}, reinforced ${fmt(ingest.value.reinforced.length)}`,
  );
  await target.close();

  // P5: getRelatedEntities at 10k entities / 100k relations, against the same Cypher sent directly.
  const graph = await benchRelatedEntities(join(dir, 'p5'), { entities: 10_000, relations: 100_000, queries: 300 });
  rows.push({
    goal: 'P5 getRelatedEntities p95',
    figure: graph.adapterP95Ms,
    baseline: graph.directP95Ms,
    ratio: graph.adapterP95Ms / graph.directP95Ms,
    target: '≤ 5 ms, ≤ 1.2×',
    ok: graph.adapterP95Ms <= 5 && graph.adapterP95Ms / graph.directP95Ms <= 1.2,
    unit: 'ms',
  });
  return rows;
}
