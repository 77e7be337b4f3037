import { join } from 'node:path';
import type { IzzieEvent } from '../src/shared';
import { EventClassifier } from '../src/core/agents/classifier/event-classifier';
import type { ModelRouter } from '../src/core/models/model-types';
import { ClassificationsRepo } from '../src/core/store/classifications-repo';
import { Engine } from '../src/core/engine/engine';
import type { EngineFunction } from '../src/core/engine/engine-function';
import type { Logger } from '../src/core/log/logger';
import { Redactor } from '../src/core/log/redact';
import { openDatabase, type Db } from '../src/core/store/database';
import { EngineEventsRepo } from '../src/core/store/engine-events-repo';
import { EngineRunsRepo } from '../src/core/store/engine-runs-repo';
import { sqlMigrations } from '../src/core/store/migration-files';
import { migrate } from '../src/core/store/migrations';
import { log, percentile, timed } from './stats';
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
  const classify = await classifierOverhead(dir);
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
    {
      goal: 'E2 classifier overhead p95',
      figure: classify,
      baseline: null,
      ratio: null,
      target: '≤ 5 ms',
      ok: classify <= 5,
      unit: 'ms',
    },
  ];
}

/**
 * Per-event cost of classification with the model excluded: the router answers at once, so what
 * is timed is rules, description, fingerprint, cache, prompt, validation. Mail with a new subject
 * each time (a model call), the same mail again (the cache) and review requests (a rule).
 */
async function classifierOverhead(dir: string): Promise<number> {
  const db = openDatabase(join(dir, 'classifier.db'));
  migrate(db, sqlMigrations);
  const answer = JSON.stringify({
    type: 'question',
    priority: 'medium',
    personaContext: 'work',
    mode: 'assistant',
    requiresAttention: true,
    needsReply: true,
    confidence: 0.8,
    reason: 'Someone asks a question.',
  });
  const router: ModelRouter = {
    complete: async (request) => ({
      text: answer,
      toolCalls: [],
      usage: { promptTokens: 200, completionTokens: 40, costUsd: 0 },
      provider: 'instant',
      model: 'instant',
      tier: request.tier ?? 'cheap',
      latencyMs: 0,
      finishReason: 'stop',
    }),
  };
  const classifier = new EventClassifier({
    router,
    cache: new ClassificationsRepo(db),
    clock: { now: () => Date.now() },
    log: silent,
  });
  const times: number[] = [];
  try {
    for (let i = 0; i < 600; i++) {
      const kind = i % 3;
      const event: IzzieEvent = {
        id: `e${i}`,
        type: kind === 2 ? 'github/pull_request.review_requested' : 'email/received',
        source: 'poll',
        timestamp: 0,
        metadata: {},
        data:
          kind === 2
            ? {
                repo: 'acme/api',
                number: i + 1,
                title: `Change ${i}`,
                author: 'dana',
                url: 'https://example.com',
                state: 'open',
                draft: false,
                reviewRequested: true,
                reason: 'review_requested',
                updatedAt: i,
              }
            : {
                account: 'me@example.com',
                messageId: `m${i}`,
                threadId: `t${i}`,
                from: 'Sam <sam@example.com>',
                to: ['me@example.com'],
                subject: `Question ${kind === 0 ? i : 1}`,
                snippet: 'Could you look at this before Friday? '.repeat(8),
                labels: ['INBOX', 'UNREAD'],
                receivedAt: i,
                bulk: false,
              },
      };
      times.push((await timed(() => classifier.classify(event, { correlationId: 'bench' }))).ms);
    }
  } finally {
    db.close();
  }
  return percentile(times.slice(60), 0.95);
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
