import { resolve } from 'node:path';
import { build } from 'vite';
import { beforeAll, describe, expect, it } from 'vitest';
import { runKillTrials } from '../../../test-support/engine-trial/kill-trials';

/**
 * kill -9 trials: the headless host (with functions whose steps call a recording fake with their
 * idempotency keys) is SIGKILLed at random moments and restarted, on one data dir. The suite runs
 * 12 kills; `npm run trials` runs the full 50 (the figures are in README "Proactive engine").
 */
const ITERATIONS = Number(process.env.IZZIE_KILL_TRIALS ?? '12');
const hostScript = resolve('out/trials/trial-host.js');

describe('the engine under kill -9', () => {
  beforeAll(async () => {
    await build({ configFile: resolve('vite.trials.config.ts'), logLevel: 'warn' });
  }, 120_000);

  it(
    `completes every run with no lost and no duplicated side effect across ${ITERATIONS} kills`,
    async () => {
      const report = await runKillTrials({
        iterations: ITERATIONS,
        hostScript,
        progress: process.env.IZZIE_KILL_TRIALS ? (line) => process.stdout.write(`${line}\n`) : undefined,
      });
      process.stdout.write(`kill trials: ${JSON.stringify(report)}\n`);
      expect(report.lost).toEqual([]);
      expect(report.duplicated).toEqual([]);
      expect(report.effects).toBe(report.expectedEffects);
      expect(report.runs).toEqual({ completed: report.scenarios * 2 });
      expect(report.refusedCalls).toBeGreaterThan(0);
    },
    ITERATIONS * 8_000 + 150_000,
  );
});
