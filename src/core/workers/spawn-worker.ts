import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * The worker scripts, by name. Each is a plain `.mjs` file beside this one, so it runs as it is
 * under vitest (Node 20 cannot run TypeScript in a worker). Keep each entry the literal
 * `new URL('./<file>.worker.mjs', import.meta.url)`: the build plugin (vite-worker-files.ts) finds
 * that form and points it at the copy it writes to `<outDir>/workers/`, wherever the chunk lands.
 */
const WORKER_FILES = {
  embedder: new URL('./embedder.worker.mjs', import.meta.url),
  vectorIndex: new URL('./vector-index.worker.mjs', import.meta.url),
  keywords: new URL('./keyword.worker.mjs', import.meta.url),
} satisfies Record<string, URL>;

export type WorkerName = keyof typeof WORKER_FILES;

export const workerUrl = (name: WorkerName): URL => WORKER_FILES[name];

export const spawnWorker = (name: WorkerName, options?: WorkerOptions): Worker => new Worker(workerUrl(name), options);
