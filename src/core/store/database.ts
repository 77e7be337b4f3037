import Database from 'better-sqlite3';
import * as sqliteVec from 'sqlite-vec';

export type Db = Database.Database;

/**
 * Opens Izzie's one SQLite file with the settings every connection must have.
 *
 * `synchronous = FULL` with WAL: a committed transaction survives power loss, not only a crash.
 * Izzie records side effects (sends, approvals, step results) and a lost commit could mean an email
 * sent twice, so durability wins over the few hundred microseconds an fsync costs per commit.
 */
export function openDatabase(file: string, options: { readonly?: boolean } = {}): Db {
  const db = new Database(file, { readonly: options.readonly ?? false, timeout: 5000 });
  try {
    if (!options.readonly) db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    sqliteVec.load(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
