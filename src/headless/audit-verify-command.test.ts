import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { auditDataDir, type AuditDataDir } from '../../test-support/audit-data-dir';
import { makeTempDir } from '../../test-support/temp-dir';
import { AUDIT_EXIT, runAuditVerifyCommand } from './audit-verify-command';

/** Runs the command on a data directory and keeps what it printed where. */
function verify(home: string): { code: number; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  const code = runAuditVerifyCommand({ home, env: {}, print: (l) => void out.push(l), printError: (l) => void err.push(l) });
  return { code, out, err };
}

/** Content and modification time: either changes if the file was written. */
function fingerprint(file: string): { sha256: string; mtimeMs: number; size: number } {
  const stat = statSync(file);
  return { sha256: createHash('sha256').update(readFileSync(file)).digest('hex'), mtimeMs: stat.mtimeMs, size: stat.size };
}

describe('izzie audit verify', () => {
  const dirs: Array<{ remove(): void }> = [];
  const dataDir = (options: { entries: number; schemaVersion?: number }): AuditDataDir => {
    const dir = auditDataDir(options);
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) dir.remove();
  });

  it('says an untouched log is intact and exits 0', () => {
    const { home } = dataDir({ entries: 12 });
    expect(verify(home)).toEqual({
      code: AUDIT_EXIT.intact,
      out: ['Audit log intact: 12 entries checked.'],
      err: [],
    });
  });

  it('counts with thousands separators whatever the locale', () => {
    const { home } = dataDir({ entries: 1234 });
    expect(verify(home).out).toEqual(['Audit log intact: 1,234 entries checked.']);
  });

  it('names the row whose input was edited and exits 1', () => {
    const dir = dataDir({ entries: 12 });
    dir.tamper(`UPDATE audit_log SET input = '{"n":700}' WHERE seq = 7`);
    expect(verify(dir.home)).toEqual({
      code: AUDIT_EXIT.broken,
      out: [
        'Audit log broken at entry 7: entry 7 was modified after it was written',
        'The log has 12 entries; those before entry 7 are intact.',
      ],
      err: [],
    });
  });

  it('names a row deleted from the middle', () => {
    const dir = dataDir({ entries: 12 });
    dir.tamper('DELETE FROM audit_log WHERE seq = 5');
    const run = verify(dir.home);
    expect(run.code).toBe(AUDIT_EXIT.broken);
    expect(run.out).toEqual([
      'Audit log broken at entry 5: entry 5 was deleted (entry 6 does not follow entry 4)',
      'The log has 11 entries; those before entry 5 are intact.',
    ]);
  });

  it('names a row moved out of order when two rows swap places', () => {
    const dir = dataDir({ entries: 12 });
    dir.tamper(
      'UPDATE audit_log SET seq = 1000 WHERE seq = 3; UPDATE audit_log SET seq = 3 WHERE seq = 4; UPDATE audit_log SET seq = 4 WHERE seq = 1000;',
    );
    const run = verify(dir.home);
    expect(run.code).toBe(AUDIT_EXIT.broken);
    expect(run.out[0]).toBe('Audit log broken at entry 3: entry 3 is out of order: it was written after the entry now at 4');
  });

  it('reports a break at the first entry without claiming any entry is intact', () => {
    const dir = dataDir({ entries: 3 });
    dir.tamper(`UPDATE audit_log SET action = 'forged' WHERE seq = 1`);
    expect(verify(dir.home).out).toEqual([
      'Audit log broken at entry 1: entry 1 was modified after it was written',
      'The log has 3 entries.',
    ]);
  });

  it('explains a directory with no Izzie data, exits 2 and creates nothing there', () => {
    const parent = makeTempDir();
    dirs.push(parent);
    const missing = join(parent.path, 'not-here');
    const run = verify(missing);
    expect(run.code).toBe(AUDIT_EXIT.cannotCheck);
    expect(run.out).toEqual([]);
    expect(run.err).toEqual([
      `No Izzie data in ${missing} (no database at ${join(missing, 'izzie.db')}). Use --home or IZZIE_HOME to name the data directory.`,
    ]);
    expect(existsSync(missing)).toBe(false);
  });

  it('names a relative --home by its absolute path', () => {
    const relative = `izzie-audit-no-such-dir-${process.pid}`;
    expect(verify(relative).err[0]).toContain(`No Izzie data in ${resolve(relative)} (`);
    expect(existsSync(relative)).toBe(false);
  });

  it('asks for Izzie to be opened once when the database predates the audit columns', () => {
    const dir = dataDir({ entries: 0, schemaVersion: 12 });
    const before = fingerprint(dir.databaseFile);
    const run = verify(dir.home);
    expect(run.code).toBe(AUDIT_EXIT.cannotCheck);
    expect(run.err[0]).toMatch(/is from an older Izzie \(schema 12, this version uses \d+\): open Izzie once to upgrade it/);
    // Upgrading is Izzie's job, under its instance lock; a checker leaves the file as it found it.
    expect(fingerprint(dir.databaseFile)).toEqual(before);
  });

  it('refuses a database from a newer Izzie rather than misjudging its entries', () => {
    const dir = dataDir({ entries: 2 });
    dir.tamper('PRAGMA user_version = 999');
    const run = verify(dir.home);
    expect(run.code).toBe(AUDIT_EXIT.cannotCheck);
    expect(run.err[0]).toMatch(/was written by a newer Izzie \(schema 999; this version knows up to \d+\)/);
  });

  it('says a file that is not a database cannot be read, without a stack', () => {
    const dir = makeTempDir();
    dirs.push(dir);
    writeFileSync(join(dir.path, 'izzie.db'), 'not a database '.repeat(100));
    const run = verify(dir.path);
    expect(run.code).toBe(AUDIT_EXIT.cannotCheck);
    expect(run.err).toEqual([`Cannot read the database ${join(dir.path, 'izzie.db')}: file is not a database`]);
  });

  it('never writes the database, whether the log is intact or broken', () => {
    const dir = dataDir({ entries: 12 });
    const before = fingerprint(dir.databaseFile);
    expect(verify(dir.home).code).toBe(AUDIT_EXIT.intact);
    expect(fingerprint(dir.databaseFile)).toEqual(before);
    // SQLite may leave the empty companion it needs to read a WAL database, never content.
    const wal = `${dir.databaseFile}-wal`;
    if (existsSync(wal)) expect(statSync(wal).size).toBe(0);

    dir.tamper(`UPDATE audit_log SET input = '{}' WHERE seq = 2`);
    const tampered = fingerprint(dir.databaseFile);
    expect(verify(dir.home).code).toBe(AUDIT_EXIT.broken);
    expect(fingerprint(dir.databaseFile)).toEqual(tampered);
  });

  it('checks what a running Izzie has committed while it holds the database and is mid-write', () => {
    const dir = dataDir({ entries: 12 });
    const { db, audit } = dir.connect();
    try {
      for (let i = 0; i < 3; i++) audit.append({ actor: 'izzie', action: 'test.while-running', success: true });
      db.exec('BEGIN IMMEDIATE');
      audit.append({ actor: 'izzie', action: 'test.not-yet-committed', success: true });
      expect(verify(dir.home)).toMatchObject({ code: AUDIT_EXIT.intact, out: ['Audit log intact: 15 entries checked.'] });
      db.exec('COMMIT');
      expect(verify(dir.home).out).toEqual(['Audit log intact: 16 entries checked.']);
    } finally {
      db.close();
    }
  });
});
