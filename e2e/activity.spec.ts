import { expect, test } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fakeStep, startFakeModelServer, type FakeModelServer } from '../test-support/fake-model-server';
import { attachFailureDiagnostics, recordPageActivity } from './support/diagnostics';
import { startHost, type HostProcess } from './support/headless-process';

const API_KEY = 'sk-e2e-activity-0123456789';
const SUMMARY = 'A quiet morning: nothing overlaps and nobody is waiting on you.';

// Issue #6 as a person meets it: the Activity page shows the engine's runs live. The digest is run
// now; the model refuses its first summary (a 400), so the step fails and the engine retries it
// with backoff; the page follows the run from start to finish without a reload, then the Digest
// tab shows what was written. The model is a local OpenAI-compatible fake.
test.describe('activity', () => {
  let home: string;
  let fake: FakeModelServer;
  let host: HostProcess | null = null;
  let pageActivity: () => string = () => '';

  test.beforeEach(async ({ page }) => {
    pageActivity = recordPageActivity(page);
    home = mkdtempSync(join(tmpdir(), 'izzie-e2e-activity-'));
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

  test('a digest run shows live with its steps and retry, then the digest itself', async ({ page }) => {
    test.setTimeout(90_000);
    await page.goto(host?.url ?? '');
    await expect(page.getByRole('status').filter({ hasText: /^Connected$/ })).toBeVisible();
    const nav = page.getByRole('navigation', { name: 'Main' });

    await nav.getByRole('button', { name: /^Activity/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Activity' })).toBeVisible();
    await expect(page.getByText('Nothing has run yet')).toBeVisible();
    const scheduled = page.getByRole('region', { name: 'Scheduled' });
    await expect(scheduled.getByRole('listitem').filter({ hasText: 'Morning digest' })).toContainText('every day at 07:00');

    await nav.getByRole('button', { name: 'Settings' }).click();
    const models = page.getByRole('region', { name: 'Models' });
    await models.getByRole('radiogroup', { name: 'Provider' }).getByRole('radio', { name: 'Custom' }).check();
    await models.getByRole('textbox', { name: 'Base URL' }).fill(fake.url);
    await models.getByLabel('API key').fill(API_KEY);
    await models.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(models.getByText('Key saved')).toBeVisible();

    fake.enqueue(fakeStep.error(400, { message: 'The model is warming up.' }));
    fake.enqueue(fakeStep.text(SUMMARY));
    await nav.getByRole('button', { name: /^Activity/ }).click();
    await page.getByRole('radiogroup', { name: 'Show' }).getByRole('radio', { name: 'Digest' }).check();
    await expect(page.getByText('No digest yet')).toBeVisible();
    await page.getByRole('button', { name: 'Run the digest now' }).click();

    // The run arrives by push, opened, and goes from started to completed on its own.
    const runs = page.getByRole('list', { name: 'Runs' });
    const run = runs.getByRole('article', { name: /^Morning digest/ });
    await expect(run).toBeVisible();
    const steps = run.getByRole('list', { name: 'Steps of Morning digest' });
    await expect(steps.getByRole('listitem', { name: 'gather: Completed' })).toBeVisible({ timeout: 15_000 });
    await expect(run).toHaveAccessibleName('Morning digest Completed', { timeout: 30_000 });
    const summarize = steps.getByRole('listitem', { name: 'summarize: Completed' });
    await expect(summarize).toContainText('2 tries');
    await expect(steps.getByRole('listitem', { name: 'save and notify: Completed' })).toBeVisible();
    await expect(run).toContainText('1 model call');
    await expect(run).toContainText('started by you');

    // The notification arrives in the window too.
    await expect(page.getByText(/^Your digest for \d{4}-\d{2}-\d{2}$/)).toBeVisible();

    await page.getByRole('radiogroup', { name: 'Show' }).getByRole('radio', { name: 'Digest' }).check();
    const digest = page.getByRole('article').filter({ hasText: SUMMARY });
    await expect(digest).toBeVisible();
    await expect(digest.getByRole('region', { name: /^Conflicts/ })).toBeVisible();
    await expect(digest).toContainText('Google Calendar is not connected.');
    await expect(digest).toContainText('Nothing is waiting for your approval.');
  });
});
