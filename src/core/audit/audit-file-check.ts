import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { AuditVerification } from '../../shared';
import { systemClock, type Clock } from '../ports';
import { AuditRepo } from '../store/audit-repo';
import { openDatabase } from '../store/database';
import { sqlMigrations } from '../store/migration-files';
import { AuditLog } from './audit-log';

/**
 * Why this exists: `izzie audit verify` checks the hash chain from outside the app, including while
 * Izzie is running. So it must not start the core (no instance lock, no keychain, no migrations) and
 * must never write: it opens the database read-only and reuses AuditLog.verify as it is.
 */
export type AuditFileCheck =
  | { readonly kind: 'checked'; readonly databaseFile: string; readonly verification: AuditVerification }
  /** No database in the directory (never started, or the wrong directory). */
  | { readonly kind: 'no-data'; readonly databaseFile: string }
  /** Written by an older Izzie: its audit rows may lack columns the hash now covers. */
  | { readonly kind: 'outdated'; readonly databaseFile: string; readonly schemaVersion: number; readonly knownVersion: number }
  /** Written by a newer Izzie, whose entries this version may not know how to hash. */
  | { readonly kind: 'newer'; readonly databaseFile: string; readonly schemaVersion: number; readonly knownVersion: number }
  | { readonly kind: 'unreadable'; readonly databaseFile: string; readonly message: string };

/** The same name createCore opens (src/core/create-core.ts). */
const DATABASE_FILE = 'izzie.db';

export function checkAuditLogFile(dataDir: string, clock: Clock = systemClock): AuditFileCheck {
  const databaseFile = join(dataDir, DATABASE_FILE);
  if (!existsSync(databaseFile)) return { kind: 'no-data', databaseFile };
  let db;
  try {
    // SQLite may create the empty -wal/-shm companions it needs to read a WAL database; the
    // database file itself is never written (the connection cannot: it is opened read-only).
    db = openDatabase(databaseFile, { readonly: true });
  } catch (error) {
    return unreadable(databaseFile, error);
  }
  try {
    const schemaVersion = db.pragma('user_version', { simple: true }) as number;
    const knownVersion = sqlMigrations.length;
    if (schemaVersion === 0) return { kind: 'no-data', databaseFile };
    if (schemaVersion < knownVersion) return { kind: 'outdated', databaseFile, schemaVersion, knownVersion };
    if (schemaVersion > knownVersion) return { kind: 'newer', databaseFile, schemaVersion, knownVersion };
    const log = new AuditLog(new AuditRepo(db), clock);
    // One read transaction, so a running Izzie appending meanwhile cannot make the rows and the
    // head come from different moments (which would read as a cut-off tail).
    const verification = db.transaction(() => log.verify())();
    return { kind: 'checked', databaseFile, verification };
  } catch (error) {
    return unreadable(databaseFile, error);
  } finally {
    db.close();
  }
}

/** SQLite's own refusals (not a database, unreadable, corrupt) are answers; anything else is a bug. */
function unreadable(databaseFile: string, error: unknown): AuditFileCheck {
  const code = (error as { code?: unknown } | null)?.code;
  if (error instanceof Error && typeof code === 'string' && code.startsWith('SQLITE_')) {
    return { kind: 'unreadable', databaseFile, message: error.message };
  }
  throw error;
}
