import { expect, test } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startGithubGaps, type GithubGaps } from '../test-support/emulators/github-gaps';
import { startGoogleWorld } from '../test-support/emulators/google-harness';
import { startEmulator, type RunningEmulator } from '../test-support/emulators/start-emulator';
import { fakeStep, startFakeModelServer, type FakeModelServer } from '../test-support/fake-model-server';
import { freePort } from '../test-support/free-port';
import { startHost, type HostProcess } from './support/headless-process';
import { configureProvider, connectGoogle, openPage } from './support/app-steps';
import { attachFailureDiagnostics, recordPageActivity } from './support/diagnostics';

const GITHUB_TOKEN = 'ghp_E2eIzzie0123456789abcdefABCDEF012345';
const API_KEY = 'sk-e2e-0123456789abcdef';

// Issue #4 as a person meets it: GitHub connected with a pasted token and Google through its real
// browser sign-in (against the emulators, through the real SDKs inside the real headless host), then
// a chat question answered with a tool from the GitHub server.
test.describe('connecting accounts', () => {
  let home: string;
  let github: RunningEmulator;
  let githubGaps: GithubGaps;
  let google: Awaited<ReturnType<typeof startGoogleWorld>>;
  let googlePort: number;
  let fake: FakeModelServer;
  let host: HostProcess | null = null;
  let pageActivity: () => string = () => '';

  test.beforeEach(async ({ page }) => {
    pageActivity = recordPageActivity(page);
    home = mkdtempSync(join(tmpdir(), 'izzie-e2e-integrations-'));
    const tokens = { [GITHUB_TOKEN]: { login: 'octocat', scopes: ['repo', 'read:org', 'notifications'] } };
    github = await startEmulator('github', {
      tokens,
      github: {
        users: [{ login: 'octocat', name: 'The Octocat' }],
        repos: [{ owner: 'octocat', name: 'hello-world', auto_init: true }],
      },
    });
    githubGaps = await startGithubGaps({ upstream: github.url, tokens });
    const headers = { authorization: `token ${GITHUB_TOKEN}`, 'content-type': 'application/json' };
    for (const [title, head] of [
      ['Fix the login redirect loop', 'fix-login'],
      ['Add dark mode', 'dark-mode'],
    ]) {
      await fetch(`${github.url}/repos/octocat/hello-world/pulls`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ title, head, base: 'main' }),
      });
    }
    googlePort = await freePort();
    google = await startGoogleWorld({ redirectUris: [`http://127.0.0.1:${googlePort}/callback`] });
    fake = await startFakeModelServer({ requireApiKey: API_KEY });
    // No system browser in a test: the card's link is how the sign-in page is opened.
    host = await startHost(home, { env: { IZZIE_NO_BROWSER: '1' } });
  });
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the fixtures argument to be a destructuring pattern
  test.afterEach(async ({}, testInfo) => {
    await attachFailureDiagnostics(testInfo, { host, home, pageActivity });
    await host?.stop();
    await fake.close();
    await githubGaps.close();
    await github.close();
    await google.close();
    rmSync(home, { recursive: true, force: true });
  });

  test('GitHub by token and Google by browser sign-in, then a chat answered from GitHub', async ({ page }) => {
    await page.goto(host?.url ?? '');
    await expect(page.getByRole('status').filter({ hasText: /^Connected$/ })).toBeVisible();
    await configureProvider(page, fake.url, API_KEY);
    await openPage(page, 'Integrations');

    // GitHub: a wrong token is refused on the form, the right one connects.
    const githubCard = page.getByRole('region', { name: 'GitHub' });
    await githubCard.getByRole('button', { name: 'Connect' }).click();
    const githubForm = githubCard.getByRole('form', { name: 'Connect GitHub' });
    await githubForm.getByLabel('Personal access token').fill('ghp_not_a_real_token');
    await githubForm.getByRole('button', { name: 'Advanced' }).click();
    await githubForm.getByLabel('API base URL').fill(githubGaps.url);
    await githubForm.getByRole('button', { name: 'Connect' }).click();
    await expect(githubForm.getByRole('alert')).toContainText('GitHub');
    await githubForm.getByLabel('Personal access token').fill(GITHUB_TOKEN);
    await githubForm.getByRole('button', { name: 'Connect' }).click();
    await expect(githubCard).toContainText('octocat');
    await expect(githubCard).toContainText('Connected');
    await expect(githubCard.getByRole('list', { name: 'Granted scopes' })).toContainText('notifications');

    // Google: the consent page opens from the card, the emulator redirects to Izzie's loopback listener.
    await connectGoogle(page, { apiUrl: google.proxy.url, redirectPort: googlePort });

    // Both servers run, with their tools and action classes.
    const servers = page.getByRole('region', { name: 'MCP servers' });
    const githubServer = servers.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'GitHub' }) });
    await expect(githubServer).toContainText('Running');
    await githubServer.getByRole('button', { name: /Show tools/ }).click();
    const tools = githubServer.getByRole('list', { name: 'Tools of GitHub' });
    await expect(tools.getByRole('listitem').filter({ hasText: 'github.pr_list' })).toContainText('read');
    await expect(tools.getByRole('listitem').filter({ hasText: 'github.pr_review' })).toContainText('send');
    await page.screenshot({ path: test.info().outputPath('integrations.png'), fullPage: true });

    // The chat agent reads pull requests through the GitHub server.
    fake.enqueue(
      fakeStep.toolCalls([
        { id: 'call_1', name: 'github__pr_list', argumentChunks: ['{"owner":"octocat",', '"repo":"hello-world"}'] },
      ]),
    );
    fake.enqueue(fakeStep.text(['Two pull requests are open: the login fix and dark mode.']));
    await openPage(page, 'Chat');
    await page.getByRole('button', { name: 'New chat' }).first().click();
    await page.getByRole('textbox', { name: 'Message' }).fill('What PRs are open in octocat/hello-world?');
    await page.getByRole('button', { name: 'Send' }).click();
    const log = page.getByRole('log', { name: 'Messages' });
    const card = log.getByRole('group', { name: 'Tool call github.pr_list' });
    await expect(card).toContainText('Done');
    await card.getByRole('button').first().click();
    await expect(card).toContainText('Fix the login redirect loop');
    await expect(card).toContainText('Add dark mode');
    await expect(log).toContainText('Two pull requests are open');
    await page.screenshot({ path: test.info().outputPath('chat-github-tool.png'), fullPage: true });
  });
});
