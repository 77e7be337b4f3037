// @ts-check
/**
 * Fills a VectorIndex straight from the SQLite file, on the index's own thread: reading 100k
 * vectors (200 MB of float32) through the main connection would hold the main event loop for
 * seconds. A read-only connection of its own sees one consistent snapshot (WAL); the search engine
 * replays whatever changed after it.
 */
import Database from 'better-sqlite3';
import * as sqliteVec from 'sqlite-vec';

/** Only the names the vector store gives its tables may be read (they are put into the SQL). */
const VEC_TABLE = /^memory_vec_[a-z0-9_]+$/;

/**
 * @param {import('./vector-index.mjs').VectorIndex} index
 * @param {{ file: string; vecTable: string }} source
 * @returns {number} how many vectors were loaded
 */
export function loadFromFile(index, source) {
  if (!VEC_TABLE.test(source.vecTable)) throw new Error(`not a vector table: ${source.vecTable}`);
  const db = new Database(source.file, { readonly: true, fileMustExist: true, timeout: 5000 });
  try {
    sqliteVec.load(db);
    const rows = db
      .prepare(
        `SELECT v.rowid AS seq, v.embedding AS embedding, m.namespace AS namespace, m.invalid_at AS invalidAt
         FROM ${source.vecTable} v JOIN memories m ON m.seq = v.rowid`,
      )
      .raw()
      .iterate();
    let count = 0;
    for (const row of rows) {
      const [seq, embedding, namespace, invalidAt] = /** @type {[number, Buffer, string, number | null]} */ (row);
      const vector = new Float32Array(embedding.buffer, embedding.byteOffset, embedding.byteLength / 4);
      index.upsert({ seq: Number(seq), vector, namespace, invalid: invalidAt !== null });
      count++;
    }
    return count;
  } finally {
    db.close();
  }
}
