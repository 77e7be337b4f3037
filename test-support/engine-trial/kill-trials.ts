import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { makeTempDir } from '../temp-dir';
import { startRecordingFake } from './recording-fake';
import { TRIAL_STEPS } from './trial-functions';

export interface KillTrialReport {
  readonly kills: number;
  /** Kills that landed before the host said it was ready (during start-up, migration, resume). */
  readonly killsDuringStartup: number;
  readonly scenarios: number;
  readonly runs: Record<string, number>;
  readonly effects: number;
  readonly expectedEffects: number;
  /** (scenario, step) pairs the fake never saw. */
  readonly lost: string[];
  /** (scenario, step) pairs the fake saw under more than one key: the same effect done twice. */
  readonly duplicated: string[];
  /** Calls the fake absorbed because their key had already been done (steps redone after a kill). */
  readonly absorbedCalls: number;
  readonly refusedCalls: number;
}

export interface KillTrialOptions {
  readonly iterations: number;
  readonly hostScript: string;
  readonly eventsPerStart?: number;
  /** Longest wait after `ready` before the kill. */
  readonly killWindowMs?: number;
  readonly progress?: (line: string) => void;
}

/**
 * Starts the trial host on one data dir, SIGKILLs it at a random moment, and again, `iterations`
 * times; then lets a last start finish everything and checks the fake's records.
 */
export async function runKillTrials(options: KillTrialOptions): Promise<KillTrialReport> {
  const perStart = options.eventsPerStart ?? 4;
  const window = options.killWindowMs ?? 600;
  const fake = await startRecordingFake();
  const dir = makeTempDir('izzie-kill-');
  const env = (iteration: number) => ({
    ...process.env,
    IZZIE_HOME: dir.path,
    TRIAL_FAKE_URL: fake.url,
    TRIAL_ITERATION: String(iteration),
    TRIAL_EVENTS_PER_START: String(perStart),
  });
  let killsDuringStartup = 0;
  try {
    for (let i = 0; i < options.iterations; i++) {
      const child = spawn(process.execPath, [options.hostScript], { env: env(i), stdio: ['ignore', 'pipe', 'pipe'] });
      // One kill in five lands at a random moment of start-up instead (opening, migrating, resuming).
      const early = i % 5 === 4;
      const ready = waitForReady(child);
      if (early) {
        const beat = await Promise.race([
          ready.then(() => 'ready' as const),
          sleep(Math.random() * 700).then(() => 'timer' as const),
        ]);
        if (beat === 'timer') killsDuringStartup++;
      } else {
        await ready;
        await sleep(Math.random() * window);
      }
      await kill(child, 'SIGKILL');
      options.progress?.(`kill ${i + 1}/${options.iterations}: ${fake.effects.size} effects so far`);
    }
    const last = spawn(process.execPath, [options.hostScript], {
      env: env(options.iterations),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    await waitForReady(last);
    const scenarios = (options.iterations + 1) * perStart;
    const file = join(dir.path, 'data', 'izzie.db');
    const runs = await waitForAllRuns(file, scenarios * 2, 120_000);
    await kill(last, 'SIGTERM');

    const byPair = new Map<string, Set<string>>();
    for (const effect of fake.effects.values()) {
      const pair = `${effect.event}/${effect.step}`;
      byPair.set(pair, (byPair.get(pair) ?? new Set()).add(effect.key));
    }
    const lost: string[] = [];
    for (let n = 0; n < scenarios; n++) {
      for (const step of TRIAL_STEPS) if (!byPair.has(`scenario-${n}/${step}`)) lost.push(`scenario-${n}/${step}`);
    }
    const duplicated = [...byPair].filter(([, keys]) => keys.size > 1).map(([pair]) => pair);
    let absorbedCalls = 0;
    for (const effect of fake.effects.values()) absorbedCalls += effect.calls - 1;
    return {
      kills: options.iterations,
      killsDuringStartup,
      scenarios,
      runs,
      effects: fake.effects.size,
      expectedEffects: scenarios * TRIAL_STEPS.length,
      lost,
      duplicated,
      absorbedCalls,
      refusedCalls: fake.stats.refused,
    };
  } finally {
    await fake.close();
    dir.remove();
  }
}

function waitForReady(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      if (out.includes('ready\n')) resolve();
    });
    child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
    child.once('exit', (code, signal) => {
      if (signal === 'SIGKILL') return; // our own kill, during start-up
      reject(new Error(`the trial host exited (${signal ?? code}) before it was ready:\n${err.slice(-4000)}`));
    });
  });
}

function kill(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}

async function waitForAllRuns(file: string, expected: number, timeoutMs: number): Promise<Record<string, number>> {
  const deadline = Date.now() + timeoutMs;
  let counts: Record<string, number> = {};
  while (Date.now() < deadline) {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      // Only the trial's own runs: a built-in schedule (the 07:00 digest) may fire during a trial.
      const rows = db
        .prepare("SELECT status, count(*) AS n FROM engine_runs WHERE function_id LIKE 'trial-%' GROUP BY status")
        .all() as Array<{
        status: string;
        n: number;
      }>;
      counts = Object.fromEntries(rows.map((r) => [r.status, r.n]));
    } finally {
      db.close();
    }
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    const settled = (counts.completed ?? 0) + (counts.failed ?? 0) + (counts.cancelled ?? 0);
    if (total >= expected && settled === total) return counts;
    await sleep(200);
  }
  throw new Error(`runs did not settle in ${timeoutMs / 1000} s: ${JSON.stringify(counts)}`);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
