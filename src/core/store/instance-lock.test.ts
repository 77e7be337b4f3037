import { spawnSync } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../test-support/temp-dir';
import { acquireInstanceLock, InstanceLockedError } from './instance-lock';

describe('the data-dir instance lock', () => {
  let dir: ReturnType<typeof makeTempDir>;
  beforeEach(() => (dir = makeTempDir()));
  afterEach(() => dir.remove());

  it('refuses a second holder with a message naming the first and the fix', () => {
    const first = acquireInstanceLock(dir.path, 'headless');
    try {
      let error: unknown;
      try {
        acquireInstanceLock(dir.path, 'electron');
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(InstanceLockedError);
      expect((error as Error).message).toMatch(
        new RegExp(`another Izzie \\(headless host, process ${process.pid}, .*is already using the data directory`),
      );
      expect((error as Error).message).toMatch(/set IZZIE_HOME/);
    } finally {
      first.release();
    }
  });

  it('can be taken again once released', () => {
    acquireInstanceLock(dir.path, 'headless').release();
    acquireInstanceLock(dir.path, 'headless').release();
  });

  it('is held against another process, and freed when that process dies without cleaning up', () => {
    const lock = acquireInstanceLock(dir.path, 'headless');
    const tryFromChild = () =>
      spawnSync(process.execPath, [
        '-e',
        `
        const Database = require('better-sqlite3');
        const db = new Database(${JSON.stringify(dir.path + '/izzie.lock')}, { timeout: 0 });
        try { db.pragma('locking_mode = EXCLUSIVE'); db.exec('BEGIN EXCLUSIVE; COMMIT;'); console.log('acquired'); }
        catch (e) { console.log(e.code); }
      `,
      ])
        .stdout.toString()
        .trim();
    expect(tryFromChild()).toBe('SQLITE_BUSY');
    lock.release();
    // A holder killed with SIGKILL leaves no stale lock behind: the OS drops it.
    const killed = spawnSync(process.execPath, [
      '-e',
      `
      const Database = require('better-sqlite3');
      const db = new Database(${JSON.stringify(dir.path + '/izzie.lock')});
      db.pragma('locking_mode = EXCLUSIVE'); db.exec('BEGIN EXCLUSIVE; COMMIT;');
      process.kill(process.pid, 'SIGKILL');
    `,
    ]);
    expect(killed.signal).toBe('SIGKILL');
    acquireInstanceLock(dir.path, 'headless').release();
  });
});
