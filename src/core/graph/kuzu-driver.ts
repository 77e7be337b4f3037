import kuzu, { type Connection, type Database, type KuzuValue, type PreparedStatement, type QueryResult } from 'kuzu';
import { resolve } from 'node:path';

/**
 * The one module that loads the graph engine. Kùzu's maintained fork (`lbug`) has the same API, so
 * switching is a change to the import above and nothing else.
 */

export type GraphValue = KuzuValue;
export type GraphRow = Record<string, GraphValue>;
export type GraphParams = Record<string, GraphValue>;

/** What a caller can do with the connection: inside a transaction, or one statement at a time. */
export interface GraphSession {
  /** Runs one statement through a prepared statement kept for the connection's lifetime. */
  run(cypher: string, params?: GraphParams): Promise<GraphRow[]>;
  /** Runs one statement without keeping its prepared form: schema changes, transaction control, one-off loads. */
  runOnce(cypher: string, params?: GraphParams): Promise<GraphRow[]>;
}

export interface KuzuDriverOptions {
  /** Kùzu's default takes 80% of the machine's memory, too greedy for a desktop app that shares it. */
  bufferPoolBytes?: number;
  /** Threads per query; small lookups are fastest on one (no hand-off between workers). */
  threads?: number;
}

const DEFAULT_BUFFER_POOL_BYTES = 256 * 1024 * 1024;

/**
 * Kùzu locks its file against other processes but not against a second open in the same process,
 * which would corrupt it; this set makes that a clear error instead.
 */
const openInThisProcess = new Set<string>();

/**
 * A Kùzu database with one connection. Statements run one at a time (a transaction holds the
 * connection until it ends, so no other statement can slip into it), on Kùzu's own threads, so the
 * event loop stays free. Every QueryResult is closed as soon as its rows are read, and `close()`
 * waits for the statement in flight, then closes the connection before the database: native objects
 * outliving their database make the process crash at exit.
 */
export class KuzuDriver implements GraphSession {
  private readonly prepared = new Map<string, Promise<PreparedStatement>>();
  private tail: Promise<void> = Promise.resolve();
  private closing: Promise<void> | null = null;
  private readonly direct: GraphSession = {
    run: (cypher, params) => this.execute(cypher, params, true),
    runOnce: (cypher, params) => this.execute(cypher, params, false),
  };

  private constructor(
    readonly path: string,
    private readonly database: Database,
    private readonly connection: Connection,
  ) {}

  /** Opens (creating if needed) the database file at `path`; its folder must exist. */
  static async open(path: string, options: KuzuDriverOptions = {}): Promise<KuzuDriver> {
    const absolute = resolve(path);
    if (openInThisProcess.has(absolute)) throw new Error(`The graph database ${absolute} is already open in this process.`);
    openInThisProcess.add(absolute);
    const database = new kuzu.Database(absolute, options.bufferPoolBytes ?? DEFAULT_BUFFER_POOL_BYTES);
    let connection: Connection | null = null;
    try {
      await database.init();
      connection = new kuzu.Connection(database, options.threads ?? 1);
      await connection.init();
      return new KuzuDriver(absolute, database, connection);
    } catch (error) {
      await connection?.close().catch(() => undefined);
      // A database whose initialisation failed rejects close() with the same error; it holds nothing.
      await database.close().catch(() => undefined);
      openInThisProcess.delete(absolute);
      throw error;
    }
  }

  run(cypher: string, params?: GraphParams): Promise<GraphRow[]> {
    return this.exclusive(() => this.execute(cypher, params, true));
  }

  runOnce(cypher: string, params?: GraphParams): Promise<GraphRow[]> {
    return this.exclusive(() => this.execute(cypher, params, false));
  }

  /**
   * Runs `work` inside one transaction: committed when it resolves, rolled back when it throws.
   * Use only the session it is given; calling the driver itself from inside would wait forever.
   */
  transaction<T>(work: (tx: GraphSession) => Promise<T>): Promise<T> {
    return this.exclusive(async () => {
      await this.execute('BEGIN TRANSACTION', undefined, false);
      let result: T;
      try {
        result = await work(this.direct);
      } catch (error) {
        // Kùzu ends a transaction by itself when one of its statements fails; then there is nothing to roll back.
        await this.execute('ROLLBACK', undefined, false).catch(() => undefined);
        throw error;
      }
      await this.execute('COMMIT', undefined, false);
      return result;
    });
  }

  /** Idempotent. Statements already queued finish first; later ones are refused. */
  close(): Promise<void> {
    this.closing ??= this.tail.then(async () => {
      this.prepared.clear();
      try {
        await this.connection.close();
      } finally {
        await this.database.close();
        openInThisProcess.delete(this.path);
      }
    });
    return this.closing;
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    if (this.closing) return Promise.reject(new Error(`The graph database ${this.path} is closed.`));
    const result = this.tail.then(work);
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }

  private async execute(cypher: string, params: GraphParams = {}, cache: boolean): Promise<GraphRow[]> {
    rejectEmptyLists(params);
    const statement = cache ? await this.cachedStatement(cypher) : await this.prepare(cypher);
    return readAndClose(await this.connection.execute(statement, params));
  }

  private cachedStatement(cypher: string): Promise<PreparedStatement> {
    let statement = this.prepared.get(cypher);
    if (!statement) {
      statement = this.prepare(cypher);
      this.prepared.set(cypher, statement);
      statement.catch(() => this.prepared.delete(cypher));
    }
    return statement;
  }

  private async prepare(cypher: string): Promise<PreparedStatement> {
    const statement = await this.connection.prepare(cypher);
    if (!statement.isSuccess()) throw new Error(statement.getErrorMessage());
    return statement;
  }
}

/**
 * Rows of the last result (a statement yields one; a script, several). Results are already
 * materialised when `execute` resolves, so reading them synchronously does no database work.
 */
function readAndClose(result: QueryResult | QueryResult[]): GraphRow[] {
  const results = Array.isArray(result) ? result : [result];
  try {
    const last = results.at(-1);
    return last ? last.getAllSync() : [];
  } finally {
    for (const r of results) r.close();
  }
}

/**
 * Kùzu's Node binding turns an empty array parameter into an untyped NULL, and some operators
 * (`x IN $list`) crash the whole process on it. Callers pass null or skip the statement instead.
 */
function rejectEmptyLists(value: GraphValue | GraphParams, name = 'parameter'): void {
  if (Array.isArray(value)) {
    if (value.length === 0) throw new Error(`Graph ${name} is an empty list; pass null or skip the statement.`);
    for (const item of value) rejectEmptyLists(item, name);
  } else if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    for (const [key, item] of Object.entries(value)) rejectEmptyLists(item, `${name} ${key}`);
  }
}
