import { MigrationError, checksumOf, type MigrationReport } from '../store/migrations';
import type { GraphRow, KuzuDriver } from './kuzu-driver';

export interface GraphMigration {
  readonly version: number;
  readonly name: string;
  readonly cypher: string;
}

const FILE_NAME = /^(\d{4})_([a-z0-9_]+)\.cypher$/;

/** Parses `0001_entities.cypher`-style files; a set must be numbered 1..n with no gaps or repeats. */
export function graphMigrationsFromFiles(files: Record<string, string>): GraphMigration[] {
  const migrations: GraphMigration[] = [];
  for (const [path, cypher] of Object.entries(files)) {
    const base = path.split('/').pop() ?? path;
    const match = FILE_NAME.exec(base);
    if (!match) throw new MigrationError('BAD_MIGRATION_SET', `Graph migration file "${base}" is not named NNNN_name.cypher.`);
    migrations.push({ version: Number(match[1]), name: base, cypher });
  }
  migrations.sort((a, b) => a.version - b.version);
  migrations.forEach((m, index) => {
    if (m.version !== index + 1) {
      throw new MigrationError(
        'BAD_MIGRATION_SET',
        `Graph migrations must be numbered 1, 2, 3… without gaps; found ${m.name} at position ${index + 1}.`,
      );
    }
  });
  return migrations;
}

/** Kùzu prepares one statement at a time; a file separates them with `;` at the end of a line. */
export function splitStatements(cypher: string): string[] {
  return cypher
    .split(/;[ \t]*\r?$/m)
    .map((chunk) => chunk.trim())
    .filter((chunk) => chunk.split(/\r?\n/).some((line) => line.trim() !== '' && !line.trim().startsWith('//')));
}

/** The runner's own bookkeeping lives in the graph, so the graph file alone says what schema it has. */
const MIGRATION_TABLE =
  'CREATE NODE TABLE IF NOT EXISTS Migration(version INT64 PRIMARY KEY, name STRING, checksum STRING, appliedAt INT64)';

interface AppliedMigration {
  version: number;
  name: string;
  checksum: string;
}

/**
 * Brings the graph to the newest known schema with the same rules as the SQL runner: versions only
 * increase, applied migrations must match the known ones byte for byte (by checksum), and all pending
 * steps run in one transaction, so a failure leaves the graph exactly as it was.
 */
export async function migrateGraph(
  driver: KuzuDriver,
  migrations: readonly GraphMigration[],
  now: () => number,
  label = 'the knowledge graph',
): Promise<MigrationReport> {
  await driver.runOnce(MIGRATION_TABLE);
  const applied = (
    await driver.runOnce('MATCH (m:Migration) RETURN m.version AS version, m.name AS name, m.checksum AS checksum')
  )
    .map(toApplied)
    .sort((a, b) => a.version - b.version);
  const known = migrations.length;
  const newest = applied.at(-1)?.version ?? 0;
  if (newest > known) {
    throw new MigrationError(
      'DATABASE_FROM_FUTURE',
      `${capitalised(label)} was written by a newer version of Izzie (graph schema version ${newest}; this version knows up to ${known}). ` +
        'Update Izzie to open it, or set IZZIE_HOME to use another data directory. Nothing was changed.',
    );
  }
  applied.forEach((row, index) => {
    const expected = migrations[index];
    if (!expected || row.version !== expected.version) {
      throw new MigrationError(
        'MISSING_MIGRATION',
        `${capitalised(label)} records migration ${row.name}, which this version of Izzie does not have.`,
      );
    }
    const checksum = checksumOf(expected.cypher);
    if (row.checksum !== checksum) {
      throw new MigrationError(
        'EDITED_MIGRATION',
        `Graph migration ${expected.name} was edited after it was applied to ${label} ` +
          `(recorded checksum ${row.checksum.slice(0, 12)}…, file now ${checksum.slice(0, 12)}…). ` +
          'Applied migrations are immutable: restore the original file and put the change in a new numbered migration.',
      );
    }
  });

  const pending = migrations.slice(applied.length);
  if (pending.length === 0) return { from: applied.length, to: applied.length, applied: [] };
  await driver.transaction(async (tx) => {
    for (const m of pending) {
      try {
        for (const statement of splitStatements(m.cypher)) await tx.runOnce(statement);
      } catch (error) {
        throw new MigrationError(
          'FAILED',
          `Graph migration ${m.name} failed: ${(error as Error).message}. ${capitalised(label)} was left unchanged.`,
          { cause: error },
        );
      }
      await tx.runOnce('CREATE (:Migration {version: $version, name: $name, checksum: $checksum, appliedAt: $at})', {
        version: m.version,
        name: m.name,
        checksum: checksumOf(m.cypher),
        at: now(),
      });
    }
  });
  return { from: applied.length, to: known, applied: pending.map((m) => m.name) };
}

function toApplied(row: GraphRow): AppliedMigration {
  const { version, name, checksum } = row;
  if (typeof version !== 'number' || typeof name !== 'string' || typeof checksum !== 'string') {
    throw new MigrationError('FAILED', `The graph's Migration table holds an unreadable row: ${JSON.stringify(row)}.`);
  }
  return { version, name, checksum };
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
