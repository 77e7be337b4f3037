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
});
