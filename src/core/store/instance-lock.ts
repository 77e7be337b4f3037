import Database from 'better-sqlite3';
import { readFileSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { HostKind } from '../../shared';

export class InstanceLockedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InstanceLockedError';
  }
}

export interface InstanceLock {
  release(): void;
}

interface Holder {
  pid: number;
  hostKind: HostKind;
  startedAt: string;
}

/**
 * One Izzie per data directory. The lock is an exclusive SQLite lock on `izzie.lock`, held for the
 * process's life: the OS drops it when the process dies, even on SIGKILL or power loss, so a crash
 * never leaves a stale lock behind (a PID file or a lock directory would). `instance.json` beside
 * it only names the holder in the refusal message.
 */
export function acquireInstanceLock(dataDir: string, hostKind: HostKind): InstanceLock {
  const lockFile = join(dataDir, 'izzie.lock');
  const holderFile = join(dataDir, 'instance.json');
  const db = new Database(lockFile, { timeout: 0 });
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE; CREATE TABLE IF NOT EXISTS lock (id INTEGER PRIMARY KEY); COMMIT;');
  } catch (error) {
    db.close();
    if ((error as { code?: string }).code === 'SQLITE_BUSY') throw new InstanceLockedError(refusal(dataDir, holderFile));
    throw error;
  }
  const holder: Holder = { pid: process.pid, hostKind, startedAt: new Date().toISOString() };
  writeFileSync(holderFile, JSON.stringify(holder));
  let held = true;
  return {
    release() {
      if (!held) return;
      held = false;
      rmSync(holderFile, { force: true });
      db.close();
    },
  };
}

function refusal(dataDir: string, holderFile: string): string {
  let who = 'another Izzie';
  try {
    const holder = JSON.parse(readFileSync(holderFile, 'utf8')) as Holder;
    who = `another Izzie (${holder.hostKind} host, process ${holder.pid}, started ${holder.startedAt})`;
  } catch {
    // The holder file is informational; without it the message is still actionable.
  }
  return `${who} is already using the data directory ${dataDir}. Close it first, or set IZZIE_HOME to start this one on a different data directory.`;
}
