import type { Db } from './database';
import { StatementCache } from './statement-cache';

/** Taint marks: which outside content a context (`thread:<id>`, `run:<id>`) has read. Only ever added. */
export class TaintRepo {
  private readonly sql: StatementCache;

  constructor(db: Db) {
    this.sql = new StatementCache(db, 4);
  }

  mark(context: string, source: string, at: number): void {
    this.sql
      .get('INSERT INTO taint_marks (context, source, at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING')
      .run(context, source, at);
  }

  sources(context: string): string[] {
    return (
      this.sql.get('SELECT source FROM taint_marks WHERE context = ? ORDER BY at, source').all(context) as { source: string }[]
    ).map((row) => row.source);
  }
}
