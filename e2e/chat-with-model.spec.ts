import { expect, test, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fakeStep, startFakeModelServer, type FakeModelServer } from '../test-support/fake-model-server';
import { startHost, type HostProcess } from './support/headless-process';
import { attachFailureDiagnostics, recordPageActivity } from './support/diagnostics';

const API_KEY = 'sk-e2e-0123456789abcdef';

// Issue #3 as a person meets it: a provider set up in Settings, a streamed reply with a tool card,
// a provider failing and recovering, and Stop on a reply that hangs. The model is a local
// OpenAI-compatible fake reached through the real openai SDK inside the real headless host.
test.describe('chatting with a model', () => {
  let home: string;
  let fake: FakeModelServer;
  let host: HostProcess | null = null;
  let pageActivity: () => string = () => '';

  test.beforeEach(async ({ page }) => {
    pageActivity = recordPageActivity(page);
    home = mkdtempSync(join(tmpdir(), 'izzie-e2e-chat-'));
    fake = await startFakeModelServer({ requireApiKey: API_KEY, models: ['fake/alpha', 'fake/beta'] });
    host = await startHost(home);
  });
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the fixtures argument to be a destructuring pattern
  test.afterEach(async ({}, testInfo) => {
    await attachFailureDiagnostics(testInfo, { host, home, pageActivity });
    await host?.stop();
    await fake.close();
    rmSync(home, { recursive: true, force: true });
  });

  // Replies only: after each finished reply, memory extraction asks the cheap tier in the background
  // (unscripted here, so it fails quietly and learns nothing).
  const isExtraction = (body: unknown) => JSON.stringify(body).includes('You extract durable memories');
  const replyRequests = () => fake.requests.filter((r) => r.path.endsWith('/chat/completions') && !isExtraction(r.body));
  const chatRequests = () => replyRequests().length;

  async function configureProvider(page: Page): Promise<void> {
    await page.goto(host?.url ?? '');
    await expect(page.getByRole('status').filter({ hasText: /^Connected$/ })).toBeVisible();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
    const models = page.getByRole('region', { name: 'Models' });
    await models.getByRole('radiogroup', { name: 'Provider' }).getByRole('radio', { name: 'Custom' }).check();
    await models.getByRole('textbox', { name: 'Base URL' }).fill(fake.url);
    await models.getByLabel('API key').fill('sk-wrong-key');
    await models.getByRole('button', { name: 'Test connection' }).click();
    await expect(models.getByRole('status').filter({ hasText: /401|key/i })).toBeVisible();
    await models.getByLabel('API key').fill(API_KEY);
    await models.getByRole('button', { name: 'Test connection' }).click();
    await expect(models.getByRole('status').filter({ hasText: 'Connected — 2 models available' })).toBeVisible();
    await models.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(models.getByText('Key saved')).toBeVisible();
    await expect(models.getByLabel('API key')).toHaveCount(0);
    await page.screenshot({ path: test.info().outputPath('settings-models.png'), fullPage: true });
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Chat' }).click();
  }

  async function send(page: Page, text: string): Promise<void> {
    await page.getByRole('textbox', { name: 'Message' }).fill(text);
    await page.getByRole('button', { name: 'Send' }).click();
  }

  test('a configured provider answers in a stream, with a card for the tool it used', async ({ page }) => {
    await configureProvider(page);
    fake.enqueue(fakeStep.toolCalls([{ id: 'call_1', name: 'current_time', argumentChunks: ['{"timeZone":', '"UTC"}'] }]));
    fake.enqueue(
      fakeStep.text(['It is ', '**nine** ', 'o’clock.'], { usage: { promptTokens: 120, completionTokens: 8, cost: 0.0004 } }),
    );
    await page.getByRole('button', { name: 'New chat' }).first().click();
    await send(page, 'What time is it?');
    const log = page.getByRole('log', { name: 'Messages' });
    await expect(log.getByRole('group', { name: 'Tool call current_time' })).toBeVisible();
    await expect(log.getByRole('group', { name: 'Tool call current_time' })).toContainText('Done');
    await expect(log).toContainText('It is nine o’clock.');
    await expect(log.locator('strong', { hasText: 'nine' })).toBeVisible();
    // usage sums both rounds (tool call + answer); cost is shown only when every round reported one
    await expect(log).toContainText(/anthropic\/claude-sonnet-4 · \d[\d,]* tokens · \d+ (ms|s)/);
    await page.screenshot({ path: test.info().outputPath('chat-tool-card.png'), fullPage: true });
    expect(chatRequests()).toBe(2);
    // the saved key from the vault is what the chat calls carried (the wrong one was only tested)
    for (const r of replyRequests()) {
      expect(r.headers.authorization).toBe(`Bearer ${API_KEY}`);
    }
  });

  test('a failing provider shows the error, and Retry works once it recovers', async ({ page }) => {
    await configureProvider(page);
    for (let i = 0; i < 3; i++) fake.enqueue(fakeStep.error(500, { message: 'upstream exploded' }));
    await page.getByRole('button', { name: 'New chat' }).first().click();
    await send(page, 'Summarize my day');
    const alert = page.getByRole('log', { name: 'Messages' }).getByRole('alert');
    await expect(alert).toContainText(/500|upstream exploded/, { timeout: 20_000 });
    expect(chatRequests()).toBe(3);
    fake.enqueue(fakeStep.text('Your day is clear.'));
    await alert.getByRole('button', { name: 'Retry' }).click();
    await expect(page.getByRole('log', { name: 'Messages' })).toContainText('Your day is clear.');
    await expect(page.getByRole('log', { name: 'Messages' }).getByRole('alert')).toHaveCount(0);
  });

  test('Stop ends a reply that hangs, keeps what arrived, and sends nothing more', async ({ page }) => {
    await configureProvider(page);
    fake.enqueue(fakeStep.text(['Let me think about ', 'this carefully', ' and more'], { stallAfter: 2 }));
    await page.getByRole('button', { name: 'New chat' }).first().click();
    await send(page, 'A hard question');
    const log = page.getByRole('log', { name: 'Messages' });
    await expect(log).toContainText('Let me think about this carefully');
    await page.getByRole('button', { name: 'Stop' }).click();
    await expect(log).toContainText('Stopped');
    await expect(page.getByRole('button', { name: 'Send' })).toBeVisible();
    const before = chatRequests();
    await page.waitForTimeout(1500);
    expect(chatRequests()).toBe(before);
    await page.reload();
    await page.getByRole('list', { name: 'Threads' }).getByText('A hard question').first().click();
    await expect(page.getByRole('log', { name: 'Messages' })).toContainText('Let me think about this carefully');
    await expect(page.getByRole('log', { name: 'Messages' })).toContainText('Stopped');
  });
});
