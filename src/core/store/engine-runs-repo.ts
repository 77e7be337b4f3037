import type { Db } from './database';
import { StatementCache } from './statement-cache';

export type RunStatus = 'queued' | 'running' | 'sleeping' | 'completed' | 'failed' | 'cancelled';
export type StepKind = 'run' | 'sleep' | 'send_event';
export type StepStatus = 'completed' | 'failed' | 'sleeping';

export interface RunUsage {
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly costUsd: number;
  readonly calls: number;
}

export interface StoredRun {
  readonly id: string;
  readonly functionId: string;
  readonly eventId: string;
  readonly status: RunStatus;
  readonly wakeAt: number;
  readonly replayOf: string | null;
  readonly createdAt: number;
  readonly startedAt: number | null;
  readonly finishedAt: number | null;
  /** JSON text of the handler's result. */
  readonly output: string | null;
  readonly error: string | null;
  readonly usage: RunUsage;
}

export interface StoredStep {
  readonly runId: string;
  /** The step's name, with `#2`, `#3`… when a handler uses one name more than once. */
  readonly stepKey: string;
  readonly seq: number;
  readonly name: string;
  readonly kind: StepKind;
  readonly status: StepStatus;
  readonly attempts: number;
  /** JSON text: a completed step's result, a sleep's wake time. */
  readonly output: string | null;
  readonly error: string | null;
  readonly startedAt: number;
  readonly finishedAt: number;
}

export interface RunFilter {
  readonly statuses?: readonly RunStatus[];
  readonly functionId?: string;
  readonly before?: number;
  readonly limit: number;
}

interface RunRow {
  id: string;
  function_id: string;
  event_id: string;
  status: RunStatus;
  wake_at: number;
  replay_of: string | null;
  created_at: number;
  started_at: number | null;
  finished_at: number | null;
  output: string | null;
  error: string | null;
  usage: string;
}

interface StepRow {
  run_id: string;
  step_key: string;
  seq: number;
  name: string;
  kind: StepKind;
  status: StepStatus;
  attempts: number;
  output: string | null;
  error: string | null;
  started_at: number;
  finished_at: number;
}

const RUN_COLUMNS =
  'id, function_id, event_id, status, wake_at, replay_of, created_at, started_at, finished_at, output, error, usage';

/**
 * Runs and their steps. Each state change is one small transaction: the engine's durability is
 * exactly "what this repo committed", and `synchronous = FULL` makes a commit survive power loss.
 */
export class EngineRunsRepo {
  private readonly sql: StatementCache;

  constructor(private readonly db: Db) {
    this.sql = new StatementCache(db, 48);
  }

  get(id: string): StoredRun | null {
    const row = this.sql.get(`SELECT ${RUN_COLUMNS} FROM engine_runs WHERE id = ?`).get(id) as RunRow | undefined;
    return row ? toRun(row) : null;
  }

  /** Queued and sleeping runs whose time has come, oldest wake first. */
  due(now: number, limit: number): StoredRun[] {
    const rows = this.sql
      .get(
        `SELECT ${RUN_COLUMNS} FROM engine_runs WHERE status IN ('queued', 'sleeping') AND wake_at <= ?
         ORDER BY wake_at, created_at LIMIT ?`,
      )
      .all(now, limit) as RunRow[];
    return rows.map(toRun);
  }

  /** The earliest time after `after` that a queued or sleeping run may go, or null when none waits. */
  nextWake(after: number): number | null {
    const row = this.sql
      .get(`SELECT min(wake_at) AS at FROM engine_runs WHERE status IN ('queued', 'sleeping') AND wake_at > ?`)
      .get(after) as { at: number | null };
    return row.at;
  }

  /** Takes a due run for execution; false when another claim or a cancel got there first. */
  claim(id: string, now: number): boolean {
    return (
      this.sql
        .get(
          `UPDATE engine_runs SET status = 'running', started_at = coalesce(started_at, ?)
           WHERE id = ? AND status IN ('queued', 'sleeping')`,
        )
        .run(now, id).changes === 1
    );
  }

  /** Runs a crash or kill left `running` go back to the queue (their saved steps are not redone). */
  requeueInterrupted(now: number): string[] {
    const ids = this.sql.get(`SELECT id FROM engine_runs WHERE status = 'running'`).pluck().all() as string[];
    if (ids.length > 0) this.sql.get(`UPDATE engine_runs SET status = 'queued', wake_at = ? WHERE status = 'running'`).run(now);
    return ids;
  }

  /** A running run waits: for a retry (`queued`) or a sleep (`sleeping`). */
  suspend(id: string, status: 'queued' | 'sleeping', wakeAt: number): void {
    this.sql.get(`UPDATE engine_runs SET status = ?, wake_at = ? WHERE id = ? AND status = 'running'`).run(status, wakeAt, id);
  }

  finish(
    id: string,
    outcome: { status: 'completed' | 'failed'; output: string | null; error: string | null },
    now: number,
  ): void {
    this.sql
      .get(`UPDATE engine_runs SET status = ?, output = ?, error = ?, finished_at = ? WHERE id = ? AND status = 'running'`)
      .run(outcome.status, outcome.output, outcome.error, now, id);
  }

  /** Cancels a run that has not finished; false when it already had. */
  cancel(id: string, reason: string, now: number): boolean {
    return (
      this.sql
        .get(
          `UPDATE engine_runs SET status = 'cancelled', error = ?, finished_at = ?
           WHERE id = ? AND status IN ('queued', 'running', 'sleeping')`,
        )
        .run(reason, now, id).changes === 1
    );
  }

  /** A new run of the same function for the same event, from its first step. */
  insertReplay(of: StoredRun, id: string, now: number): void {
    this.sql
      .get(
        `INSERT INTO engine_runs (id, function_id, event_id, status, wake_at, replay_of, created_at)
         VALUES (?, ?, ?, 'queued', ?, ?, ?)`,
      )
      .run(id, of.functionId, of.eventId, now, of.id, now);
  }

  addUsage(id: string, usage: Omit<RunUsage, 'calls'>): void {
    this.sql
      .get(
        `UPDATE engine_runs SET usage = json_object(
           'inputTokens', usage ->> 'inputTokens' + ?, 'outputTokens', usage ->> 'outputTokens' + ?,
           'costUsd', usage ->> 'costUsd' + ?, 'calls', usage ->> 'calls' + 1)
         WHERE id = ?`,
      )
      .run(usage.inputTokens, usage.outputTokens, usage.costUsd, id);
  }

  list(filter: RunFilter): StoredRun[] {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.statuses && filter.statuses.length > 0) {
      where.push(`status IN (${filter.statuses.map(() => '?').join(', ')})`);
      params.push(...filter.statuses);
    }
    if (filter.functionId) {
      where.push('function_id = ?');
      params.push(filter.functionId);
    }
    if (filter.before !== undefined) {
      where.push('created_at < ?');
      params.push(filter.before);
    }
    const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const rows = this.sql
      .get(`SELECT ${RUN_COLUMNS} FROM engine_runs ${clause} ORDER BY created_at DESC, rowid DESC LIMIT ?`)
      .all(...params, filter.limit) as RunRow[];
    return rows.map(toRun);
  }

  counts(): Record<RunStatus, number> {
    const rows = this.sql.get('SELECT status, count(*) AS n FROM engine_runs GROUP BY status').all() as Array<{
      status: RunStatus;
      n: number;
    }>;
    const counts: Record<RunStatus, number> = { queued: 0, running: 0, sleeping: 0, completed: 0, failed: 0, cancelled: 0 };
    for (const row of rows) counts[row.status] = row.n;
    return counts;
  }

  steps(runId: string): StoredStep[] {
    const rows = this.sql
      .get(
        `SELECT run_id, step_key, seq, name, kind, status, attempts, output, error, started_at, finished_at
         FROM engine_steps WHERE run_id = ? ORDER BY seq`,
      )
      .all(runId) as StepRow[];
    return rows.map(toStep);
  }

  /** Records a step's outcome (a retry overwrites the failed attempt before it). */
  saveStep(step: StoredStep): void {
    this.sql
      .get(
        `INSERT INTO engine_steps (run_id, step_key, seq, name, kind, status, attempts, output, error, started_at, finished_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (run_id, step_key) DO UPDATE SET status = excluded.status, attempts = excluded.attempts,
           output = excluded.output, error = excluded.error, started_at = excluded.started_at, finished_at = excluded.finished_at`,
      )
      .run(
        step.runId,
        step.stepKey,
        step.seq,
        step.name,
        step.kind,
        step.status,
        step.attempts,
        step.output,
        step.error,
        step.startedAt,
        step.finishedAt,
      );
  }
}

function toRun(row: RunRow): StoredRun {
  return {
    id: row.id,
    functionId: row.function_id,
    eventId: row.event_id,
    status: row.status,
    wakeAt: row.wake_at,
    replayOf: row.replay_of,
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    output: row.output,
    error: row.error,
    usage: JSON.parse(row.usage) as RunUsage,
  };
}

function toStep(row: StepRow): StoredStep {
  return {
    runId: row.run_id,
    stepKey: row.step_key,
    seq: row.seq,
    name: row.name,
    kind: row.kind,
    status: row.status,
    attempts: row.attempts,
    output: row.output,
    error: row.error,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  };
}
