import { beforeEach, describe, expect, it, vi } from 'vitest';
import { openExternalWebUrl } from './open-external';
import { resetElectronStandIn, shell } from './testing/electron-stand-in';

vi.mock('electron', () => import('./testing/electron-stand-in'));

describe('openExternalWebUrl (the openExternal port)', () => {
  beforeEach(() => resetElectronStandIn());

  it('hands http and https links to the system browser', async () => {
    await openExternalWebUrl('https://example.com/a?b=c');
    await openExternalWebUrl('http://example.com');
    expect(shell.openExternal.mock.calls).toEqual([['https://example.com/a?b=c'], ['http://example.com/']]);
  });

  it.each(['file:///etc/passwd', 'javascript:alert(1)', 'smb://server/share', 'ms-settings:privacy'])(
    'rejects %s',
    async (url) => {
      await expect(openExternalWebUrl(url)).rejects.toThrow(/only opens http and https links/);
      expect(shell.openExternal).not.toHaveBeenCalled();
    },
  );

  it('rejects text that is not a URL', async () => {
    await expect(openExternalWebUrl('not a url')).rejects.toThrow(/not a valid URL/);
    expect(shell.openExternal).not.toHaveBeenCalled();
  });
});
