import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type * as keytarApi from 'keytar';
import { makeTempDir } from '../../../test-support/temp-dir';
import { CURRENT_KEY_ACCOUNT, keyAccount } from './master-keys';
import { createOsKeychain } from './os-keychain';
import { vaultFixture, type VaultFixture } from '../../../test-support/vault-test-kit';

type Keytar = typeof keytarApi;

/**
 * Against the real Secret Service (gnome-keyring): `npm test` and
 * `node scripts/with-keyring.mjs npx vitest run src/core/secrets` run this inside a private, unlocked
 * keyring. Each run uses its own service name and deletes its entries afterwards. Without a session
 * bus (a bare `npx vitest run` on a headless box) the suite is skipped — except in CI, where a
 * missing keyring must fail loudly rather than pass by skipping.
 */
const reachable = process.platform !== 'linux' || Boolean(process.env.DBUS_SESSION_BUS_ADDRESS) || Boolean(process.env.CI);

describe.runIf(reachable)('vault on the real OS keychain', () => {
  const service = `izzie-test-${randomUUID()}`;
  let keytar: Keytar;
  let fx: VaultFixture;
  beforeAll(async () => {
    const module = (await import('keytar')) as Keytar & { default?: Keytar };
    keytar = module.default ?? module;
    fx = vaultFixture();
  });
  afterAll(async () => {
    fx.close();
    for (const { account } of await keytar.findCredentials(service)) await keytar.deletePassword(service, account);
    expect(await keytar.findCredentials(service)).toEqual([]);
  });
  const openOnOsKeychain = () => fx.vault({ keychain: createOsKeychain(service) });

  it('creates the master key in the keychain on first open and round-trips a secret', async () => {
    const vault = await openOnOsKeychain();
    expect(vault.status()).toEqual({
      kind: 'keychain',
      summary: `Secrets are encrypted with a master key kept in ${createOsKeychain(service).description}.`,
      fix: null,
    });
    const keyId = await keytar.getPassword(service, CURRENT_KEY_ACCOUNT);
    expect(keyId).toMatch(/^[0-9a-f]{16}$/);
    const key = await keytar.getPassword(service, keyAccount(keyId as string));
    expect(Buffer.from(key as string, 'base64')).toHaveLength(32);

    await vault.set('openrouter.api-key', 'sk-or-v1-real-keychain-0123456789');
    expect(await vault.get('openrouter.api-key')).toBe('sk-or-v1-real-keychain-0123456789');
    expect(fx.bytesOnDisk().includes(key as string)).toBe(false);
    expect(fx.bytesOnDisk().includes('sk-or-v1-real-keychain-0123456789')).toBe(false);
  });

  it('a second vault instance on the same database and keychain reads the secret (the key persisted)', async () => {
    const restarted = await openOnOsKeychain();
    expect(restarted.status().kind).toBe('keychain');
    expect(await restarted.get('openrouter.api-key')).toBe('sk-or-v1-real-keychain-0123456789');
  });

  it('rotation changes the key id, deletes the old key and keeps every secret readable', async () => {
    const vault = await openOnOsKeychain();
    await vault.set('github.token', 'ghp_real_keychain_rotation');
    const before = await keytar.getPassword(service, CURRENT_KEY_ACCOUNT);

    const report = await vault.rotate();

    expect(report.previousKeyId).toBe(before);
    expect(report.keyId).not.toBe(before);
    expect(report.reencrypted).toBe(2);
    expect(await keytar.getPassword(service, CURRENT_KEY_ACCOUNT)).toBe(report.keyId);
    expect(await keytar.getPassword(service, keyAccount(before as string))).toBeNull();
    const restarted = await openOnOsKeychain();
    expect(await restarted.get('github.token')).toBe('ghp_real_keychain_rotation');
    expect(await restarted.get('openrouter.api-key')).toBe('sk-or-v1-real-keychain-0123456789');
  });

  it('is unavailable with a reinstall fix when keytar itself cannot be loaded', async () => {
    // The real error Node gives when the module is not installed, from a directory without node_modules.
    const nowhere = makeTempDir();
    try {
      const loadFromNowhere = async () => createRequire(join(nowhere.path, 'x.js'))('keytar') as unknown;
      const vault = await fx.vault({ keychain: createOsKeychain(service, loadFromNowhere) });
      expect(vault.status().kind).toBe('unavailable');
      expect(vault.status().summary).toMatch(/keychain module \(keytar\) could not be loaded \(Cannot find module 'keytar'/);
      expect(vault.status().fix).toMatch(/Reinstall Izzie.*IZZIE_INSECURE_FILE_VAULT=1/s);
      await expect(vault.get('github.token')).rejects.toMatchObject({ code: 'SECRETS_UNAVAILABLE' });
    } finally {
      nowhere.remove();
    }
  });
});
