import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { makeTempDir } from '../../../test-support/temp-dir';
import { openDatabase, type Db } from '../store/database';
import { sqlMigrations } from '../store/migration-files';
import { migrate } from '../store/migrations';

/** Kept here rather than in src/core/store/sql-migrations.test.ts, which another engineer owns. */
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

  const row = { name: 'openrouter.api-key', keyId: '0123456789abcdef', iv: Buffer.alloc(12, 1), tag: Buffer.alloc(16, 2) };
  const insert = (values: Partial<typeof row> & { ciphertext?: unknown } = {}) => {
    const r = { ...row, ciphertext: Buffer.from('sealed'), ...values };
    return db
      .prepare(
        'INSERT INTO secrets (name, key_id, iv, ciphertext, auth_tag, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 1, 1)',
      )
      .run(r.name, r.keyId, r.iv, r.ciphertext, r.tag);
  };

  it('0004_secrets keeps earlier rows and adds the secrets table', () => {
    expect(sqlMigrations[3]?.name).toBe('0004_secrets.sql');
    migrate(db, sqlMigrations.slice(0, 3));
    db.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('theme', '\"dark\"', 1)").run();
    db.prepare("INSERT INTO threads (id, title, created_at, updated_at) VALUES ('t1', 'Plans', 1, 1)").run();
    db.prepare("INSERT INTO messages (id, thread_id, role, content, created_at) VALUES ('m1', 't1', 'user', 'hi', 2)").run();
    db.prepare(
      "INSERT INTO audit_log (id, at, actor, action, success, prev_hash, hash) VALUES ('a1', 1, 'user', 'threads.create', 1, 'p', 'h')",
    ).run();

    const report = migrate(db, sqlMigrations.slice(0, 4));

    expect(report).toEqual({ from: 3, to: 4, applied: ['0004_secrets.sql'] });
    expect(db.prepare('SELECT key, value FROM settings').all()).toEqual([{ key: 'theme', value: '"dark"' }]);
    expect(db.prepare('SELECT id, content FROM messages').all()).toEqual([{ id: 'm1', content: 'hi' }]);
    expect(db.prepare('SELECT id FROM audit_log').all()).toEqual([{ id: 'a1' }]);

    insert();
    const stored = db.prepare('SELECT * FROM secrets').get() as Record<string, unknown>;
    expect(stored).toMatchObject({ name: 'openrouter.api-key', key_id: '0123456789abcdef', created_at: 1, updated_at: 1 });
    expect(Buffer.isBuffer(stored.iv) && Buffer.isBuffer(stored.ciphertext) && Buffer.isBuffer(stored.auth_tag)).toBe(true);
    expect(() => insert()).toThrow(/UNIQUE|PRIMARY KEY/);
  });

  it('0004_secrets refuses rows that cannot be AES-GCM output', () => {
    migrate(db, sqlMigrations.slice(0, 4));
    expect(() => insert({ iv: Buffer.alloc(11) })).toThrow(/CHECK/);
    expect(() => insert({ tag: Buffer.alloc(8) })).toThrow(/CHECK/);
    expect(() => insert({ ciphertext: Buffer.alloc(0) })).toThrow(/CHECK/);
    expect(() => insert({ keyId: 'short' })).toThrow(/CHECK/);
    // STRICT: a plaintext string can never be stored where ciphertext bytes belong.
    expect(() => insert({ ciphertext: 'sk-or-plaintext' })).toThrow(/cannot store TEXT value in BLOB column/);
    expect(() => insert({ name: null as unknown as string })).toThrow(/NOT NULL/);
    expect(db.prepare('SELECT COUNT(*) AS n FROM secrets').get()).toEqual({ n: 0 });
  });
});
