import type { IzzieEvent } from '../../shared';
import type { Db } from './database';
import { StatementCache } from './statement-cache';

export interface NewRun {
  readonly id: string;
  readonly functionId: string;
  readonly wakeAt: number;
}

interface EventRow {
  id: string;
  type: string;
  source: string;
  occurred_at: number;
  data: string;
  metadata: string;
}

/**
 * The bus's half of the engine tables: events (stored once, by id) and the cron cursor. An event
 * and the runs it starts are written in one transaction, so an acknowledged event always has its
 * runs and a crash in between leaves neither.
 */
export class EngineEventsRepo {
  private readonly sql: StatementCache;

  constructor(private readonly db: Db) {
    this.sql = new StatementCache(db, 32);
  }

  /**
   * Stores the event and its runs unless an event with that id is already stored (then nothing is
   * written and `false` comes back). `alsoInTransaction` runs inside the same transaction (the cron
   * cursor moves with its fire).
   */
  insert(event: IzzieEvent, receivedAt: number, runs: readonly NewRun[], alsoInTransaction?: () => void): boolean {
    return this.db.transaction(() => {
      const stored = this.sql
        .get(
          `INSERT INTO engine_events (id, type, source, occurred_at, received_at, data, metadata)
           VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
        )
        .run(
          event.id,
          event.type,
          event.source,
          event.timestamp,
          receivedAt,
          JSON.stringify(event.data ?? null),
          JSON.stringify(event.metadata),
        );
      alsoInTransaction?.();
      if (stored.changes === 0) return false;
      const insertRun = this.sql.get(
        `INSERT INTO engine_runs (id, function_id, event_id, status, wake_at, created_at)
         VALUES (?, ?, ?, 'queued', ?, ?) ON CONFLICT DO NOTHING`,
      );
      for (const run of runs) insertRun.run(run.id, run.functionId, event.id, run.wakeAt, receivedAt);
      return true;
    })();
  }

  get(id: string): IzzieEvent | null {
    const row = this.sql.get('SELECT id, type, source, occurred_at, data, metadata FROM engine_events WHERE id = ?').get(id) as
      EventRow | undefined;
    return row ? toEvent(row) : null;
  }

  cronHandledUntil(functionId: string): number | null {
    const row = this.sql.get('SELECT handled_until FROM engine_cron WHERE function_id = ?').get(functionId) as
      { handled_until: number } | undefined;
    return row?.handled_until ?? null;
  }

  setCronHandledUntil(functionId: string, at: number): void {
    this.sql
      .get(
        `INSERT INTO engine_cron (function_id, handled_until) VALUES (?, ?)
         ON CONFLICT (function_id) DO UPDATE SET handled_until = excluded.handled_until`,
      )
      .run(functionId, at);
  }
}

/** Rows were validated when they went in; the shape is trusted on the way out. */
function toEvent(row: EventRow): IzzieEvent {
  return {
    id: row.id,
    type: row.type,
    source: row.source as IzzieEvent['source'],
    timestamp: row.occurred_at,
    data: JSON.parse(row.data) as unknown,
    metadata: JSON.parse(row.metadata) as IzzieEvent['metadata'],
  };
}
