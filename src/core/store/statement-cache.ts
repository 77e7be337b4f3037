import type { Statement } from 'better-sqlite3';
import type { Db } from './database';

/** Enough for every shape the memory queries take, IN-lists of each length included. */
const DEFAULT_SIZE = 256;

/**
 * Compiled statements by their SQL, for one connection. Compiling costs more than most memory
 * queries take to run (it was the largest single cost in `npm run bench` before this cache), and the
 * same few shapes repeat on every search and every stored fact. Least recently used go first.
 * Callers must not switch a cached statement's mode (`raw`, `pluck`, `expand`): others share it.
 */
export class StatementCache {
  private readonly statements = new Map<string, Statement>();

  constructor(
    private readonly db: Db,
    private readonly size = DEFAULT_SIZE,
  ) {}

  get(sql: string): Statement {
    const cached = this.statements.get(sql);
    if (cached) {
      this.statements.delete(sql);
      this.statements.set(sql, cached);
      return cached;
    }
    const statement = this.db.prepare(sql);
    this.statements.set(sql, statement);
    if (this.statements.size > this.size) {
      const oldest = this.statements.keys().next();
      if (!oldest.done) this.statements.delete(oldest.value);
    }
    return statement;
  }
}
