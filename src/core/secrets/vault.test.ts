import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { CoreError } from '../errors';
import { CURRENT_KEY_ACCOUNT, keyAccount } from './master-keys';
import { vaultFixture, type VaultFixture } from '../../../test-support/vault-test-kit';

const API_KEY = 'sk-or-v1-3f9a7c1e5b2d4f6a8c0e1b3d5f7a9c2e4b6d8f0a';

describe('vault (in-memory keychain, real SQLite)', () => {
  let fx: VaultFixture;
  beforeEach(() => {
    fx = vaultFixture();
  });
  afterEach(() => fx.close());

  const rowOf = (name: string) =>
    fx.db.prepare('SELECT key_id, iv, ciphertext, auth_tag FROM secrets WHERE name = ?').get(name) as {
      key_id: string;
      iv: Buffer;
      ciphertext: Buffer;
      auth_tag: Buffer;
    };
  const rejection = async (promise: Promise<unknown>): Promise<CoreError> => {
    const error = await promise.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CoreError);
    return error as CoreError;
  };

  it('keeps one 32-byte master key in the keychain and says so in its status', async () => {
    const vault = await fx.vault();
    expect(vault.status()).toEqual({
      kind: 'keychain',
      summary: 'Secrets are encrypted with a master key kept in an in-memory test keychain.',
      fix: null,
    });
    const keyId = fx.keychain.entries.get(CURRENT_KEY_ACCOUNT);
    expect(keyId).toMatch(/^[0-9a-f]{16}$/);
    expect([...fx.keychain.entries.keys()].sort()).toEqual([CURRENT_KEY_ACCOUNT, keyAccount(keyId as string)].sort());
    expect(Buffer.from(fx.keychain.entries.get(keyAccount(keyId as string)) as string, 'base64')).toHaveLength(32);
  });

  it('round-trips a secret, and a second vault on the same database and keychain reads it', async () => {
    const vault = await fx.vault();
    await vault.set('openrouter.api-key', API_KEY);
    expect(await vault.get('openrouter.api-key')).toBe(API_KEY);
    expect(await vault.get('github.token')).toBeNull();

    const restarted = await fx.vault();
    expect(await restarted.get('openrouter.api-key')).toBe(API_KEY);
    expect(restarted.has('openrouter.api-key')).toBe(true);
    expect(restarted.has('github.token')).toBe(false);
  });

  it('replacing a value keeps created_at and moves updated_at', async () => {
    let now = 1000;
    const vault = await fx.vault({ clock: { now: () => now } });
    await vault.set('github.token', 'ghp_first_value_1234');
    now = 2000;
    await vault.set('github.token', 'ghp_second_value_5678');
    expect(await vault.get('github.token')).toBe('ghp_second_value_5678');
    expect(fx.db.prepare('SELECT created_at, updated_at FROM secrets').get()).toEqual({ created_at: 1000, updated_at: 2000 });
  });

  it('never writes the plaintext or the master key to the database file, its WAL or the log', async () => {
    const vault = await fx.vault();
    await vault.set('openrouter.api-key', API_KEY);
    await vault.get('openrouter.api-key');
    await vault.rotate();
    fx.log.info('after rotation', { note: `the vault registered the key with the redactor: ${API_KEY}` });
    const masterKeys = [...fx.keychain.entries.entries()]
      .filter(([account]) => account !== CURRENT_KEY_ACCOUNT)
      .map(([, value]) => value);
    expect(masterKeys).toHaveLength(1);

    const disk = fx.bytesOnDisk();
    expect(readFileSync(`${fx.dbFile}-wal`).length).toBeGreaterThan(0);
    expect(disk.includes(API_KEY)).toBe(false);
    expect(disk.includes(Buffer.from(API_KEY, 'utf16le'))).toBe(false);
    for (const key of masterKeys) {
      expect(disk.includes(key)).toBe(false);
      expect(disk.includes(Buffer.from(key, 'base64'))).toBe(false);
    }
    expect(disk.includes('openrouter.api-key')).toBe(true); // names are not secret, and prove the scan sees the files

    // The scan itself can fail: plaintext stored anywhere else in the same file is found.
    fx.db.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('leak', ?, 1)").run(JSON.stringify(API_KEY));
    expect(fx.bytesOnDisk().includes(API_KEY)).toBe(true);
  });

  it('seals every value with a fresh random IV', async () => {
    const vault = await fx.vault();
    await vault.set('a.token', 'same-value');
    await vault.set('b.token', 'same-value');
    const [a, b] = [rowOf('a.token'), rowOf('b.token')];
    expect(a.iv.equals(b.iv)).toBe(false);
    expect(a.ciphertext.equals(b.ciphertext)).toBe(false);
  });

  it.each(['iv', 'auth_tag', 'ciphertext'] as const)(
    'detects a tampered %s and never returns what it decrypts to',
    async (column) => {
      const vault = await fx.vault();
      await vault.set('slack.token', 'xoxb-123456789-abcdefghij');
      const bytes = Buffer.from(rowOf('slack.token')[column]);
      bytes[0] = (bytes[0] ?? 0) ^ 0x01;
      fx.db.prepare(`UPDATE secrets SET ${column} = ? WHERE name = 'slack.token'`).run(bytes);

      const error = await rejection(vault.get('slack.token'));
      expect(error.code).toBe('SECRETS_UNAVAILABLE');
      expect(error.message).toMatch(/slack\.token cannot be decrypted: .*changed or damaged.*Enter the secret again/);
      expect(error.message).not.toMatch(/Unsupported state|unable to authenticate/);
    },
  );

  it('fails when two rows swap ciphertexts, because the name is authenticated data', async () => {
    const vault = await fx.vault();
    await vault.set('work.token', 'work-secret-value');
    await vault.set('personal.token', 'personal-secret-value');
    const [work, personal] = [rowOf('work.token'), rowOf('personal.token')];
    const put = fx.db.prepare('UPDATE secrets SET iv = ?, ciphertext = ?, auth_tag = ? WHERE name = ?');
    put.run(personal.iv, personal.ciphertext, personal.auth_tag, 'work.token');
    put.run(work.iv, work.ciphertext, work.auth_tag, 'personal.token');

    expect((await rejection(vault.get('work.token'))).message).toMatch(/work\.token cannot be decrypted/);
    expect((await rejection(vault.get('personal.token'))).message).toMatch(/personal\.token cannot be decrypted/);
  });

  it('explains a row sealed with a key the keychain no longer has, and re-entering it works', async () => {
    const vault = await fx.vault();
    await vault.set('linear.api-key', 'lin_api_abcdef123456');
    const lostKeyId = rowOf('linear.api-key').key_id;
    fx.keychain.entries.clear(); // the keychain was reset

    const restarted = await fx.vault();
    expect(restarted.status().kind).toBe('keychain');
    expect(restarted.status().summary).toMatch(
      /1 saved secret\(s\) \(linear\.api-key\) were encrypted with a key .* no longer has/,
    );
    expect(restarted.status().fix).toBe('Enter linear.api-key again.');
    const error = await rejection(restarted.get('linear.api-key'));
    expect(error.code).toBe('SECRETS_UNAVAILABLE');
    expect(error.message).toContain(`master key ${lostKeyId}, which an in-memory test keychain no longer has`);
    expect(error.message).toMatch(/Enter the secret again/);

    await restarted.set('linear.api-key', 'lin_api_reentered_987');
    expect(await restarted.get('linear.api-key')).toBe('lin_api_reentered_987');
  });

  it.each([
    ['empty', ''],
    ['upper case', 'OpenRouter'],
    ['leading dot', '.hidden'],
    ['path', '../etc/passwd'],
    ['space', 'api key'],
    ['too long', 'a'.repeat(129)],
  ])('rejects a %s name with INVALID_INPUT', async (_label, name) => {
    const vault = await fx.vault();
    for (const call of [vault.get(name), vault.set(name, 'value'), vault.delete(name)]) {
      expect((await rejection(call)).code).toBe('INVALID_INPUT');
    }
    expect(() => vault.has(name)).toThrow(CoreError);
    expect(vault.names()).toEqual([]);
  });

  it('accepts a 128-character name and a 64 KiB value, and rejects empty, larger or broken values without quoting them', async () => {
    const vault = await fx.vault();
    const longest = 'a'.repeat(128);
    await vault.set(longest, 'x'.repeat(64 * 1024));
    expect(await vault.get(longest)).toHaveLength(64 * 1024);

    for (const value of ['', 'é'.repeat(32 * 1024 + 1), `token-${'\ud800'}-tail`]) {
      const error = await rejection(vault.set('big.value', value));
      expect(error.code).toBe('INVALID_INPUT');
      if (value) expect(error.message).not.toContain(value.slice(0, 12));
    }
    expect(vault.has('big.value')).toBe(false);
  });

  it('deletes a secret, and deleting again (or something never stored) is fine', async () => {
    const vault = await fx.vault();
    await vault.set('github.token', 'ghp_abcdef123456');
    await vault.set('slack.token', 'xoxb-abcdef123456');
    expect(vault.names()).toEqual(['github.token', 'slack.token']);

    await vault.delete('github.token');
    await vault.delete('github.token');
    await vault.delete('never.stored');
    expect(vault.names()).toEqual(['slack.token']);
    expect(await vault.get('github.token')).toBeNull();
    expect(await vault.get('slack.token')).toBe('xoxb-abcdef123456');
  });

  it('masks every value it handled in later log lines, even when other code logs it', async () => {
    const vault = await fx.vault();
    await vault.set('openrouter.api-key', API_KEY);
    fx.log.child('models').error('request failed', { url: `https://x.test/?key=${API_KEY}` });
    const log = readFileSync(fx.log.file, 'utf8');
    expect(log).toContain('[redacted]');
    expect(log).not.toContain(API_KEY);
    expect(log).toContain('"scope":"izzie.vault"');
  });
});
