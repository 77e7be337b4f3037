import { expect, test, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHost, type HostProcess } from './support/headless-process';

// The app as a person uses it: the built headless host, a real Chromium, a real data directory.
test.describe('Izzie in the browser (headless host)', () => {
  let home: string;
  let host: HostProcess | null = null;
  test.beforeEach(() => {
    home = mkdtempSync(join(tmpdir(), 'izzie-e2e-app-'));
  });
  test.afterEach(async () => {
    await host?.stop();
    host = null;
    rmSync(home, { recursive: true, force: true });
  });

  const connected = (page: Page) => expect(page.getByRole('status').filter({ hasText: /^Connected$/ })).toBeVisible();

  test('a message sent in a new thread shows the provider notice and survives a reload and a restart', async ({ page }) => {
    host = await startHost(home);
    await page.goto(host.url);
    await connected(page);
    expect(page.url()).not.toContain('token='); // the token left the address bar

    await page.getByRole('button', { name: 'New chat' }).first().click();
    const composer = page.getByRole('textbox', { name: 'Message' });
    await composer.fill('Can you summarise my unread mail?');
    await page.getByRole('button', { name: 'Send' }).click();

    const log = page.getByRole('log', { name: 'Messages' });
    await expect(log).toContainText('Can you summarise my unread mail?');
    const notice = page.getByRole('alert').filter({ hasText: /no model provider/i });
    await expect(notice).toBeVisible();
    await expect(
      notice.getByRole('link', { name: 'Open Settings' }).or(notice.getByRole('button', { name: 'Open Settings' })),
    ).toBeVisible();
    await expect(composer).toHaveValue('');
    await page.screenshot({ path: test.info().outputPath('chat-provider-notice.png'), fullPage: true });

    await page.reload();
    await connected(page);
    const thread = page.getByRole('list', { name: 'Threads' }).getByText('Can you summarise my unread mail?').first();
    await expect(thread).toBeVisible();
    await thread.click();
    await expect(page.getByRole('log', { name: 'Messages' })).toContainText('Can you summarise my unread mail?');
    await expect(page.getByRole('alert').filter({ hasText: /no model provider/i })).toBeVisible();

    expect(await host.stop()).toBe(0);
    host = await startHost(home);
    await page.goto(host.url);
    await connected(page);
    await page.getByRole('list', { name: 'Threads' }).getByText('Can you summarise my unread mail?').first().click();
    await expect(page.getByRole('log', { name: 'Messages' })).toContainText('Can you summarise my unread mail?');
    await page.screenshot({ path: test.info().outputPath('after-restart.png'), fullPage: true });
  });

  test('Open Settings leads to the settings page with where the data lives', async ({ page }) => {
    host = await startHost(home);
    await page.goto(host.url);
    await connected(page);
    await page.getByRole('button', { name: 'New chat' }).first().click();
    await page.getByRole('textbox', { name: 'Message' }).fill('hello');
    await page.getByRole('textbox', { name: 'Message' }).press('Enter');
    const notice = page.getByRole('alert').filter({ hasText: /no model provider/i });
    await notice
      .getByRole('link', { name: 'Open Settings' })
      .or(notice.getByRole('button', { name: 'Open Settings' }))
      .click();
    await expect(
      page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('button', { name: 'Settings' })
        .or(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' })),
    ).toHaveAttribute('aria-current', 'page');
    await expect(page.getByText(home, { exact: false }).first()).toBeVisible();
    await page.screenshot({ path: test.info().outputPath('settings.png'), fullPage: true });
  });

  test('threads can be renamed and deleted', async ({ page }) => {
    host = await startHost(home);
    await page.goto(host.url);
    await connected(page);
    await page.getByRole('button', { name: 'New chat' }).first().click();
    const threads = page.getByRole('list', { name: 'Threads' });
    await expect(threads.getByRole('listitem')).toHaveCount(1);
    await threads.getByRole('button', { name: 'Rename thread' }).first().click();
    const title = page.getByRole('textbox', { name: 'Thread title' });
    await title.fill('Quarterly planning');
    await title.press('Enter');
    await expect(threads).toContainText('Quarterly planning');
    await page.reload();
    await connected(page);
    await expect(page.getByRole('list', { name: 'Threads' })).toContainText('Quarterly planning');
    await page.getByRole('list', { name: 'Threads' }).getByRole('button', { name: 'Delete thread' }).first().click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
    await expect(page.getByRole('list', { name: 'Threads' }).getByRole('listitem')).toHaveCount(0);
  });

  test('every section is reachable from the keyboard and shows an honest empty state', async ({ page }) => {
    host = await startHost(home);
    await page.goto(host.url);
    await connected(page);
    const nav = page.getByRole('navigation', { name: 'Main' });
    for (const name of ['Approvals', 'Activity', 'Memory', 'Audit', 'Integrations', 'Settings', 'Chat']) {
      const item = nav.getByRole('button', { name }).or(nav.getByRole('link', { name }));
      await item.focus();
      await page.keyboard.press('Enter');
      await expect(item).toHaveAttribute('aria-current', 'page');
    }
  });

  test('without a token the page explains how to open Izzie, and a wrong token never connects', async ({ page }) => {
    host = await startHost(home);
    await page.goto(`http://127.0.0.1:${host.port}/`);
    await expect(page.getByText(/link printed by/i)).toBeVisible();
    await page.goto(`http://127.0.0.1:${host.port}/#token=${'0'.repeat(40)}`);
    await expect(page.getByRole('status').filter({ hasText: /^Connected$/ })).toHaveCount(0);
    await expect(page.getByText(/token may be wrong|re-open the link/i).first()).toBeVisible({ timeout: 30_000 });
  });

  test('after a restart with a new token, pasting the new link into the open tab reconnects', async ({ page }) => {
    host = await startHost(home, { token: 'first-launch-token-1234' });
    await page.goto(host.url);
    await connected(page);
    await page.getByRole('button', { name: 'New chat' }).first().click();
    expect(await host.stop()).toBe(0);
    host = await startHost(home, { token: 'second-launch-token-5678', port: host.port });
    await page.goto(host.url);
    await connected(page);
    await expect(page.getByRole('list', { name: 'Threads' }).getByRole('listitem')).toHaveCount(1);
  });
});
