import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve } from '../../src/headless/serve';
import { quietMemory } from '../quiet-memory';
import { trialFunctions } from './trial-functions';

/**
 * The headless host with the trial's functions, as the kill trials start it (built to
 * out/trials/trial-host.js). Each start publishes its own scenarios and the previous start's again
 * (those must be de-duplicated), then prints `ready`.
 */
const home = process.env.IZZIE_HOME ?? '';
const fakeUrl = process.env.TRIAL_FAKE_URL ?? '';
const iteration = Number(process.env.TRIAL_ITERATION ?? '0');
const perStart = Number(process.env.TRIAL_EVENTS_PER_START ?? '4');
if (!home || !fakeUrl) throw new Error('IZZIE_HOME and TRIAL_FAKE_URL are required');

const rendererDir = join(home, 'renderer');
mkdirSync(rendererDir, { recursive: true });
writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Izzie trial</title>');

const host = await serve({
  port: 0,
  home: join(home, 'data'),
  open: false,
  verbose: false,
  version: 'trial',
  rendererDir,
  env: { ...process.env, IZZIE_INSECURE_FILE_VAULT: '1', IZZIE_NO_BROWSER: '1' },
  print: () => undefined,
  core: { engine: { functions: trialFunctions(fakeUrl) }, memory: quietMemory() },
});
for (const i of iteration > 0 ? [iteration - 1, iteration] : [iteration]) {
  for (let k = 0; k < perStart; k++) {
    const id = `scenario-${i * perStart + k}`;
    host.core.publish({ id, type: 'test/scenario', source: 'internal', timestamp: Date.now(), data: {}, metadata: {} });
  }
}
process.stdout.write('ready\n');
process.on('SIGTERM', () => {
  void host.stop().then(() => process.exit(0));
});
