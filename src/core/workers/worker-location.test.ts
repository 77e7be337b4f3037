import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnWorker, workerUrl } from './spawn-worker';
import { workerFiles } from './vite-worker-files';

const ROOT = resolve(__dirname, '../../..');
const WORKERS = resolve(__dirname);
const LOCAL_EMBEDDER = resolve(ROOT, 'src/core/memory/embedding/local-embedder.ts');
// Inside the repository so the built worker resolves its packages from node_modules, as out/ does.
const SCRATCH = join(ROOT, 'node_modules/.cache/izzie-worker-location-test');

/** An entry that starts the local embedder from the bundle and reports where its worker came from. */
function probeEntry(importStyle: 'static' | 'dynamic'): Plugin {
  const load =
    importStyle === 'static'
      ? `import { LocalEmbedder } from ${JSON.stringify(LOCAL_EMBEDDER)};`
      : `const { LocalEmbedder } = await import(${JSON.stringify(LOCAL_EMBEDDER)});`;
  return {
    name: 'probe-entry',
    resolveId: (id) => (id === 'virtual:probe' ? '\0probe' : null),
    load: (id) =>
      id === '\0probe'
        ? `${load}
           const embedder = new LocalEmbedder();
           const [vector] = await embedder.embed(['hello from the bundle']);
           await embedder.close();
           console.log(JSON.stringify({ dimension: vector.length }));`
        : null,
  };
}

async function bundle(outDir: string, importStyle: 'static' | 'dynamic', sourceDir = WORKERS) {
  await build({
    configFile: false,
    root: ROOT,
    logLevel: 'silent',
    plugins: [probeEntry(importStyle), workerFiles(sourceDir)],
    build: {
      ssr: true,
      outDir,
      emptyOutDir: true,
      target: 'node20',
      rollupOptions: {
        input: { probe: 'virtual:probe' },
        output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name].js' },
      },
    },
  });
}

const builtCode = (outDir: string): string =>
  ['probe.js', 'chunks/local-embedder.js']
    .map((f) => join(outDir, f))
    .filter(existsSync)
    .map((f) => readFileSync(f, 'utf8'))
    .join('\n');

describe('where the worker scripts are found', () => {
  afterAll(() => rmSync(SCRATCH, { recursive: true, force: true }));

  it('runs from the sources under vitest: the script sits beside spawn-worker.ts and starts', async () => {
    expect(fileURLToPath(workerUrl('embedder'))).toBe(join(WORKERS, 'embedder.worker.mjs'));
    const worker = spawnWorker('embedder');
    try {
      const first = await new Promise((resolve, reject) => worker.once('message', resolve).once('error', reject));
      expect(first).toEqual({ type: 'ready' });
    } finally {
      await worker.terminate();
    }
  });

  it.each([
    ['static', 'the entry chunk at the root', './workers/embedder.worker.mjs'],
    ['dynamic', 'a chunk in a subfolder', '../workers/embedder.worker.mjs'],
  ] as const)('runs from a Node bundle (%s import: %s)', async (importStyle, _where, reference) => {
    const outDir = join(SCRATCH, importStyle);
    await bundle(outDir, importStyle);
    expect(readFileSync(join(outDir, 'workers/embedder.worker.mjs'), 'utf8')).toBe(
      readFileSync(join(WORKERS, 'embedder.worker.mjs'), 'utf8'),
    );
    const code = builtCode(outDir);
    expect(code).toContain(`new URL(${JSON.stringify(reference)}, import.meta.url)`);
    expect(code).not.toContain('__izzie_worker_file__');
    const output = execFileSync(process.execPath, [join(outDir, 'probe.js')], { encoding: 'utf8', timeout: 30_000 });
    expect(JSON.parse(output.trim())).toEqual({ dimension: 512 });
  });

  it('fails the build, naming the file, when a worker URL points at no script', async () => {
    const sourceDir = mkdtempSync(join(SCRATCH, 'missing-'));
    writeFileSync(join(sourceDir, 'spawn.ts'), `export const url = new URL('./gone.worker.mjs', import.meta.url);`);
    const entry: Plugin = {
      name: 'entry',
      resolveId: (id) => (id === 'virtual:probe' ? join(sourceDir, 'spawn.ts') : null),
    };
    await expect(
      build({
        configFile: false,
        root: ROOT,
        logLevel: 'silent',
        plugins: [entry, workerFiles(sourceDir)],
        build: { ssr: true, outDir: join(sourceDir, 'out'), rollupOptions: { input: 'virtual:probe' } },
      }),
    ).rejects.toThrow(/names a worker script that does not exist: gone\.worker\.mjs/);
  });
});
