// @ts-check
/**
 * Memory keyword search's thread: FTS5 queries over 100k memories take milliseconds each, which must
 * not land on the main event loop while a search runs beside ingestion (DESIGN.md, `npm run bench`
 * P4). It reads through its own read-only connection, which sees every committed write (WAL).
 */
import Database from 'better-sqlite3';
import { parentPort } from 'node:worker_threads';
import { KeywordSearch } from './keyword-search.mjs';

/** @typedef {import('./keyword-protocol').ToKeywords} ToKeywords */
/** @typedef {import('./keyword-protocol').FromKeywords} FromKeywords */

const port = parentPort;
if (!port) throw new Error('keyword.worker.mjs must run as a worker thread');

/** @type {{ db: import('better-sqlite3').Database; search: KeywordSearch } | null} */
let open = null;

/** @param {FromKeywords} message */
const send = (message) => port.postMessage(message);

port.on('message', (/** @type {ToKeywords} */ message) => {
  try {
    if (message.op === 'open') {
      open?.db.close();
      const db = new Database(message.file, { readonly: true, fileMustExist: true, timeout: 5000 });
      open = { db, search: new KeywordSearch(db) };
      return send({ id: message.id, type: 'done', seqs: [] });
    }
    if (!open) throw new Error('the keyword thread has no database open');
    send({ id: message.id, type: 'done', seqs: open.search.search(message.request) });
  } catch (error) {
    send({ id: message.id, type: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
});
