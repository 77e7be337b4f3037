import { expect, test } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { electronBinary } from './support/electron-binary';

// The README's first command, as a newcomer runs it on a machine without the Electron runtime.
test.describe('npm start', () => {
  test.skip(
    electronBinary() !== null,
    'Electron is installed here, so npm start opens the desktop app (see electron-app.spec.ts)',
  );

  test('says Electron is not installed, prints the headless URL, and that URL loads the app', async ({ page }) => {
    test.setTimeout(120_000);
    const home = mkdtempSync(join(tmpdir(), 'izzie-e2e-start-'));
    const child = spawn('npm', ['start', '--silent'], {
      env: { ...process.env, IZZIE_HOME: home, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      await expect.poll(() => /Open: (\S+)/.exec(output)?.[1] ?? null, { timeout: 90_000 }).not.toBeNull();
      expect(output).toContain('Electron is not installed here, so Izzie starts as the headless host');
      const url = /Open: (\S+)/.exec(output)?.[1] ?? '';
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[0-9a-f]{64}$/);
      await page.goto(url);
      await expect(page.getByRole('status').filter({ hasText: /^Connected$/ })).toBeVisible();
      // Ctrl+C in a terminal signals the whole foreground process group: Izzie must still stop cleanly.
      if (child.pid) process.kill(-child.pid, 'SIGINT');
      // npm itself ends by the signal (its exit status is npm's business); Izzie must have stopped cleanly.
      await exited;
      expect(output).toContain('Izzie stopped.');
      expect(output).not.toContain('Stopping immediately');
    } finally {
      if (child.exitCode === null && child.signalCode === null && child.pid) process.kill(-child.pid, 'SIGKILL');
      rmSync(home, { recursive: true, force: true });
    }
  });
});
