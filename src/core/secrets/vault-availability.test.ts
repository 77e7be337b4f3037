import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chmodSync, chownSync, existsSync, readFileSync, renameSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CoreError } from '../errors';
import type { Keychain } from '../ports';
import { createVault, insecureFileVaultRequested, VAULT_KEY_FILE } from './open-vault';
import { failingKeychain, vaultFixture, type VaultFixture } from '../../../test-support/vault-test-kit';

const NO_BUS = 'Cannot autolaunch D-Bus without X11 $DISPLAY';
const POSIX = process.platform !== 'win32';
const ROOT = process.getuid?.() === 0;

describe('vault availability', () => {
  let fx: VaultFixture;
  beforeEach(() => {
    fx = vaultFixture();
  });
  afterEach(() => fx.close());

  const keyFile = () => join(fx.dir, VAULT_KEY_FILE);
  const rejection = async (promise: Promise<unknown>): Promise<CoreError> => {
    const error = await promise.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CoreError);
    return error as CoreError;
  };
  /** A keychain that throws NO_BUS until `back()` is called, like a keyring that gets unlocked later. */
  const flaky = () => {
    let down = true;
    const keychain: Keychain = failingKeychain(fx.keychain, () => (down ? NO_BUS : null));
    return { keychain, back: () => void (down = false) };
  };

  it('starts unavailable (not throwing) when the keychain fails, and every secret call rejects with the fix', async () => {
    await (await fx.vault()).set('github.token', 'ghp_stored_before_the_outage');
    const vault = await fx.vault({ keychain: flaky().keychain });

    expect(vault.status().kind).toBe('unavailable');
    expect(vault.status().summary).toMatch(/not running inside a desktop session/);
    expect(vault.status().fix).toMatch(/gnome-keyring or KWallet.*IZZIE_INSECURE_FILE_VAULT=1/s);
    for (const call of [
      vault.get('github.token'),
      vault.set('github.token', 'new-value'),
      vault.delete('github.token'),
      vault.rotate(),
    ]) {
      const error = await rejection(call);
      expect(error.code).toBe('SECRETS_UNAVAILABLE');
      expect(error.message).toContain(vault.status().summary);
      expect(error.message).toContain('IZZIE_INSECURE_FILE_VAULT=1');
    }
    // "Set / not set" needs no key, so the UI can still show it.
    expect(vault.names()).toEqual(['github.token']);
    expect(vault.has('github.token')).toBe(true);
  });

  it('never falls back to a key file when the keychain fails without the opt-in', async () => {
    const vault = await fx.vault({ keychain: flaky().keychain, insecureFileVault: false });
    await rejection(vault.set('github.token', 'ghp_must_not_land_anywhere'));
    expect(vault.status().kind).toBe('unavailable');
    expect(existsSync(keyFile())).toBe(false);
    expect(fx.db.prepare('SELECT COUNT(*) AS n FROM secrets').get()).toEqual({ n: 0 });
  });

  it('works once the keychain is back: open() again, or simply the next call', async () => {
    const first = flaky();
    const vault = await fx.vault({ keychain: first.keychain });
    expect(vault.status().kind).toBe('unavailable');
    first.back();
    expect((await vault.open()).kind).toBe('keychain');
    await vault.set('github.token', 'ghp_after_unlock');

    const second = flaky();
    const other = await fx.vault({ keychain: second.keychain });
    await rejection(other.get('github.token'));
    second.back();
    expect(await other.get('github.token')).toBe('ghp_after_unlock'); // no explicit open(): the failure was not cached
    expect(other.status().kind).toBe('keychain');
  });

  it('a keychain that fails mid-session turns the vault unavailable with the fix, then recovers', async () => {
    let down = false;
    const keychain = failingKeychain(fx.keychain, () => (down ? 'Cannot create an item in a locked collection' : null));
    const vault = await fx.vault({ keychain });
    await vault.set('github.token', 'ghp_before_the_lock');
    down = true;
    const error = await rejection(vault.rotate());
    expect(error.code).toBe('SECRETS_UNAVAILABLE');
    expect(error.message).toMatch(/is locked .*Unlock the Login keyring/);
    expect(vault.status().kind).toBe('unavailable');
    await rejection(vault.get('github.token'));
    down = false;
    expect(await vault.get('github.token')).toBe('ghp_before_the_lock');
    expect(vault.status().kind).toBe('keychain');
  });

  it('a vault created without opening opens itself on first use', async () => {
    const vault = createVault({ db: fx.db, keychain: fx.keychain, dataDir: fx.dir, insecureFileVault: false, log: fx.log });
    expect(vault.status()).toMatchObject({ kind: 'unavailable', summary: expect.stringMatching(/not opened yet/) });
    expect(fx.keychain.entries.size).toBe(0);
    await vault.set('github.token', 'ghp_lazy_open');
    expect(vault.status().kind).toBe('keychain');
    expect(await vault.get('github.token')).toBe('ghp_lazy_open');
  });

  it('logs a keychain failure once, not on every retry', async () => {
    const vault = await fx.vault({ keychain: flaky().keychain });
    for (let i = 0; i < 3; i++) await rejection(vault.get('github.token'));
    const warnings = readFileSync(fx.log.file, 'utf8')
      .split('\n')
      .filter((l) => l.includes('vault unavailable'));
    expect(warnings).toHaveLength(1);
  });

  describe('file vault (explicit opt-in)', () => {
    const untouchable = failingKeychain(
      { description: 'the OS keychain', get: async () => null, set: async () => {}, delete: async () => false },
      () => 'the file vault must not touch the OS keychain',
    );

    it('keeps its key in vault.key created with mode 0600, and its status warns that this is less safe', async () => {
      const umask = process.umask(0); // even a permissive umask must not widen the key file
      const vault = await fx.vault({ insecureFileVault: true, keychain: untouchable }).finally(() => process.umask(umask));
      expect(vault.status()).toMatchObject({ kind: 'file' });
      expect(vault.status().summary).toContain(keyFile());
      expect(vault.status().summary).toMatch(/IZZIE_INSECURE_FILE_VAULT=1.*less safe than the OS keychain/);
      expect(vault.status().fix).toMatch(/desktop session with gnome-keyring or KWallet/);
      if (POSIX) expect(statSync(keyFile()).mode & 0o777).toBe(0o600);

      await vault.set('openrouter.api-key', 'sk-or-file-vault-value');
      const restarted = await fx.vault({ insecureFileVault: true, keychain: untouchable });
      expect(await restarted.get('openrouter.api-key')).toBe('sk-or-file-vault-value');
      expect(readFileSync(keyFile(), 'utf8')).not.toContain('sk-or-file-vault-value');
    });

    it('rotates like the keychain does, and the rewritten key file stays 0600', async () => {
      const vault = await fx.vault({ insecureFileVault: true });
      await vault.set('github.token', 'ghp_file_rotation');
      const before = JSON.parse(readFileSync(keyFile(), 'utf8')) as { accounts: Record<string, string> };
      const report = await vault.rotate();
      const after = JSON.parse(readFileSync(keyFile(), 'utf8')) as { accounts: Record<string, string> };
      expect(Object.keys(after.accounts).sort()).toEqual(['master-key.current', `master-key.${report.keyId}`].sort());
      expect(after.accounts['master-key.current']).not.toBe(before.accounts['master-key.current']);
      if (POSIX) expect(statSync(keyFile()).mode & 0o777).toBe(0o600);
      expect(await (await fx.vault({ insecureFileVault: true })).get('github.token')).toBe('ghp_file_rotation');
    });

    it.runIf(POSIX)('refuses a key file others can read, says how to fix it, and works once fixed', async () => {
      await (await fx.vault({ insecureFileVault: true })).set('github.token', 'ghp_loose_permissions');
      chmodSync(keyFile(), 0o644);

      const vault = await fx.vault({ insecureFileVault: true });
      expect(vault.status().kind).toBe('unavailable');
      expect(vault.status().summary).toMatch(/can be read or changed by other users \(mode 644\)/);
      expect(vault.status().fix).toContain(`chmod 600 ${keyFile()}`);
      expect((await rejection(vault.get('github.token'))).code).toBe('SECRETS_UNAVAILABLE');
      expect(statSync(keyFile()).mode & 0o777).toBe(0o644); // refused, not silently repaired

      chmodSync(keyFile(), 0o600);
      expect(await vault.get('github.token')).toBe('ghp_loose_permissions');
    });

    it.runIf(POSIX && ROOT)('refuses a key file owned by another user', async () => {
      await fx.vault({ insecureFileVault: true });
      chownSync(keyFile(), 65534, 65534);
      const vault = await fx.vault({ insecureFileVault: true });
      expect(vault.status()).toMatchObject({ kind: 'unavailable' });
      expect(vault.status().summary).toMatch(/belongs to another user \(uid 65534\)/);
    });

    it.runIf(POSIX)('refuses a key file that is a symlink', async () => {
      await fx.vault({ insecureFileVault: true });
      renameSync(keyFile(), join(fx.dir, 'elsewhere.key'));
      symlinkSync(join(fx.dir, 'elsewhere.key'), keyFile());
      expect((await fx.vault({ insecureFileVault: true })).status().summary).toMatch(/not a regular file/);
    });

    it('refuses a damaged key file instead of replacing it (which would lose every secret)', async () => {
      writeFileSync(keyFile(), 'not json', { mode: 0o600 });
      const vault = await fx.vault({ insecureFileVault: true });
      expect(vault.status().summary).toMatch(/damaged or not an Izzie key file/);
      expect(vault.status().fix).toMatch(/Move .*vault\.key aside/);
      expect(readFileSync(keyFile(), 'utf8')).toBe('not json');
    });

    it('is chosen only by IZZIE_INSECURE_FILE_VAULT=1 exactly', () => {
      expect(insecureFileVaultRequested({ IZZIE_INSECURE_FILE_VAULT: '1' })).toBe(true);
      for (const value of [undefined, '', '0', 'true', 'yes']) {
        expect(insecureFileVaultRequested({ IZZIE_INSECURE_FILE_VAULT: value })).toBe(false);
      }
    });
  });
});
