import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { makeTempDir } from '../../../test-support/temp-dir';
import { openDatabase, type Db } from './database';
import { MigrationError, checksumOf, migrate, migrationsFromFiles, type Migration } from './migrations';

const v1: Migration = {
  version: 1,
  name: '0001_people.sql',
  sql: 'CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT NOT NULL);',
};
const v2: Migration = { version: 2, name: '0002_people_email.sql', sql: 'ALTER TABLE people ADD COLUMN email TEXT;' };
const v3: Migration = { version: 3, name: '0003_pets.sql', sql: 'CREATE TABLE pets (id INTEGER PRIMARY KEY);' };

describe('the migration runner', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let db: Db;
  beforeEach(() => {
    dir = makeTempDir();
    db = openDatabase(join(dir.path, 'test.db'));
  });
  afterEach(() => {
    db.close();
    dir.remove();
  });

  it('applies every pending migration in order and records each with its checksum', () => {
    const report = migrate(db, [v1, v2]);
    expect(report).toEqual({ from: 0, to: 2, applied: ['0001_people.sql', '0002_people_email.sql'] });
    const rows = db.prepare('SELECT version, name, checksum FROM schema_migrations ORDER BY version').all();
    expect(rows).toEqual([
      { version: 1, name: '0001_people.sql', checksum: checksumOf(v1.sql) },
      { version: 2, name: '0002_people_email.sql', checksum: checksumOf(v2.sql) },
    ]);
    expect(db.pragma('user_version', { simple: true })).toBe(2);
  });

  it('does nothing the second time, and applies only what is new later', () => {
    migrate(db, [v1]);
    expect(migrate(db, [v1]).applied).toEqual([]);
    db.prepare("INSERT INTO people (name) VALUES ('Dana')").run();
    expect(migrate(db, [v1, v2, v3]).applied).toEqual(['0002_people_email.sql', '0003_pets.sql']);
    expect(db.prepare('SELECT name, email FROM people').all()).toEqual([{ name: 'Dana', email: null }]);
  });

  it('refuses a database written by a newer version, and changes nothing', () => {
    migrate(db, [v1, v2, v3]);
    expect(() => migrate(db, [v1, v2], 'The database x.db')).toThrowError(
      /x\.db was written by a newer version of Izzie \(schema version 3; this version knows up to 2\)\. Update Izzie/,
    );
    expect(db.prepare('SELECT COUNT(*) AS n FROM schema_migrations').get()).toEqual({ n: 3 });
  });

  it('refuses a database whose user_version is from the future even without migration rows', () => {
    db.pragma('user_version = 9');
    const error = catchError(() => migrate(db, [v1]));
    expect(error).toBeInstanceOf(MigrationError);
    expect((error as MigrationError).kind).toBe('DATABASE_FROM_FUTURE');
  });

  it('refuses a migration whose file was edited after it was applied, naming the file and the fix', () => {
    migrate(db, [v1, v2]);
    const edited = { ...v2, sql: 'ALTER TABLE people ADD COLUMN phone TEXT;' };
    const error = catchError(() => migrate(db, [v1, edited, v3]));
    expect((error as MigrationError).kind).toBe('EDITED_MIGRATION');
    expect((error as Error).message).toMatch(/Migration 0002_people_email\.sql was edited after it was applied/);
    expect((error as Error).message).toMatch(/restore the original file and put the change in a new numbered migration/);
    expect(db.prepare("SELECT COUNT(*) AS n FROM sqlite_master WHERE name = 'pets'").get()).toEqual({ n: 0 });
  });

  it('does not mistake CRLF line endings for an edit', () => {
    const multi: Migration = { ...v1, sql: 'CREATE TABLE people (\n  id INTEGER PRIMARY KEY\n);' };
    migrate(db, [multi]);
    expect(migrate(db, [{ ...multi, sql: multi.sql.replace(/\n/g, '\r\n') }]).applied).toEqual([]);
  });

  it('rolls back every pending step when one fails', () => {
    const broken: Migration = {
      version: 3,
      name: '0003_broken.sql',
      sql: 'CREATE TABLE pets (id INTEGER PRIMARY KEY); SELECT * FROM nowhere;',
    };
    migrate(db, [v1]);
    const error = catchError(() => migrate(db, [v1, v2, broken]));
    expect((error as MigrationError).kind).toBe('FAILED');
    expect((error as Error).message).toMatch(/0003_broken\.sql failed: no such table: nowhere\. The database was left unchanged/);
    expect(db.prepare('SELECT COUNT(*) AS n FROM schema_migrations').get()).toEqual({ n: 1 });
    expect(db.prepare("SELECT COUNT(*) AS n FROM pragma_table_info('people') WHERE name = 'email'").get()).toEqual({ n: 0 });
  });

  it('reads NNNN_name.sql files and refuses gaps, duplicates and bad names', () => {
    expect(migrationsFromFiles({ '/m/0002_b.sql': 'B', '/m/0001_a.sql': 'A' }).map((m) => m.name)).toEqual([
      '0001_a.sql',
      '0002_b.sql',
    ]);
    expect(() => migrationsFromFiles({ '/m/0001_a.sql': '', '/m/0003_c.sql': '' })).toThrow(/without gaps/);
    expect(() => migrationsFromFiles({ '/m/0001_a.sql': '', '/x/0001_b.sql': '' })).toThrow(/without gaps/);
    expect(() => migrationsFromFiles({ '/m/1_a.sql': '' })).toThrow(/is not named NNNN_name\.sql/);
  });
});

function catchError(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}
