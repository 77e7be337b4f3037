#!/usr/bin/env node
// `npm run trials`: the engine's full kill -9 trials (50 kills by default; `npm run trials -- 200`
// for more). The test suite runs the same trials with 12 kills.
import { spawnSync } from 'node:child_process';

const iterations = process.argv[2] ?? '50';
if (!/^[1-9][0-9]*$/.test(iterations)) {
  process.stderr.write(`usage: npm run trials [-- <kills>]   (got "${iterations}")\n`);
  process.exit(2);
}
const result = spawnSync('npx', ['vitest', 'run', 'src/core/engine/kill-trials.test.ts'], {
  stdio: 'inherit',
  env: { ...process.env, IZZIE_KILL_TRIALS: iterations },
});
process.exit(result.status ?? 1);
