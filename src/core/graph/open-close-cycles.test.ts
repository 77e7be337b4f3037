import { spawnSync } from 'node:child_process';
import { symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../test-support/temp-dir';
import { openCloseCycles } from './open-close-cycles';

const REPO = resolve(__dirname, '../../..');
const CYCLES = 100;

describe('Kùzu across 100 open/close cycles', () => {
  let dir: ReturnType<typeof makeTempDir>;
  beforeEach(() => (dir = makeTempDir('izzie-graph-cycles-')));
  afterEach(() => dir.remove());

  it('opens, writes, reads and closes cleanly every time, and keeps every write', async () => {
    expect(await openCloseCycles(join(dir.path, 'graph.kuzu'), CYCLES)).toEqual({ entities: CYCLES + 1, relations: CYCLES });
  }, 120_000);

  it('lets a plain Node process exit with code 0 afterwards (bundled as the app is, no segfault)', async () => {
    // Bundled by Vite like the headless host, so the Cypher migrations travel inside the bundle;
    // node_modules is linked beside it so `kuzu` resolves as it does for the app.
    const entry = join(dir.path, 'cycles-entry.ts');
    writeFileSync(
      entry,
      `import { openCloseCycles } from ${JSON.stringify(join(__dirname, 'open-close-cycles.ts'))};
      const counts = await openCloseCycles(process.argv[2], Number(process.argv[3]));
      process.stdout.write(JSON.stringify(counts));`,
    );
    const out = join(dir.path, 'out');
    await build({
      configFile: false,
      root: REPO,
      logLevel: 'silent',
      build: {
        ssr: entry,
        outDir: out,
        target: 'node20',
        rollupOptions: { output: { format: 'es', entryFileNames: 'cycles.mjs' } },
      },
    });
    symlinkSync(join(REPO, 'node_modules'), join(dir.path, 'node_modules'), 'dir');

    const child = spawnSync(process.execPath, [join(out, 'cycles.mjs'), join(dir.path, 'child-graph.kuzu'), String(CYCLES)], {
      encoding: 'utf8',
      timeout: 110_000,
    });
    expect({ status: child.status, signal: child.signal, stderr: child.stderr }).toEqual({ status: 0, signal: null, stderr: '' });
    expect(JSON.parse(child.stdout)).toEqual({ entities: CYCLES + 1, relations: CYCLES });
  }, 120_000);
});
