// @ts-check
/**
 * The memory vector index's thread: Hamming scans over 100k vectors take milliseconds of pure CPU,
 * which must not land on the main event loop (DESIGN.md), and so do the seconds it takes to read the
 * vectors at start. Plain JavaScript, like the embedder worker; it imports its siblings, which the
 * builds copy alongside it, and better-sqlite3 and sqlite-vec from node_modules.
 */
import { parentPort } from 'node:worker_threads';
import { VectorIndex } from './vector-index.mjs';
import { loadFromFile } from './vector-index-loader.mjs';

/** @typedef {import('./vector-index-protocol').ToVectorIndex} ToVectorIndex */
/** @typedef {import('./vector-index-protocol').FromVectorIndex} FromVectorIndex */

const port = parentPort;
if (!port) throw new Error('vector-index.worker.mjs must run as a worker thread');

/** @type {VectorIndex | null} */
let index = null;

/** @param {FromVectorIndex} message */
const send = (message) => port.postMessage(message);

port.on('message', (/** @type {ToVectorIndex} */ message) => {
  try {
    if (message.op === 'reset') {
      index = new VectorIndex(message.dimension);
      return send({ id: message.id, type: 'done', hits: null, count: 0 });
    }
    if (message.op === 'loadFile') {
      const loaded = new VectorIndex(message.dimension);
      loadFromFile(loaded, message.source);
      index = loaded;
      return send({ id: message.id, type: 'done', hits: null, count: index.count });
    }
    if (!index) throw new Error('the vector index has no dimension yet');
    let hits = null;
    if (message.op === 'upsert') for (const entry of message.entries) index.upsert(entry);
    else if (message.op === 'setFlags') for (const change of message.changes) index.setFlags(change.seq, change);
    else if (message.op === 'remove') for (const seq of message.seqs) index.remove(seq);
    else if (message.op === 'search') hits = index.search(message.query);
    else hits = index.similarities(message.vector, message.seqs);
    send({ id: message.id, type: 'done', hits, count: index.count });
  } catch (error) {
    send({ id: message.id, type: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
});
