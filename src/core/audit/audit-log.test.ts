import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { makeTempDir } from '../../../test-support/temp-dir';
import { Redactor } from '../log/redact';
import { openDatabase, type Db } from '../store/database';
import { AuditRepo, type AuditRow } from '../store/audit-repo';
import { sqlMigrations } from '../store/migration-files';
import { migrate } from '../store/migrations';
import { AuditLog, GENESIS_HASH } from './audit-log';

const ENTRIES = 8;

describe('the audit log', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let db: Db;
  let log: AuditLog;
  let now = 1_000;
  let count = 0;

  function fresh(): void {
    db?.close();
    db = openDatabase(join(dir.path, `izzie-${count++}.db`));
    migrate(db, sqlMigrations);
    const redactor = new Redactor();
    redactor.addSecret('sk-live-123456');
    log = new AuditLog(new AuditRepo(db), { now: () => now++ }, redactor);
    for (let i = 1; i <= ENTRIES; i++) {
      log.append({
        actor: i % 2 ? 'user' : 'izzie',
        action: `action.${i}`,
        success: true,
        input: { n: i },
        ...(i % 3 === 0 ? { trace: { runId: `run-${i}` } } : {}),
      });
    }
    db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
  }

  beforeEach(() => {
    dir = makeTempDir();
    fresh();
  });
  afterEach(() => {
    db.close();
    dir.remove();
  });

  const rows = (): AuditRow[] => new AuditRepo(db).all();

  it('chains each entry to the one before it, traces included', () => {
    const all = rows();
    expect(all[0]?.prev_hash).toBe(GENESIS_HASH);
    for (let i = 1; i < all.length; i++) expect(all[i]?.prev_hash).toBe(all[i - 1]?.hash);
    expect(all[2]?.trace).toBe('{"runId":"run-3"}');
    expect(log.verify()).toMatchObject({ ok: true, entries: ENTRIES });
  });

  it('refuses UPDATE and DELETE at the database level', () => {
    fresh();
    db.exec(
      `CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;`,
    );
    db.exec(
      `CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;`,
    );
    expect(() => db.prepare("UPDATE audit_log SET action = 'x' WHERE seq = 1").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log WHERE seq = 1').run()).toThrow(/append-only/);
  });

  it('names any single edited entry', () => {
    for (let seq = 1; seq <= ENTRIES; seq++) {
      fresh();
      db.prepare('UPDATE audit_log SET input = \'{"n":999}\' WHERE seq = ?').run(seq);
      expect(log.verify(), `edit of ${seq}`).toMatchObject({
        ok: false,
        brokenAt: seq,
        reason: `entry ${seq} was modified after it was written`,
      });
    }
  });

  it('names an entry edited and re-hashed by someone who knows the scheme', () => {
    fresh();
    const target = rows()[3]!;
    db.prepare("UPDATE audit_log SET action = 'forged', hash = ? WHERE seq = ?").run('f'.repeat(64), target.seq);
    expect(log.verify()).toMatchObject({ ok: false, brokenAt: target.seq });
  });

  it('names any single deleted entry, the newest included', () => {
    for (let seq = 1; seq <= ENTRIES; seq++) {
      fresh();
      db.prepare('DELETE FROM audit_log WHERE seq = ?').run(seq);
      const result = log.verify();
      expect(result, `delete of ${seq}`).toMatchObject({ ok: false, brokenAt: seq });
      expect(result.ok ? '' : result.reason).toMatch(
        seq === ENTRIES ? /newest entries were deleted/ : new RegExp(`entry ${seq} was deleted`),
      );
    }
  });

  it('names any two neighbours swapped', () => {
    for (let seq = 1; seq < ENTRIES; seq++) {
      fresh();
      const [a, b] = [rows()[seq - 1]!, rows()[seq]!];
      const put = db.prepare(
        'UPDATE audit_log SET id = @id, at = @at, actor = @actor, action = @action, input = @input, trace = @trace, prev_hash = @prev_hash, hash = @hash WHERE seq = @seq',
      );
      db.transaction(() => {
        put.run({ ...a, id: `tmp-${a.id}`, seq: b.seq });
        put.run({ ...b, seq: a.seq });
        put.run({ ...a, seq: b.seq });
      })();
      const result = log.verify();
      expect(result, `swap of ${seq} and ${seq + 1}`).toMatchObject({ ok: false, brokenAt: seq });
      expect(result.ok ? '' : result.reason).toMatch(/out of order|does not start/);
    }
  });

  it('notices when the record of the newest entry is removed', () => {
    db.exec('DELETE FROM audit_head');
    expect(log.verify()).toMatchObject({ ok: false, reason: 'the record of the newest entry was removed' });
  });

  it('masks secrets and truncates oversized inputs', () => {
    const row = log.append({
      actor: 'izzie',
      action: 'tool.call',
      success: false,
      input: { apiKey: 'abc', note: 'key sk-live-123456 leaked' },
      error: 'failed with sk-live-123456',
    });
    expect(row.input).toBe('{"apiKey":"[redacted]","note":"key [redacted] leaked"}');
    expect(row.error).toBe('failed with [redacted]');
    const big = log.append({ actor: 'user', action: 'x', success: true, input: 'z'.repeat(50_000) });
    expect(big.input?.length).toBeLessThan(5_000);
    expect(JSON.parse(big.input ?? '{}')).toMatchObject({ truncated: true });
    expect(log.verify()).toMatchObject({ ok: true });
  });

  it('finds entries by filter and words, newest first, with paging', () => {
    const repo = new AuditRepo(db);
    expect(repo.find({ action: 'action.' }, 3).rows.map((r) => r.action)).toEqual(['action.8', 'action.7', 'action.6']);
    expect(repo.find({ action: 'action.', before: 6 }, 2).rows.map((r) => r.seq)).toEqual([5, 4]);
    expect(repo.find({ q: 'run-6' }, 10).rows.map((r) => r.seq)).toEqual([6]);
    expect(repo.find({ action: 'action.2' }, 10).total).toBe(1);
    expect(repo.byTrace('runId', 'run-3').map((r) => r.seq)).toEqual([3]);
  });
});
