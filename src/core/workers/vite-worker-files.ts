import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join, posix, resolve } from 'node:path';
import type { Plugin } from 'vite';

/** Where the worker scripts land, relative to the build's outDir. */
export const WORKERS_OUT_DIR = 'workers';

const SOURCE_URL = /new URL\(\s*(['"])\.\/([\w.-]+\.worker\.mjs)\1\s*,\s*import\.meta\.url\s*\)/g;
const MARKER = '__izzie_worker_file__/';
const MARKED = /(['"])__izzie_worker_file__\/([\w.-]+\.worker\.mjs)\1/g;

/**
 * Ships the worker scripts of src/core/workers with a Node bundle (the headless host and the
 * Electron main process) and points the bundled code at them. Vite leaves `new URL('./x',
 * import.meta.url)` untouched in these builds, so after bundling it would resolve next to whichever
 * chunk holds spawn-worker.ts, where no worker file is. This plugin makes the location explicit:
 * every `*.mjs` of the folder is copied to `<outDir>/workers/`, and each worker URL is rewritten
 * relative to the chunk it ends up in, so it holds however the output is split into chunks. Worker
 * scripts import packages only, which stay external and resolve from node_modules as in tests.
 * Build tooling: the configs import it, the app never does.
 */
export function workerFiles(sourceDir: string = resolve('src/core/workers')): Plugin {
  let used = false;
  return {
    name: 'izzie:worker-files',
    buildStart() {
      used = false;
    },
    transform(code, id) {
      if (dirname(id.split('?')[0] ?? id) !== sourceDir || !code.includes('import.meta.url')) return null;
      const marked = code.replace(SOURCE_URL, (_match, _quote: string, file: string) => {
        if (!existsSync(join(sourceDir, file))) this.error(`${id} names a worker script that does not exist: ${file}`);
        return `new URL(${JSON.stringify(MARKER + file)}, import.meta.url)`;
      });
      // Same line count and only short in-line edits: the existing source map stays usable.
      return marked === code ? null : { code: marked, map: null };
    },
    renderChunk(code, chunk) {
      const located = code.replace(MARKED, (_match, _quote: string, file: string) => {
        const path = posix.relative(posix.dirname(chunk.fileName), `${WORKERS_OUT_DIR}/${file}`);
        return JSON.stringify(path.startsWith('.') ? path : `./${path}`);
      });
      if (located === code) return null;
      used = true;
      return { code: located, map: null };
    },
    writeBundle(options) {
      if (!used) return;
      const outDir = options.dir ?? (options.file ? dirname(options.file) : null);
      if (!outDir) return this.error('worker-files needs the build to write to a directory');
      const target = join(outDir, WORKERS_OUT_DIR);
      mkdirSync(target, { recursive: true });
      for (const file of readdirSync(sourceDir)) {
        if (file.endsWith('.mjs')) copyFileSync(join(sourceDir, file), join(target, file));
      }
    },
  };
}
