import { join } from 'node:path';
import type { Logger } from '../log/logger';
import { systemClock, type Clock, type Keychain } from '../ports';
import type { Db } from '../store/database';
import { createFileKeychain } from './file-keychain';
import { SecretsRepo } from './secrets-repo';
import { Vault } from './vault';
import { FILE_VAULT_ENV } from './vault-status';

export interface OpenVaultOptions {
  /** Migrated to at least 0004_secrets. */
  readonly db: Db;
  /** The host's OS keychain. Not touched at all when the file vault is chosen. */
  readonly keychain: Keychain;
  readonly dataDir: string;
  /**
   * The person's explicit choice (IZZIE_INSECURE_FILE_VAULT=1 or a setting) to keep the master key
   * in `<dataDir>/vault.key`. Never inferred: a keychain that fails makes the vault unavailable,
   * it does not quietly move the key onto disk.
   */
  readonly insecureFileVault: boolean;
  /** The vault logs under `<scope>.vault`: names, key ids and statuses, never values or keys. */
  readonly log: Logger;
  readonly clock?: Clock;
}

export const VAULT_KEY_FILE = 'vault.key';

/**
 * Builds the vault and opens it once. Never throws for a missing keychain: the app must start and
 * say what is wrong, so the returned vault's status() is 'unavailable' with a fix, and open() can be
 * called again later.
 */
export async function openVault(options: OpenVaultOptions): Promise<Vault> {
  const vault = createVault(options);
  await vault.open();
  return vault;
}

/**
 * The same vault without touching the keychain yet, for callers that must stay synchronous: it
 * opens itself on the first get/set/delete/rotate (or an explicit open()). Until then status()
 * says it was not opened.
 *
 * The OS keychain and the file vault are exclusive, not layered: a row is readable only through the
 * store that holds its key, and mixing two stores would make "where do my secrets live?" unanswerable.
 */
export function createVault(options: OpenVaultOptions): Vault {
  const kind = options.insecureFileVault ? 'file' : 'keychain';
  const keychain = options.insecureFileVault ? createFileKeychain(join(options.dataDir, VAULT_KEY_FILE)) : options.keychain;
  return new Vault({
    repo: new SecretsRepo(options.db),
    keychain,
    kind,
    log: options.log.child('vault'),
    clock: options.clock ?? systemClock,
  });
}

/** Only the exact value "1" opts in: a deliberate, documented switch, not any truthy-looking text. */
export function insecureFileVaultRequested(env: Readonly<Record<string, string | undefined>>): boolean {
  return env[FILE_VAULT_ENV] === '1';
}
