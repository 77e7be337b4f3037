import { CoreError } from '../errors';
import type { Logger } from '../log/logger';
import type { Clock, Keychain, SecretStore } from '../ports';
import { MasterKeys } from './master-keys';
import { seal, unseal } from './secret-cipher';
import { assertSecretName, assertSecretValue } from './secret-input';
import type { SecretsRepo } from './secrets-repo';
import { FILE_VAULT_ENV, sanitize, unavailableStatus, type VaultStatus } from './vault-status';

export interface VaultDeps {
  readonly repo: SecretsRepo;
  /** The OS keychain, or the key file when the user opted in to the file vault. */
  readonly keychain: Keychain;
  readonly kind: 'keychain' | 'file';
  readonly log: Logger;
  readonly clock: Clock;
}

export interface RotationReport {
  readonly keyId: string;
  readonly previousKeyId: string;
  readonly reencrypted: number;
  /** Rows that could not be decrypted (damaged, or their key is gone): left exactly as they were. */
  readonly unreadable: readonly string[];
  /** Old keys still in the keychain: a row still names them, or deleting them failed. */
  readonly keptKeyIds: readonly string[];
}

/**
 * Secrets encrypted at rest with a master key the keychain holds (see README.md in this folder).
 *
 * Every operation runs one at a time (`serialize`): rotation reads keys asynchronously and then
 * re-seals synchronously, and a `set` slipping in between could seal a row with a key rotation is
 * about to delete. Secret operations are rare and fast, so a queue costs nothing noticeable.
 *
 * Unreadable rows (tampered, or sealed with a key the keychain lost) fail with SECRETS_UNAVAILABLE,
 * not INTERNAL: nothing is wrong with Izzie's code, the person can act (enter the secret again),
 * and the UI keys its "open Settings → Secrets" action on that code. INTERNAL would be logged as a
 * bug and shown as "something went wrong".
 */
export class Vault implements SecretStore {
  private keys: MasterKeys | null = null;
  private current: VaultStatus = {
    kind: 'unavailable',
    summary: 'Secrets are not ready: the vault was not opened yet.',
    fix: null,
  };
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: VaultDeps) {}

  /**
   * (Re)connects to the keychain and reports where secrets live. Safe to call again at any time,
   * e.g. after the person unlocked their keyring; a failure is never cached, and every get/set/
   * delete on an unavailable vault tries again first.
   */
  open(): Promise<VaultStatus> {
    return this.serialize(() => this.openNow());
  }

  status(): VaultStatus {
    return this.current;
  }

  /** Whether a secret is stored. Needs no key, so it answers even when the keychain is unavailable. */
  has(name: string): boolean {
    assertSecretName(name);
    return this.deps.repo.has(name);
  }

  /** Names only — all the renderer may ever learn about secrets is "set / not set". */
  names(): string[] {
    return this.deps.repo.names();
  }

  async get(name: string): Promise<string | null> {
    assertSecretName(name);
    return this.serialize(async () => {
      const keys = await this.ready();
      const row = this.deps.repo.find(name);
      if (!row) return null;
      const key = await this.viaKeychain(() => keys.find(row.keyId));
      if (!key) {
        throw new CoreError(
          'SECRETS_UNAVAILABLE',
          `The saved secret ${name} was encrypted with master key ${row.keyId}, which ${this.deps.keychain.description} ` +
            'no longer has (the keychain was reset, or Izzie’s data came from another machine). Enter the secret again to replace it.',
        );
      }
      const value = unseal(key, name, row);
      if (value === null) {
        throw new CoreError(
          'SECRETS_UNAVAILABLE',
          `The saved secret ${name} cannot be decrypted: its stored data was changed or damaged outside Izzie, so it ` +
            'failed authentication. Enter the secret again to replace it.',
        );
      }
      this.deps.log.redactor.addSecret(value);
      return value;
    });
  }

  async set(name: string, value: string): Promise<void> {
    assertSecretName(name);
    assertSecretValue(name, value);
    return this.serialize(async () => {
      const { key } = (await this.ready()).current();
      this.deps.log.redactor.addSecret(value);
      this.deps.repo.put(name, seal(key, name, value), this.deps.clock.now());
      this.deps.log.info('secret saved', { name });
    });
  }

  /** Idempotent: deleting a secret that is not there succeeds. */
  async delete(name: string): Promise<void> {
    assertSecretName(name);
    return this.serialize(async () => {
      await this.ready();
      if (this.deps.repo.delete(name)) this.deps.log.info('secret deleted', { name });
    });
  }

  /**
   * Replaces the master key and re-encrypts every secret with the new one. The order is what makes
   * a crash (or a failing keychain / disk) at any point harmless, because rows name their key and
   * a key is deleted only once no row names it:
   *   1. new key into the keychain — crash after: an unused extra key; rows and `current` untouched.
   *   2. every row re-sealed in ONE SQLite transaction — crash inside: SQLite rolls back, all rows
   *      are still under the old key(s), which are still in the keychain.
   *   3. `current` moved to the new key — crash before it: rows are under the new key, `current`
   *      still names the old one; both keys exist, reads pick the key by the row's key id, new
   *      writes use the old key, and the next rotation sweeps everything up.
   *   4. old keys deleted, each only if no row names it — crash before: an unused old key remains.
   * The reverse order (pointer or delete first) would strand rows under a key that is gone.
   */
  rotate(): Promise<RotationReport> {
    return this.serialize(async () => {
      const keys = await this.ready();
      const { repo, log } = this.deps;
      const previousKeyId = keys.current().keyId;
      const keyIdsBefore = repo.keyIds();

      const next = await this.viaKeychain(() => keys.create(), ROTATION_STOPPED); // 1
      // Every key the rows name is loaded now: the transaction below is synchronous.
      for (const keyId of keyIdsBefore) await this.viaKeychain(() => keys.find(keyId), ROTATION_STOPPED);
      let outcome: { resealed: number; skipped: string[] };
      try {
        outcome = repo.resealAll((row) => {
          const key = keys.cached(row.keyId);
          const value = key ? unseal(key, row.name, row) : null;
          return value === null ? null : seal(next.key, row.name, value);
        }); // 2
      } catch (error) {
        const reason = sanitize(error instanceof Error ? error.message : String(error));
        throw new CoreError('INTERNAL', `${ROTATION_STOPPED} The database refused the update (${reason}).`, { cause: error });
      }
      const { resealed, skipped } = outcome;
      await this.viaKeychain(() => keys.makeCurrent(next.keyId), ROTATION_STOPPED); // 3

      const keptKeyIds: string[] = [];
      for (const keyId of new Set([previousKeyId, ...keyIdsBefore])) {
        if (keyId === next.keyId) continue;
        if (repo.namesUnderKey(keyId).length > 0) {
          keptKeyIds.push(keyId);
          continue;
        }
        try {
          await keys.remove(keyId); // 4
        } catch (error) {
          keptKeyIds.push(keyId);
          log.warn('an old master key could not be deleted; no secret uses it any more', { keyId, error });
        }
      }
      log.info('master key rotated', {
        keyId: next.keyId,
        previousKeyId,
        reencrypted: resealed,
        unreadable: skipped,
        keptKeyIds,
      });
      return { keyId: next.keyId, previousKeyId, reencrypted: resealed, unreadable: skipped, keptKeyIds };
    });
  }

  private async openNow(): Promise<VaultStatus> {
    const { keychain, kind, log, repo } = this.deps;
    const before = this.current;
    this.keys?.forget();
    this.keys = null;
    try {
      const keys = new MasterKeys(keychain, log);
      const { keyId, created } = await keys.loadCurrent();
      const unreadable: string[] = [];
      for (const rowKeyId of repo.keyIds()) {
        if (!(await keys.find(rowKeyId))) unreadable.push(...repo.namesUnderKey(rowKeyId));
      }
      this.keys = keys;
      this.current = availableStatus(kind, keychain.description, unreadable);
      log.info('vault open', { kind, keyId, createdKey: created, secrets: repo.names().length, unreadable });
    } catch (error) {
      this.current = unavailableStatus(error, keychain.description);
      // Logged once per distinct failure, not on every retry a get/set makes.
      if (before.summary !== this.current.summary) log.warn('vault unavailable', { summary: this.current.summary });
    }
    return this.current;
  }

  /**
   * A keychain that fails mid-session (locked again, daemon gone) makes the vault unavailable with
   * the same actionable status open() would give, instead of leaking a raw D-Bus error; the next
   * call tries to open it again.
   */
  private async viaKeychain<T>(run: () => Promise<T>, prefix = ''): Promise<T> {
    try {
      return await run();
    } catch (error) {
      this.keys?.forget();
      this.keys = null;
      this.current = unavailableStatus(error, this.deps.keychain.description);
      this.deps.log.warn('vault unavailable', { summary: this.current.summary });
      throw new CoreError('SECRETS_UNAVAILABLE', [prefix, this.current.summary, this.current.fix].filter(Boolean).join(' '), {
        cause: error,
      });
    }
  }

  private async ready(): Promise<MasterKeys> {
    if (this.keys) return this.keys;
    const status = await this.openNow();
    if (this.keys) return this.keys;
    throw new CoreError('SECRETS_UNAVAILABLE', [status.summary, status.fix].filter(Boolean).join(' '));
  }

  private serialize<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

const ROTATION_STOPPED = 'Key rotation stopped before it finished; every secret is still readable with the key it had.';

function availableStatus(kind: 'keychain' | 'file', where: string, unreadable: readonly string[]): VaultStatus {
  const lost =
    unreadable.length === 0
      ? ''
      : ` ${unreadable.length} saved secret(s) (${unreadable.join(', ')}) were encrypted with a key ${where} no longer has ` +
        'and cannot be read.';
  const reenter = unreadable.length === 0 ? '' : `Enter ${unreadable.join(', ')} again.`;
  if (kind === 'keychain') {
    return { kind, summary: `Secrets are encrypted with a master key kept in ${where}.${lost}`, fix: reenter || null };
  }
  return {
    kind,
    summary:
      `Secrets are encrypted with a key stored in ${where}, because ${FILE_VAULT_ENV}=1 is set. This is less safe than ` +
      'the OS keychain: anyone who can read that file and the database (or a backup of both) can decrypt every secret.' +
      lost,
    fix: [
      reenter,
      'To use the OS keychain instead, run Izzie in a desktop session with gnome-keyring or KWallet and without ' +
        `${FILE_VAULT_ENV} (secrets saved in the file vault must then be entered again).`,
    ]
      .filter(Boolean)
      .join(' '),
  };
}
