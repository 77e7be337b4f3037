import type { Logger } from '../log/logger';
import type { Keychain } from '../ports';
import { decodeMasterKey, encodeMasterKey, generateMasterKey, isKeyId, keyIdOf } from './secret-cipher';

/** Keychain accounts: one per key, and one naming the key new secrets are sealed with. */
export const CURRENT_KEY_ACCOUNT = 'master-key.current';
export const keyAccount = (keyId: string): string => `master-key.${keyId}`;

export interface MasterKey {
  readonly keyId: string;
  readonly key: Buffer;
}

/**
 * The master keys as the keychain holds them, with an in-memory cache so a decrypt does not cost
 * a D-Bus round trip. Invariant every method keeps: a key is only ever deleted by `remove`, and the
 * vault only calls that once no row names the key — so creating a fresh key (first use, or a
 * `current` entry that went missing) can never make an existing row unreadable.
 */
export class MasterKeys {
  private readonly cache = new Map<string, Buffer>();
  private currentKeyId: string | null = null;

  constructor(
    private readonly keychain: Keychain,
    private readonly log: Logger,
  ) {}

  /**
   * Reads the current key, or creates one on first use. Actually touching the keychain here is the
   * point: it is how the vault learns, at start-up, whether secrets will work. Throws whatever the
   * keychain throws.
   */
  async loadCurrent(): Promise<MasterKey & { readonly created: boolean }> {
    const pointer = await this.keychain.get(CURRENT_KEY_ACCOUNT);
    if (pointer !== null) {
      const key = isKeyId(pointer) ? await this.find(pointer) : null;
      if (key) {
        this.currentKeyId = pointer;
        return { keyId: pointer, key, created: false };
      }
      // Not deleted: if the entry comes back (a restored keychain), rows sealed with it read again.
      this.log.warn('the current master key is missing or damaged in the keychain; creating a new one', { keyId: pointer });
    }
    const fresh = await this.create();
    await this.makeCurrent(fresh.keyId);
    return { ...fresh, created: true };
  }

  current(): MasterKey {
    const keyId = this.currentKeyId;
    const key = keyId === null ? undefined : this.cache.get(keyId);
    if (keyId === null || !key) throw new Error('MasterKeys.current() before loadCurrent()');
    return { keyId, key };
  }

  /** The key a row names, or null when the keychain does not have it (or holds something else). */
  async find(keyId: string): Promise<Buffer | null> {
    const cached = this.cache.get(keyId);
    if (cached) return cached;
    const encoded = await this.keychain.get(keyAccount(keyId));
    const key = encoded === null ? null : decodeMasterKey(encoded, keyId);
    if (encoded !== null && !key) this.log.warn('a master key in the keychain is damaged (wrong size or id)', { keyId });
    if (key) this.cache.set(keyId, key);
    return key;
  }

  /** Only what `find` has already loaded: for use inside a synchronous SQLite transaction. */
  cached(keyId: string): Buffer | null {
    return this.cache.get(keyId) ?? null;
  }

  /** Stores a new random key under its own account. It is not current until `makeCurrent`. */
  async create(): Promise<MasterKey> {
    const key = generateMasterKey();
    const keyId = keyIdOf(key);
    await this.keychain.set(keyAccount(keyId), encodeMasterKey(key));
    this.cache.set(keyId, key);
    return { keyId, key };
  }

  /** Moves the pointer; in memory only once the keychain has accepted it. */
  async makeCurrent(keyId: string): Promise<void> {
    await this.keychain.set(CURRENT_KEY_ACCOUNT, keyId);
    this.currentKeyId = keyId;
  }

  async remove(keyId: string): Promise<void> {
    await this.keychain.delete(keyAccount(keyId));
    this.cache.get(keyId)?.fill(0);
    this.cache.delete(keyId);
  }

  /** Drops every key from memory (the vault became unavailable). */
  forget(): void {
    for (const key of this.cache.values()) key.fill(0);
    this.cache.clear();
    this.currentKeyId = null;
  }
}
