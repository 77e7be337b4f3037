import { expect, test } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fakeStep, startFakeModelServer, type FakeModelServer } from '../test-support/fake-model-server';
import { attachFailureDiagnostics, recordPageActivity } from './support/diagnostics';
import { startHost, type HostProcess } from './support/headless-process';

const API_KEY = 'sk-e2e-memory-0123456789';
const FACT = 'The user’s manager is Dana Reyes, on Project Atlas';

// Issue #5 as a person meets it: "remember that …" in chat, the fact on the Memory page with its
// source, Dana ↔ Atlas in the entity view, and deleting it. The model (chat reply, then the cheap
// tier's extraction answer) is a local OpenAI-compatible fake; embeddings are the real local model.
test.describe('memory', () => {
  let home: string;
  let fake: FakeModelServer;
  let host: HostProcess | null = null;
  let pageActivity: () => string = () => '';

  test.beforeEach(async ({ page }) => {
    pageActivity = recordPageActivity(page);
    home = mkdtempSync(join(tmpdir(), 'izzie-e2e-memory-'));
    fake = await startFakeModelServer({ requireApiKey: API_KEY, models: ['fake/alpha'] });
    host = await startHost(home);
  });
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the fixtures argument to be a destructuring pattern
  test.afterEach(async ({}, testInfo) => {
    await attachFailureDiagnostics(testInfo, { host, home, pageActivity });
    await host?.stop();
    await fake.close();
    rmSync(home, { recursive: true, force: true });
  });

  test('a fact remembered in chat shows with its source and entities, and is gone once deleted', async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto(host?.url ?? '');
    await expect(page.getByRole('status').filter({ hasText: /^Connected$/ })).toBeVisible();
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('button', { name: 'Settings' }).click();
    const models = page.getByRole('region', { name: 'Models' });
    await models.getByRole('radiogroup', { name: 'Provider' }).getByRole('radio', { name: 'Custom' }).check();
    await models.getByRole('textbox', { name: 'Base URL' }).fill(fake.url);
    await models.getByLabel('API key').fill(API_KEY);
    await models.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(models.getByText('Key saved')).toBeVisible();

    fake.enqueue(fakeStep.text('Got it — I’ll remember that Dana Reyes is your manager on Project Atlas.'));
    fake.enqueue(
      fakeStep.text(
        JSON.stringify({
          facts: [
            {
              content: FACT,
              kind: 'relationship',
              namespace: 'work',
              confidence: 0.95,
              entities: [
                { name: 'Dana Reyes', kind: 'person', aliases: ['Dana'] },
                { name: 'Project Atlas', kind: 'project', aliases: ['Atlas'] },
              ],
              relations: [{ from: 'Dana Reyes', type: 'works_on', to: 'Project Atlas' }],
              contradicts: [],
            },
          ],
        }),
      ),
    );
    await nav.getByRole('button', { name: 'Chat' }).click();
    await page.getByRole('button', { name: 'New chat' }).first().click();
    await page.getByRole('textbox', { name: 'Message' }).fill('remember that my manager is Dana Reyes on Project Atlas');
    await page.getByRole('button', { name: 'Send' }).click();
    await expect(page.getByRole('log', { name: 'Messages' })).toContainText('I’ll remember that Dana Reyes');
    await expect.poll(() => fake.remaining(), { timeout: 30_000 }).toBe(0);

    await nav.getByRole('button', { name: 'Memory' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Memory' })).toBeVisible();
    const fact = page.getByRole('article').filter({ hasText: FACT }).first();
    await expect(fact).toBeVisible({ timeout: 30_000 });
    await fact.getByRole('button', { name: 'Why do you know this?' }).click();
    await expect(
      fact.getByRole('group', { name: 'Where Izzie learned this' }).getByRole('button', { name: /Open (the )?chat/ }),
    ).toBeVisible();
    await page.screenshot({ path: test.info().outputPath('memory-fact.png'), fullPage: true });

    await fact.getByRole('button', { name: 'Dana Reyes' }).first().click();
    const entity = page.getByRole('region', { name: 'Dana Reyes' });
    await expect(entity).toContainText('Project Atlas');
    await expect(entity).toContainText(/works on/i);
    await page.screenshot({ path: test.info().outputPath('memory-entity.png'), fullPage: true });

    const search = page.getByLabel('Search memories');
    await search.fill('Who is my manager?');
    await search.press('Enter');
    const results = page.getByRole('list', { name: /for “Who is my manager\?”/ });
    await expect(results.getByRole('article').filter({ hasText: FACT })).toBeVisible();

    await results.getByRole('article').filter({ hasText: FACT }).getByRole('button', { name: 'Delete memory' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
    await expect(page.getByRole('article').filter({ hasText: FACT })).toHaveCount(0);
    await search.fill('Dana Reyes manager Atlas');
    await search.press('Enter');
    await expect(page.getByText('Nothing the work persona may read matches “Dana Reyes manager Atlas”.')).toBeVisible();
  });
});
