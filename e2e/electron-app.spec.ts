import { _electron as electron, expect, test } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { electronBinary } from './support/electron-binary';

const binary = electronBinary();

// The desktop shell itself. Where the Electron runtime is not installed (CI here: it cannot be
// downloaded), this is skipped and the shell is covered by src/main's unit tests with a stand-in
// electron module.
test.describe('Izzie desktop (Electron)', () => {
  test.skip(binary === null, 'Electron runtime not installed on this machine (installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1)');

  test('opens a window with the app, and a sent message is kept', async () => {
    const home = mkdtempSync(join(tmpdir(), 'izzie-e2e-electron-'));
    const app = await electron.launch({
      executablePath: binary ?? undefined,
      args: ['.'],
      env: { ...process.env, IZZIE_HOME: home },
    });
    try {
      const window = await app.firstWindow();
      await expect(window.getByRole('navigation', { name: 'Main' })).toBeVisible();
      await expect(window.getByRole('status').filter({ hasText: /^Connected$/ })).toBeVisible();
      await window.getByRole('button', { name: 'New chat' }).first().click();
      await window.getByRole('textbox', { name: 'Message' }).fill('hello from the desktop');
      await window.getByRole('button', { name: 'Send' }).click();
      await expect(window.getByRole('alert').filter({ hasText: /no model provider/i })).toBeVisible();
      expect(await window.evaluate(() => Object.keys((window as unknown as { izzie: object }).izzie).sort())).toEqual([
        'invoke',
        'on',
      ]);
    } finally {
      await app.close();
      rmSync(home, { recursive: true, force: true });
    }
  });
});
