/**
 * Test support for the vault's tests (imported by *.test.ts only, never by the app): a real SQLite
 * file in a temp dir, a real file logger, and keychains that fail on demand.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { memoryKeychain } from './memory-keychain';
import { makeTempDir } from './temp-dir';
import { createFileLogger, type FileLogger } from '../src/core/log/logger';
import type { Keychain } from '../src/core/ports';
import { openDatabase, type Db } from '../src/core/store/database';
import { sqlMigrations } from '../src/core/store/migration-files';
import { migrate } from '../src/core/store/migrations';
import { openVault, type OpenVaultOptions } from '../src/core/secrets/open-vault';
import type { Vault } from '../src/core/secrets/vault';

export interface VaultFixture {
  readonly dir: string;
  readonly dbFile: string;
  readonly db: Db;
  readonly keychain: ReturnType<typeof memoryKeychain>;
  readonly log: FileLogger;
  /** A vault on this fixture's db; each call is a new instance, like a restarted app. */
  vault(overrides?: Partial<OpenVaultOptions>): Promise<Vault>;
  /** Every byte Izzie wrote: database, WAL and log file. */
  bytesOnDisk(): Buffer;
  close(): void;
}

export function vaultFixture(): VaultFixture {
  const temp = makeTempDir();
  const dbFile = join(temp.path, 'izzie.db');
  const db = openDatabase(dbFile);
  migrate(db, sqlMigrations);
  const log = createFileLogger(join(temp.path, 'logs', 'izzie.log'), { level: 'debug' });
  const keychain = memoryKeychain();
  const read = (file: string): Buffer => {
    try {
      return readFileSync(file);
    } catch {
      return Buffer.alloc(0);
    }
  };
  return {
    dir: temp.path,
    dbFile,
    db,
    keychain,
    log,
    vault: (overrides = {}) => openVault({ db, keychain, dataDir: temp.path, insecureFileVault: false, log, ...overrides }),
    bytesOnDisk: () => Buffer.concat([read(dbFile), read(`${dbFile}-wal`), read(log.file)]),
    close: () => {
      db.close();
      log.close();
      temp.remove();
    },
  };
}

export type KeychainCall = 'get' | 'set' | 'delete';

/**
 * Wraps a keychain so chosen calls fail the way a real one does (rejecting with an Error). `failing`
 * is consulted on every call, so a test can switch failures on and off, e.g. to bring it "back".
 */
export function failingKeychain(inner: Keychain, failing: (call: KeychainCall, account: string) => string | null): Keychain {
  const guard = <T>(call: KeychainCall, account: string, run: () => Promise<T>): Promise<T> => {
    const message = failing(call, account);
    return message === null ? run() : Promise.reject(new Error(message));
  };
  return {
    description: inner.description,
    get: (account) => guard('get', account, () => inner.get(account)),
    set: (account, value) => guard('set', account, () => inner.set(account, value)),
    delete: (account) => guard('delete', account, () => inner.delete(account)),
  };
}
