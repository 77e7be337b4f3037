import { createHash } from 'node:crypto';
import type { Db } from './database';

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

export class MigrationError extends Error {
  constructor(
    readonly kind: 'DATABASE_FROM_FUTURE' | 'EDITED_MIGRATION' | 'MISSING_MIGRATION' | 'BAD_MIGRATION_SET' | 'FAILED',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'MigrationError';
  }
}

const FILE_NAME = /^(\d{4})_([a-z0-9_]+)\.sql$/;

/** Parses `0001_settings.sql`-style files; a set must be numbered 1..n with no gaps or repeats. */
export function migrationsFromFiles(files: Record<string, string>): Migration[] {
  const migrations: Migration[] = [];
  for (const [path, sql] of Object.entries(files)) {
    const base = path.split('/').pop() ?? path;
    const match = FILE_NAME.exec(base);
    if (!match) throw new MigrationError('BAD_MIGRATION_SET', `Migration file "${base}" is not named NNNN_name.sql.`);
    migrations.push({ version: Number(match[1]), name: base, sql });
  }
  migrations.sort((a, b) => a.version - b.version);
  migrations.forEach((m, index) => {
    if (m.version !== index + 1) {
      throw new MigrationError(
        'BAD_MIGRATION_SET',
        `Migrations must be numbered 1, 2, 3… without gaps; found ${m.name} at position ${index + 1}.`,
      );
    }
  });
  return migrations;
}

/** Line endings are normalised so a Windows checkout (CRLF) does not look like an edit. */
export function checksumOf(sql: string): string {
  return createHash('sha256').update(sql.replace(/\r\n/g, '\n')).digest('hex');
}

interface AppliedRow {
  version: number;
  name: string;
  checksum: string;
}

export interface MigrationReport {
  readonly from: number;
  readonly to: number;
  readonly applied: readonly string[];
}

/**
 * Brings the database to the newest known schema, or refuses with a message a person can act on.
 * Rules (after Signal Desktop and Actual): versions only increase; the applied set must be a
 * prefix of the known set with identical checksums; all pending steps run in one transaction, so
 * a failure leaves the database exactly as it was.
 */
export function migrate(db: Db, migrations: readonly Migration[], databaseLabel = 'this database'): MigrationReport {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    checksum TEXT NOT NULL,
    applied_at INTEGER NOT NULL
  ) STRICT`);
  const applied = db.prepare('SELECT version, name, checksum FROM schema_migrations ORDER BY version').all() as AppliedRow[];
  const known = migrations.length;
  const userVersion = db.pragma('user_version', { simple: true }) as number;
  const newest = Math.max(userVersion, applied.at(-1)?.version ?? 0);

  if (newest > known) {
    throw new MigrationError(
      'DATABASE_FROM_FUTURE',
      `${databaseLabel} was written by a newer version of Izzie (schema version ${newest}; this version knows up to ${known}). ` +
        'Update Izzie to open it, or set IZZIE_HOME to use another data directory. Nothing was changed.',
    );
  }

  applied.forEach((row, index) => {
    const expected = migrations[index];
    if (!expected || row.version !== expected.version) {
      throw new MigrationError(
        'MISSING_MIGRATION',
        `${databaseLabel} records migration ${row.name}, which this version of Izzie does not have.`,
      );
    }
    const checksum = checksumOf(expected.sql);
    if (row.checksum !== checksum) {
      throw new MigrationError(
        'EDITED_MIGRATION',
        `Migration ${expected.name} was edited after it was applied to ${databaseLabel} ` +
          `(recorded checksum ${row.checksum.slice(0, 12)}…, file now ${checksum.slice(0, 12)}…). ` +
          'Applied migrations are immutable: restore the original file and put the change in a new numbered migration.',
      );
    }
  });

  const pending = migrations.slice(applied.length);
  if (pending.length === 0) return { from: applied.length, to: applied.length, applied: [] };

  const record = db.prepare('INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)');
  const runAll = db.transaction(() => {
    for (const m of pending) {
      try {
        db.exec(m.sql);
      } catch (error) {
        throw new MigrationError(
          'FAILED',
          `Migration ${m.name} failed: ${(error as Error).message}. The database was left unchanged.`,
          { cause: error },
        );
      }
      record.run(m.version, m.name, checksumOf(m.sql), Date.now());
    }
    db.pragma(`user_version = ${known}`);
  });
  runAll();
  return { from: applied.length, to: known, applied: pending.map((m) => m.name) };
}
