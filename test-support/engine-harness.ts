import { join } from 'node:path';
import { Engine, type EngineOptions } from '../src/core/engine/engine';
import type { EngineFunction } from '../src/core/engine/engine-function';
import { openDatabase, type Db } from '../src/core/store/database';
import { EngineEventsRepo } from '../src/core/store/engine-events-repo';
import { EngineRunsRepo } from '../src/core/store/engine-runs-repo';
import { sqlMigrations } from '../src/core/store/migration-files';
import { migrate } from '../src/core/store/migrations';
import { recordingLogger } from './recording-logger';
import { makeTempDir } from './temp-dir';

export interface LogLine {
  readonly level: string;
  readonly message: string;
  readonly fields?: Record<string, unknown>;
}

/**
 * A migrated database on a temp dir and engines over it, with a clock the test moves by hand.
 * `engine()` builds another engine on the same file: what a restart after a kill looks like.
 */
export function engineHarness(start = Date.UTC(2026, 10, 24, 6, 0)) {
  const dir = makeTempDir();
  const file = join(dir.path, 'izzie.db');
  const db: Db = openDatabase(file);
  migrate(db, sqlMigrations);
  const clock = { at: start, now: () => clock.at };
  const lines: LogLine[] = [];
  const log = recordingLogger((level, message, fields) => lines.push({ level, message, ...(fields ? { fields } : {}) }));
  const state = { paused: false };
  const runs = new EngineRunsRepo(db);
  const events = new EngineEventsRepo(db);
  const engines: Engine[] = [];
  let ids = 0;

  return {
    db,
    clock,
    runs,
    events,
    lines,
    state,
    engine(functions: readonly EngineFunction[], options: Partial<EngineOptions> = {}): Engine {
      const engine = new Engine({
        events,
        runs,
        functions,
        clock,
        log,
        paused: () => state.paused,
        random: () => 0.5,
        newId: () => `run-${++ids}`,
        ...options,
      });
      engines.push(engine);
      return engine;
    },
    advance(ms: number): void {
      clock.at += ms;
    },
    async close(): Promise<void> {
      await Promise.all(engines.map((e) => e.stop()));
      db.close();
      dir.remove();
    },
  };
}

/** A valid event of type `type` (default `test/scenario`). */
export function testEvent(id: string, type = 'test/scenario', data: unknown = {}) {
  return { id, type, source: 'internal', timestamp: 0, data, metadata: {} };
}
