import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CURRENT_KEY_ACCOUNT, keyAccount } from './master-keys';
import { failingKeychain, vaultFixture, type KeychainCall, type VaultFixture } from '../../../test-support/vault-test-kit';
import type { Vault } from './vault';

const SECRETS = {
  'github.token': 'ghp_0123456789abcdefghij',
  'openrouter.api-key': 'sk-or-v1-abcdef0123456789',
  'slack.token': 'xoxb-0123-4567-abcdef',
} as const;

describe('vault key rotation', () => {
  let fx: VaultFixture;
  beforeEach(() => {
    fx = vaultFixture();
  });
  afterEach(() => fx.close());

  const seed = async (vault: Vault) => {
    for (const [name, value] of Object.entries(SECRETS)) await vault.set(name, value);
  };
  const expectAllReadable = async (vault: Vault) => {
    for (const [name, value] of Object.entries(SECRETS)) expect(await vault.get(name)).toBe(value);
  };
  const rowKeyIds = () =>
    (fx.db.prepare('SELECT DISTINCT key_id FROM secrets').all() as Array<{ key_id: string }>).map((r) => r.key_id);
  const currentKeyId = () => fx.keychain.entries.get(CURRENT_KEY_ACCOUNT);

  it('re-encrypts every secret under a new key, moves current to it and deletes the old key', async () => {
    const vault = await fx.vault();
    await seed(vault);
    const before = currentKeyId() as string;
    const ivsBefore = fx.db.prepare('SELECT iv FROM secrets ORDER BY name').all();

    const report = await vault.rotate();

    expect(report).toMatchObject({ previousKeyId: before, reencrypted: 3, unreadable: [], keptKeyIds: [] });
    expect(report.keyId).not.toBe(before);
    expect(currentKeyId()).toBe(report.keyId);
    expect(rowKeyIds()).toEqual([report.keyId]);
    expect(fx.keychain.entries.has(keyAccount(before))).toBe(false);
    expect([...fx.keychain.entries.keys()].sort()).toEqual([CURRENT_KEY_ACCOUNT, keyAccount(report.keyId)].sort());
    expect(fx.db.prepare('SELECT iv FROM secrets ORDER BY name').all()).not.toEqual(ivsBefore);
    await expectAllReadable(vault);
    await expectAllReadable(await fx.vault());
  });

  /**
   * A crash is simulated by a failure at one step, then a "restart": a new Vault on the same
   * database and keychain. Whatever step failed, every secret must read back, new secrets must
   * work, and a later rotation must finish the job.
   */
  const steps: Array<{ step: string; keychainFails?: (call: KeychainCall, account: string) => boolean; txFails?: boolean }> = [
    { step: '1: storing the new key', keychainFails: (call, account) => call === 'set' && account !== CURRENT_KEY_ACCOUNT },
    { step: '2: the re-encryption transaction, half-way through', txFails: true },
    {
      step: '3: moving the current pointer',
      keychainFails: (call, account) => call === 'set' && account === CURRENT_KEY_ACCOUNT,
    },
    { step: '4: deleting the old key', keychainFails: (call) => call === 'delete' },
  ];

  it.each(steps)('a failure at step $step leaves every secret readable, now and after a restart', async (scenario) => {
    let failing = false;
    const keychain = failingKeychain(fx.keychain, (call, account) =>
      failing && scenario.keychainFails?.(call, account) ? 'simulated crash' : null,
    );
    const vault = await fx.vault({ keychain });
    await seed(vault);
    const before = currentKeyId() as string;

    failing = true;
    if (scenario.txFails) {
      // A real SQLite failure inside the transaction, after the first row was already re-sealed.
      fx.db.exec(`CREATE TEMP TRIGGER crash BEFORE UPDATE ON secrets WHEN OLD.name = 'openrouter.api-key'
                  BEGIN SELECT RAISE(ABORT, 'simulated crash'); END`);
    }
    const outcome = await vault.rotate().then(
      (report) => ({ report }),
      (error: Error) => ({ error }),
    );
    failing = false;
    if (scenario.txFails) fx.db.exec('DROP TRIGGER crash');

    if (scenario.step.startsWith('4')) {
      // The rotation itself is complete; the unused old key is reported, not fatal.
      expect('report' in outcome && outcome.report.keptKeyIds).toEqual([before]);
    } else {
      expect('error' in outcome && outcome.error.message).toMatch(/simulated crash/);
    }
    if (scenario.txFails) {
      expect('error' in outcome && outcome.error).toMatchObject({
        code: 'INTERNAL',
        message: expect.stringMatching(/still readable .*The database refused the update \(simulated crash\)/),
      });
    }
    if (scenario.keychainFails && !scenario.step.startsWith('4')) {
      expect('error' in outcome && outcome.error).toMatchObject({
        code: 'SECRETS_UNAVAILABLE',
        message: expect.stringMatching(/^Key rotation stopped before it finished; every secret is still readable/),
      });
    }
    if (scenario.step.startsWith('1') || scenario.step.startsWith('2')) {
      expect(rowKeyIds()).toEqual([before]); // nothing was re-sealed: the transaction rolled back
      expect(currentKeyId()).toBe(before);
    }
    if (scenario.step.startsWith('3')) {
      expect(currentKeyId()).toBe(before); // rows are under the new key, the pointer still names the old one
      expect(rowKeyIds()).not.toEqual([before]);
    }

    await expectAllReadable(vault);
    const restarted = await fx.vault();
    expect(restarted.status().kind).toBe('keychain');
    await expectAllReadable(restarted);
    await restarted.set('late.token', 'written-after-the-crash');

    const report = await restarted.rotate();
    expect(report.unreadable).toEqual([]);
    expect(rowKeyIds()).toEqual([report.keyId]);
    expect(fx.keychain.entries.has(keyAccount(before))).toBe(scenario.step.startsWith('4')); // an orphan nobody names
    await expectAllReadable(await fx.vault());
    expect(await (await fx.vault()).get('late.token')).toBe('written-after-the-crash');
  });

  it('leaves an unreadable row exactly as it was, reports it, and keeps the key it names', async () => {
    const vault = await fx.vault();
    await seed(vault);
    const before = currentKeyId() as string;
    fx.db.prepare("UPDATE secrets SET auth_tag = zeroblob(16) WHERE name = 'slack.token'").run();
    const damaged = fx.db.prepare("SELECT * FROM secrets WHERE name = 'slack.token'").get();

    const report = await vault.rotate();

    expect(report).toMatchObject({ reencrypted: 2, unreadable: ['slack.token'], keptKeyIds: [before] });
    expect(fx.db.prepare("SELECT * FROM secrets WHERE name = 'slack.token'").get()).toEqual(damaged);
    expect(fx.keychain.entries.has(keyAccount(before))).toBe(true);
    expect(await vault.get('github.token')).toBe(SECRETS['github.token']);
    await expect(vault.get('slack.token')).rejects.toThrow(/cannot be decrypted/);
  });

  it('a set issued while a rotation runs is sealed with a key that still exists', async () => {
    const vault = await fx.vault();
    await seed(vault);
    const rotation = vault.rotate();
    const write = vault.set('racing.token', 'set-during-rotation');
    const [report] = await Promise.all([rotation, write]);

    expect(rowKeyIds()).toEqual([report.keyId]);
    const restarted = await fx.vault();
    expect(await restarted.get('racing.token')).toBe('set-during-rotation');
    await expectAllReadable(restarted);
  });
});
