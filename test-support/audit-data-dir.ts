import { join } from 'node:path';
import { AuditLog } from '../src/core/audit/audit-log';
import { AuditRepo } from '../src/core/store/audit-repo';
import { openDatabase, type Db } from '../src/core/store/database';
import { sqlMigrations } from '../src/core/store/migration-files';
import { migrate } from '../src/core/store/migrations';
import { makeTempDir } from './temp-dir';

export interface AuditDataDir {
  readonly home: string;
  readonly databaseFile: string;
  /** A writable connection as a running Izzie holds it (WAL mode), with its audit log. */
  connect(): { readonly db: Db; readonly audit: AuditLog };
  /** Runs SQL as someone editing the file by hand would: the append-only triggers go first. */
  tamper(sql: string): void;
  remove(): void;
}

/**
 * A data directory whose izzie.db is migrated (to `schemaVersion`, default: the newest) and holds
 * `entries` audit entries, closed again as a stopped Izzie leaves it.
 */
export function auditDataDir(options: { entries: number; schemaVersion?: number }): AuditDataDir {
  const dir = makeTempDir('izzie-audit-');
  const databaseFile = join(dir.path, 'izzie.db');
  let now = Date.UTC(2026, 0, 5, 9);
  const connect = () => {
    const db = openDatabase(databaseFile);
    return { db, audit: new AuditLog(new AuditRepo(db), { now: () => now++ }) };
  };

  const { db, audit } = connect();
  migrate(db, sqlMigrations.slice(0, options.schemaVersion ?? sqlMigrations.length));
  // Thousands of test entries would otherwise cost one fsync each.
  db.pragma('synchronous = OFF');
  for (let i = 1; i <= options.entries; i++) {
    audit.append({ actor: i % 2 ? 'user' : 'izzie', action: `test.action-${i}`, input: { n: i }, success: true });
  }
  db.close();

  return {
    home: dir.path,
    databaseFile,
    connect,
    tamper(sql) {
      const editor = openDatabase(databaseFile);
      try {
        editor.exec('DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete;');
        editor.exec(sql);
      } finally {
        editor.close();
      }
    },
    remove: () => dir.remove(),
  };
}
