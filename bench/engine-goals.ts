import { join } from 'node:path';
import { Engine } from '../src/core/engine/engine';
import type { EngineFunction } from '../src/core/engine/engine-function';
import type { Logger } from '../src/core/log/logger';
import { Redactor } from '../src/core/log/redact';
import { openDatabase, type Db } from '../src/core/store/database';
import { EngineEventsRepo } from '../src/core/store/engine-events-repo';
import { EngineRunsRepo } from '../src/core/store/engine-runs-repo';
import { sqlMigrations } from '../src/core/store/migration-files';
import { migrate } from '../src/core/store/migrations';
import { log, timed } from './stats';
import type { Row } from './table';

const RUNS = Number(process.env.BENCH_ENGINE_RUNS ?? 100);
const STEPS_PER_RUN = 20;
const ROUNDS = 3;

/** The bench measures the engine, not its log lines. */
const silent: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  child: () => silent,
  redactor: new Redactor(),
};

/**
 * The engine goal: empty-step throughput against raw better-sqlite3 single-row transactions on the
 * same kind of connection (`openDatabase`: WAL, `synchronous = FULL`), alternated over rounds.
 */
export async function engineGoals(dir: string): Promise<Row[]> {
  const db = openDatabase(join(dir, 'engine.db'));
  migrate(db, sqlMigrations);
  db.exec('CREATE TABLE bench_rows (id INTEGER PRIMARY KEY, run TEXT NOT NULL, step TEXT NOT NULL, output TEXT)');
  const stepsPerSecond: number[] = [];
  const rowsPerSecond: number[] = [];
  try {
    for (let round = 0; round < ROUNDS; round++) {
      rowsPerSecond.push(rawTransactions(db, RUNS * STEPS_PER_RUN, round));
      stepsPerSecond.push(await emptySteps(db, round));
    }
  } finally {
    db.close();
  }
  const steps = median(stepsPerSecond);
  const raw = median(rowsPerSecond);
  log(
    `engine: ${RUNS} runs × ${STEPS_PER_RUN} empty steps, ${ROUNDS} rounds; steps/s ${stepsPerSecond.map((n) => n.toFixed(0)).join(', ')}; raw tx/s ${rowsPerSecond.map((n) => n.toFixed(0)).join(', ')}`,
  );
  return [
    {
      goal: 'E1 empty-step throughput',
      figure: steps,
      baseline: raw,
      ratio: steps / raw,
      target: '≥ 0.5×',
      ok: steps / raw >= 0.5,
      unit: '/s',
    },
  ];
}

function rawTransactions(db: Db, count: number, round: number): number {
  const insert = db.prepare('INSERT INTO bench_rows (run, step, output) VALUES (?, ?, ?)');
  const one = db.transaction((i: number) => insert.run(`r${round}`, `s${i}`, 'null'));
  const start = performance.now();
  for (let i = 0; i < count; i++) one(i);
  return count / ((performance.now() - start) / 1000);
}

async function emptySteps(db: Db, round: number): Promise<number> {
  const fn: EngineFunction = {
    id: 'empty-steps',
    name: 'empty steps',
    trigger: { event: 'test/scenario' },
    handler: async ({ step }) => {
      for (let i = 0; i < STEPS_PER_RUN; i++) await step.run('empty', () => null);
    },
  };
  const engine = new Engine({
    events: new EngineEventsRepo(db),
    runs: new EngineRunsRepo(db),
    functions: [fn],
    clock: { now: () => Date.now() },
    log: silent,
    paused: () => false,
  });
  engine.start();
  const { ms } = await timed(async () => {
    for (let i = 0; i < RUNS; i++) {
      engine.bus.publish({
        id: `bench-${round}-${i}`,
        type: 'test/scenario',
        source: 'internal',
        timestamp: 0,
        data: {},
        metadata: {},
      });
    }
    await engine.drain();
  });
  await engine.stop();
  const done = new EngineRunsRepo(db).counts().completed;
  if (done !== RUNS * (round + 1)) throw new Error(`only ${done} of ${RUNS * (round + 1)} bench runs completed`);
  return (RUNS * STEPS_PER_RUN) / (ms / 1000);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}
