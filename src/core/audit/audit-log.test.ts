import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { makeTempDir } from '../../../test-support/temp-dir';
import { openDatabase, type Db } from '../store/database';
import { AuditRepo } from '../store/audit-repo';
import { sqlMigrations } from '../store/migration-files';
import { migrate } from '../store/migrations';
import { AuditLog, GENESIS_HASH } from './audit-log';

describe('the audit log', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let db: Db;
  let log: AuditLog;
  let now = 1_000;
  beforeEach(() => {
    dir = makeTempDir();
    db = openDatabase(join(dir.path, 'izzie.db'));
    migrate(db, sqlMigrations);
    log = new AuditLog(new AuditRepo(db), { now: () => now++ });
    for (const action of ['threads.create', 'messages.send', 'settings.set'])
      log.append({ actor: 'user', action, success: true, input: { n: 1 } });
  });
  afterEach(() => {
    db.close();
    dir.remove();
  });

  it('chains each entry to the one before it', () => {
    const rows = new AuditRepo(db).all();
    expect(rows[0]?.prev_hash).toBe(GENESIS_HASH);
    expect(rows[1]?.prev_hash).toBe(rows[0]?.hash);
    expect(rows[2]?.prev_hash).toBe(rows[1]?.hash);
    expect(log.verify()).toEqual({ ok: true, entries: 3 });
  });

  it('refuses UPDATE and DELETE at the database level', () => {
    expect(() => db.prepare("UPDATE audit_log SET action = 'x' WHERE seq = 1").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log WHERE seq = 1').run()).toThrow(/append-only/);
  });

  it('detects and names an entry edited behind its back', () => {
    db.exec('DROP TRIGGER audit_log_no_update');
    db.prepare("UPDATE audit_log SET action = 'threads.delete' WHERE seq = 2").run();
    expect(log.verify()).toMatchObject({ ok: false, brokenAt: 2, reason: expect.stringMatching(/modified/) });
  });

  it('detects a deleted entry', () => {
    db.exec('DROP TRIGGER audit_log_no_delete');
    db.prepare('DELETE FROM audit_log WHERE seq = 2').run();
    expect(log.verify()).toMatchObject({ ok: false, brokenAt: 3, reason: expect.stringMatching(/deleted or reordered/) });
  });

  it('truncates oversized inputs instead of storing megabytes', () => {
    const row = log.append({ actor: 'user', action: 'x', success: true, input: 'z'.repeat(50_000) });
    expect(row.input?.length).toBeLessThan(5_000);
    expect(JSON.parse(row.input ?? '{}')).toMatchObject({ truncated: true });
  });
});
