import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../../test-support/temp-dir';
import { testPorts } from '../../../../test-support/test-ports';
import { createCore, type Core } from '../../create-core';

describe('saving a model provider', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let core: Core;
  afterEach(async () => {
    await core.stop();
    dir.remove();
  });

  it('changes nothing when the vault cannot keep the key', async () => {
    dir = makeTempDir();
    const ports = testPorts(dir.path);
    const broken = {
      ...ports,
      keychain: {
        ...ports.keychain,
        get: () => Promise.reject(new Error('Cannot autolaunch D-Bus without X11 $DISPLAY')),
        set: () => Promise.reject(new Error('Cannot autolaunch D-Bus without X11 $DISPLAY')),
      },
    };
    core = createCore(broken);
    await core.start();
    await expect(
      core.client.call('models.setProvider', { kind: 'openrouter', apiKey: 'sk-or-abcdef123456' }),
    ).rejects.toMatchObject({
      code: 'SECRETS_UNAVAILABLE',
      message: expect.stringMatching(/IZZIE_INSECURE_FILE_VAULT=1/),
    });
    const overview = await core.client.call('models.get');
    expect(overview.provider).toBeNull();
    expect(overview.vault.kind).toBe('unavailable');
  });

  it('with a key saved and the keychain then locked, Settings still loads and a sent message is kept', async () => {
    dir = makeTempDir();
    const ports = testPorts(dir.path);
    let locked = false;
    const refuse = () => Promise.reject(new Error('Cannot create an item in a locked collection'));
    const keychain = {
      ...ports.keychain,
      get: (account: string) => (locked ? refuse() : ports.keychain.get(account)),
      set: (account: string, value: string) => (locked ? refuse() : ports.keychain.set(account, value)),
    };
    core = createCore({ ...ports, keychain });
    await core.start();
    await core.client.call('models.setProvider', { kind: 'openrouter', apiKey: 'sk-or-abcdef123456' });
    await core.stop();
    locked = true;
    await core.start();

    const overview = await core.client.call('models.get');
    expect(overview).toMatchObject({ provider: { kind: 'openrouter', apiKeySet: true }, vault: { kind: 'unavailable' } });

    const thread = await core.client.call('threads.create', {});
    await core.client.call('messages.send', { threadId: thread.id, content: 'Still here?' });
    await expect
      .poll(async () => (await core.client.call('messages.list', { threadId: thread.id })).messages[0]?.deliveryError?.code)
      .toBe('SECRETS_UNAVAILABLE');
    const [user] = (await core.client.call('messages.list', { threadId: thread.id })).messages;
    expect(user?.content).toBe('Still here?');
  });
});
