import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { makeTempDir } from '../../../test-support/temp-dir';
import { openDatabase, type Db } from './database';
import { sqlMigrations } from './migration-files';
import { migrate } from './migrations';

/**
 * One test per shipped migration: build the database at the version before it, put rows of the
 * old shape in, migrate, and check the rows and the new schema.
 */
describe('shipped migrations', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let db: Db;
  beforeEach(() => {
    dir = makeTempDir();
    db = openDatabase(join(dir.path, 'izzie.db'));
  });
  afterEach(() => {
    db.close();
    dir.remove();
  });
  const upTo = (version: number) => migrate(db, sqlMigrations.slice(0, version));

  it('are numbered 1..n and all apply to an empty database', () => {
    expect(sqlMigrations.map((m) => m.version)).toEqual(sqlMigrations.map((_, i) => i + 1));
    expect(upTo(sqlMigrations.length).to).toBe(sqlMigrations.length);
  });

  it('0001_settings creates a key/value settings table', () => {
    upTo(1);
    db.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('theme', '\"dark\"', 1)").run();
    expect(() => db.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('theme', '1', 2)").run()).toThrow(/UNIQUE/);
  });

  it('0002_chat keeps settings and adds threads with messages that go when their thread goes', () => {
    upTo(1);
    db.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('proactivePaused', 'true', 1)").run();
    upTo(2);
    expect(db.prepare('SELECT key, value FROM settings').all()).toEqual([{ key: 'proactivePaused', value: 'true' }]);
    db.prepare("INSERT INTO threads (id, title, created_at, updated_at) VALUES ('t1', 'Plans', 1, 1)").run();
    db.prepare("INSERT INTO messages (id, thread_id, role, content, created_at) VALUES ('m1', 't1', 'user', 'hi', 2)").run();
    expect(() =>
      db.prepare("INSERT INTO messages (id, thread_id, role, content, created_at) VALUES ('m2', 't1', 'robot', 'x', 3)").run(),
    ).toThrow(/CHECK/);
    expect(() =>
      db.prepare("INSERT INTO messages (id, thread_id, role, content, created_at) VALUES ('m3', 'nope', 'user', 'x', 3)").run(),
    ).toThrow(/FOREIGN KEY/);
    db.prepare("DELETE FROM threads WHERE id = 't1'").run();
    expect(db.prepare('SELECT COUNT(*) AS n FROM messages').get()).toEqual({ n: 0 });
  });

  it('0003_audit_log keeps chat rows and adds an append-only audit log', () => {
    upTo(2);
    db.prepare("INSERT INTO threads (id, title, created_at, updated_at) VALUES ('t1', 'Plans', 1, 1)").run();
    db.prepare("INSERT INTO messages (id, thread_id, role, content, created_at) VALUES ('m1', 't1', 'user', 'hi', 2)").run();
    upTo(3);
    expect(db.prepare('SELECT id, content FROM messages').all()).toEqual([{ id: 'm1', content: 'hi' }]);
    db.prepare(
      "INSERT INTO audit_log (id, at, actor, action, success, prev_hash, hash) VALUES ('a1', 1, 'user', 'threads.create', 1, 'p', 'h')",
    ).run();
    expect(() => db.prepare("UPDATE audit_log SET action = 'x'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
  });
});
