import type { Octokit } from '@octokit/rest';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type GithubGaps, startGithubGaps } from '../../../../test-support/emulators/github-gaps';
import { type RunningEmulator, startEmulator } from '../../../../test-support/emulators/start-emulator';
import { builtinConnections } from '../../../../test-support/mcp/builtin-client';
import { expectRefusedBeforeRequest } from '../../../../test-support/mcp/expect-refused-before-request';
import { META_ACTION_CLASS } from '../kit/builtin-server';
import { HINTS_BY_CLASS } from '../kit/builtin-tool';
import { createGithubClient } from './github-client';
import { GITHUB_SERVER, githubTools } from './github-tools';

const TOKENS = {
  'gho-test-octocat': { login: 'octocat', scopes: ['repo', 'notifications', 'read:org'] },
  'ghp-test-monalisa': { login: 'monalisa', scopes: ['repo'] },
  'ghp-test-hubot': { login: 'hubot', scopes: ['repo'] },
};
const OCTOCAT = 'gho-test-octocat';
const REPO = { owner: 'octocat', repo: 'hello-world' };

let emulator: RunningEmulator;
let gaps: GithubGaps;
const as: Record<'octocat' | 'monalisa' | 'hubot', Octokit> = {} as never;
/** Numbers the emulator gave the seeded issues and pull requests. */
const seeded = { safariBug: 0, darkMode: 0, releaseDocs: 0, safariFix: 0, darkModePr: 0, typoFix: 0 };

beforeAll(async () => {
  emulator = await startEmulator('github', {
    tokens: TOKENS,
    github: {
      users: [
        { login: 'octocat', name: 'The Octocat', email: 'octocat@github.com' },
        { login: 'monalisa', name: 'Mona Lisa Octocat', email: 'mona@github.com' },
        { login: 'hubot', name: 'Hubot', email: 'hubot@github.com' },
      ],
      repos: [
        { owner: 'octocat', name: 'hello-world', description: 'My first repository', language: 'JavaScript', auto_init: true },
      ],
    },
  });
  gaps = await startGithubGaps({ upstream: emulator.url, tokens: TOKENS });
  for (const [token, { login }] of Object.entries(TOKENS)) {
    as[login as keyof typeof as] = createGithubClient({ token, baseUrl: emulator.url });
  }

  const issue = async (who: keyof typeof as, title: string, extra: { body?: string; labels?: string[]; assignees?: string[] }) =>
    (await as[who].rest.issues.create({ ...REPO, title, ...extra })).data.number;
  seeded.safariBug = await issue('monalisa', 'Login button does nothing on Safari 17', {
    body: 'Clicking "Sign in" on Safari 17.2 does nothing; Chrome works.',
    labels: ['bug'],
    assignees: ['octocat'],
  });
  seeded.darkMode = await issue('hubot', 'Add a dark mode', { labels: ['enhancement'] });
  seeded.releaseDocs = await issue('octocat', 'Document the release process', { labels: ['docs'] });
  await as.octocat.rest.issues.update({ ...REPO, issue_number: seeded.releaseDocs, state: 'closed' });

  const pull = async (who: keyof typeof as, title: string, head: string, extra: { body?: string; draft?: boolean } = {}) =>
    (await as[who].rest.pulls.create({ ...REPO, title, head, base: 'main', ...extra })).data.number;
  seeded.safariFix = await pull('monalisa', 'Fix Safari login click handler', 'fix-safari-login', {
    body: `Fixes #${seeded.safariBug}. Safari fires \`pointerup\` without \`click\` on the styled button.`,
  });
  seeded.darkModePr = await pull('hubot', 'WIP: dark mode', 'dark-mode', { draft: true });
  seeded.typoFix = await pull('monalisa', 'Fix typo in README', 'readme-typo');
  await as.octocat.rest.pulls.merge({ ...REPO, pull_number: seeded.typoFix, merge_method: 'squash' });

  await as.hubot.rest.pulls.createReview({
    ...REPO,
    pull_number: seeded.safariFix,
    event: 'REQUEST_CHANGES',
    body: 'Needs a test.',
  });
  await as.hubot.rest.pulls.createReview({ ...REPO, pull_number: seeded.safariFix, event: 'COMMENT', body: 'Test looks good.' });

  await gaps.setNotifications([
    { login: 'octocat', repo: 'octocat/hello-world', type: 'PullRequest', number: seeded.safariFix, reason: 'review_requested' },
    { login: 'octocat', repo: 'octocat/hello-world', type: 'Issue', number: seeded.safariBug, reason: 'assign' },
    { login: 'octocat', repo: 'octocat/hello-world', type: 'Issue', number: seeded.darkMode, reason: 'subscribed' },
    {
      login: 'octocat',
      repo: 'octocat/hello-world',
      type: 'PullRequest',
      number: seeded.typoFix,
      reason: 'comment',
      unread: false,
    },
    { login: 'monalisa', repo: 'octocat/hello-world', type: 'Issue', number: seeded.darkMode, reason: 'mention' },
  ]);
});

afterAll(async () => {
  await gaps?.close();
  await emulator?.close();
});

const servers = builtinConnections();
afterEach(servers.closeAll);

const connect = (token = OCTOCAT) => servers.connect(GITHUB_SERVER, githubTools({ token, baseUrl: gaps.url }));

/** Calls a tool with bad input and proves GitHub never heard of it. */
const expectRejectedLocally = (name: string, args: Record<string, unknown>) =>
  expectRefusedBeforeRequest(async () => (await connect()).call(name, args), gaps.requests, /invalid/i);

describe('github server', () => {
  it('lists the six tools with their action classes and class hints', async () => {
    const c = await connect();
    const { tools } = await c.client.listTools();
    const classes = Object.fromEntries(tools.map((t) => [t.name, t._meta?.[META_ACTION_CLASS]]));
    expect(classes).toEqual({
      issues_list: 'read',
      issue_create: 'create',
      pr_list: 'read',
      pr_get: 'read',
      pr_review: 'send',
      notifications_list: 'read',
    });
    for (const tool of tools) {
      const actionClass = classes[tool.name] as keyof typeof HINTS_BY_CLASS;
      expect(tool.annotations).toMatchObject(HINTS_BY_CLASS[actionClass]);
      expect(tool.inputSchema.properties).toBeDefined();
    }
    const owner = tools.find((t) => t.name === 'issues_list')?.inputSchema.properties?.owner as { description?: string };
    expect(owner.description).toMatch(/owns the repository/);
  });
});

describe('issues_list', () => {
  it('lists open issues without pull requests, compactly', async () => {
    const c = await connect();
    const result = await c.call('issues_list', { ...REPO });
    expect(result.isError).toBe(false);
    const body = result.json<{ count: number; issues: Record<string, unknown>[] }>();
    expect(body.issues.map((i) => i.title).sort()).toEqual(['Add a dark mode', 'Login button does nothing on Safari 17']);
    const safari = body.issues.find((i) => i.number === seeded.safariBug);
    expect(safari).toEqual({
      number: seeded.safariBug,
      title: 'Login button does nothing on Safari 17',
      state: 'open',
      author: 'monalisa',
      labels: ['bug'],
      assignees: ['octocat'],
      comments: 0,
      url: expect.stringMatching(new RegExp(`/octocat/hello-world/issues/${seeded.safariBug}$`)),
      created_at: expect.any(String),
      updated_at: expect.any(String),
    });
  });

  it('filters by state, labels and assignee', async () => {
    const c = await connect();
    const closed = (await c.call('issues_list', { ...REPO, state: 'closed' })).json<{ issues: { title: string }[] }>();
    expect(closed.issues.map((i) => i.title)).toEqual(['Document the release process']);
    const labelled = (await c.call('issues_list', { ...REPO, state: 'all', labels: ['enhancement'] })).json<{
      issues: { number: number }[];
    }>();
    expect(labelled.issues.map((i) => i.number)).toEqual([seeded.darkMode]);
    const mine = (await c.call('issues_list', { ...REPO, assignee: 'octocat' })).json<{ issues: { number: number }[] }>();
    expect(mine.issues.map((i) => i.number)).toEqual([seeded.safariBug]);
  });

  it('leaves out the pull requests GitHub mixes into the issues list', async () => {
    // The emulator already leaves them out; api.github.com does not, so serve a page the way it does.
    const { data: issue } = await as.octocat.rest.issues.get({ ...REPO, issue_number: seeded.darkMode });
    const { data: pr } = await as.octocat.rest.pulls.get({ ...REPO, pull_number: seeded.darkModePr });
    const prAsIssue = { ...issue, number: pr.number, title: pr.title, pull_request: { url: pr.url, html_url: pr.html_url } };
    gaps.answerNext({ status: 200, body: [prAsIssue, issue], path: /\/issues$/ });
    const c = await connect();
    const body = (await c.call('issues_list', { ...REPO })).json<{ count: number; issues: { number: number }[] }>();
    expect(body.issues.map((i) => i.number)).toEqual([seeded.darkMode]);
  });

  it('says GitHub could not find an unknown repository', async () => {
    const c = await connect();
    const result = await c.call('issues_list', { owner: 'octocat', repo: 'no-such-repo' });
    expect(result).toMatchObject({ isError: true, text: 'GitHub could not find that. GitHub said: Not Found' });
    expect(c.serviceErrors.map((e) => [e.kind, e.options.status])).toEqual([['not_found', 404]]);
  });

  it('rejects a malformed owner before calling GitHub', async () => {
    await expectRejectedLocally('issues_list', { owner: '-octocat-', repo: 'hello-world' });
    await expectRejectedLocally('issues_list', { ...REPO, limit: 101 });
  });
});

describe('issue_create', () => {
  it('opens an issue as the connected user', async () => {
    const c = await connect();
    const result = await c.call('issue_create', {
      ...REPO,
      title: 'Flaky test: login e2e on Safari',
      body: 'Fails about 1 run in 5 since the click handler change.',
      labels: ['bug', 'flaky'],
      assignees: ['monalisa'],
    });
    expect(result.isError).toBe(false);
    const created = result.json<{ number: number; author: string; labels: string[]; assignees: string[]; state: string }>();
    expect(created).toMatchObject({ author: 'octocat', state: 'open', labels: ['bug', 'flaky'], assignees: ['monalisa'] });
    const { data } = await as.monalisa.rest.issues.get({ ...REPO, issue_number: created.number });
    expect(data).toMatchObject({
      title: 'Flaky test: login e2e on Safari',
      body: 'Fails about 1 run in 5 since the click handler change.',
    });
  });

  it('reports a token GitHub no longer accepts as revoked, without the token', async () => {
    const c = await connect('ghp-revoked-0123456789');
    const result = await c.call('issue_create', { ...REPO, title: 'Should not exist' });
    expect(result.isError).toBe(true);
    expect(result.text).toBe(
      "GitHub no longer accepts Izzie's credentials. Reconnect GitHub on the Integrations page. GitHub said: Bad credentials",
    );
    expect(result.text).not.toContain('ghp-revoked');
    expect(c.serviceErrors.map((e) => [e.kind, e.options.revoked])).toEqual([['unauthorized', true]]);
  });

  it('rejects an empty or overlong title before calling GitHub', async () => {
    const count = async () => (await as.octocat.rest.issues.listForRepo({ ...REPO, state: 'all', per_page: 100 })).data.length;
    const before = await count();
    await expectRejectedLocally('issue_create', { ...REPO, title: '   ' });
    await expectRejectedLocally('issue_create', { ...REPO, title: 'x'.repeat(257) });
    await expectRejectedLocally('issue_create', {
      ...REPO,
      title: 'ok',
      assignees: Array.from({ length: 11 }, (_, i) => `user${i}`),
    });
    expect(await count()).toBe(before);
  });
});

describe('pr_list', () => {
  it('lists open pull requests, and all of them on request', async () => {
    const c = await connect();
    const open = (await c.call('pr_list', { ...REPO })).json<{ pull_requests: Record<string, unknown>[] }>();
    expect(open.pull_requests.map((p) => p.number).sort()).toEqual([seeded.safariFix, seeded.darkModePr].sort());
    expect(open.pull_requests.find((p) => p.number === seeded.darkModePr)).toEqual({
      number: seeded.darkModePr,
      title: 'WIP: dark mode',
      author: 'hubot',
      state: 'open',
      draft: true,
      merged: false,
      head: 'dark-mode',
      base: 'main',
      url: expect.stringMatching(new RegExp(`/octocat/hello-world/pull/${seeded.darkModePr}$`)),
      created_at: expect.any(String),
      updated_at: expect.any(String),
    });
    const all = (await c.call('pr_list', { ...REPO, state: 'all' })).json<{ pull_requests: Record<string, unknown>[] }>();
    expect(all.pull_requests.find((p) => p.number === seeded.typoFix)).toMatchObject({ state: 'closed', merged: true });
  });

  it('tells the person when to retry after a 429', async () => {
    const c = await connect();
    gaps.answerNext({ status: 429, headers: { 'retry-after': '30' }, body: { message: 'Too many requests' }, path: /\/pulls$/ });
    const result = await c.call('pr_list', { ...REPO });
    expect(result).toMatchObject({ isError: true, text: 'GitHub is rate-limiting requests; try again in 30 seconds.' });
    expect(c.serviceErrors[0]).toMatchObject({ kind: 'rate_limited', options: { status: 429, retryAfterSeconds: 30 } });
  });

  it('rejects an unknown state before calling GitHub', async () => {
    await expectRejectedLocally('pr_list', { ...REPO, state: 'merged' });
  });
});

describe('pr_get', () => {
  it('reads one pull request with branches, size and where reviewers stand', async () => {
    const c = await connect();
    const result = await c.call('pr_get', { ...REPO, number: seeded.safariFix });
    expect(result.isError).toBe(false);
    expect(result.json()).toMatchObject({
      number: seeded.safariFix,
      title: 'Fix Safari login click handler',
      author: 'monalisa',
      state: 'open',
      draft: false,
      merged: false,
      mergeable: true,
      head: { ref: 'fix-safari-login', sha: expect.stringMatching(/^[0-9a-f]{40}$/), repository: 'octocat/hello-world' },
      base: { ref: 'main' },
      body: `Fixes #${seeded.safariBug}. Safari fires \`pointerup\` without \`click\` on the styled button.`,
      changed_files: 0,
      reviews: {
        total: 2,
        approvals: 0,
        changes_requested: 1,
        // hubot's later comment does not withdraw the request for changes.
        by_reviewer: [{ reviewer: 'hubot', state: 'CHANGES_REQUESTED', submitted_at: expect.any(String) }],
      },
    });
  });

  it('says GitHub could not find an unknown pull request', async () => {
    const c = await connect();
    const result = await c.call('pr_get', { ...REPO, number: 999 });
    expect(result).toMatchObject({ isError: true, text: 'GitHub could not find that. GitHub said: Not Found' });
  });

  it('rejects a non-positive or fractional number before calling GitHub', async () => {
    await expectRejectedLocally('pr_get', { ...REPO, number: 0 });
    await expectRejectedLocally('pr_get', { ...REPO, number: 1.5 });
  });
});

describe('pr_review', () => {
  it('publishes a review as the connected user', async () => {
    const c = await connect();
    const result = await c.call('pr_review', {
      ...REPO,
      number: seeded.safariFix,
      event: 'APPROVE',
      body: 'Verified on Safari 17.2. Ship it.',
    });
    expect(result.isError).toBe(false);
    expect(result.json()).toMatchObject({
      state: 'APPROVED',
      reviewer: 'octocat',
      url: expect.stringContaining('#pullrequestreview-'),
    });
    const { data } = await as.monalisa.rest.pulls.listReviews({ ...REPO, pull_number: seeded.safariFix });
    expect(data.at(-1)).toMatchObject({
      state: 'APPROVED',
      body: 'Verified on Safari 17.2. Ship it.',
      user: { login: 'octocat' },
    });
  });

  it('reads an exhausted rate limit (403, remaining 0) as rate limiting until the reset', async () => {
    const c = await connect();
    const reset = Math.floor(Date.now() / 1000) + 120;
    gaps.answerNext({
      status: 403,
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) },
      body: { message: 'API rate limit exceeded for user ID 1.' },
    });
    const result = await c.call('pr_review', {
      ...REPO,
      number: seeded.safariFix,
      event: 'COMMENT',
      body: 'Nit: rename the handler.',
    });
    expect(result.isError).toBe(true);
    expect(c.serviceErrors[0]?.kind).toBe('rate_limited');
    expect(c.serviceErrors[0]?.options.retryAfterSeconds).toBeGreaterThanOrEqual(118);
    expect(c.serviceErrors[0]?.options.retryAfterSeconds).toBeLessThanOrEqual(120);
  });

  it('says GitHub is not answering properly on a 5xx', async () => {
    const c = await connect();
    gaps.answerNext({ status: 502, body: { message: 'Server Error' } });
    const result = await c.call('pr_review', { ...REPO, number: seeded.safariFix, event: 'COMMENT', body: 'Looks fine.' });
    expect(result).toMatchObject({
      isError: true,
      text: 'GitHub is not answering properly right now; try again shortly. GitHub said: Server Error',
    });
  });

  it('rejects an unknown verdict or an empty body before calling GitHub', async () => {
    await expectRejectedLocally('pr_review', { ...REPO, number: seeded.safariFix, event: 'MERGE', body: 'Merging.' });
    await expectRejectedLocally('pr_review', { ...REPO, number: seeded.safariFix, event: 'COMMENT', body: '  ' });
  });
});

describe('notifications_list', () => {
  it('lists unread notifications with titles and web links of the real issues and pull requests', async () => {
    const c = await connect();
    const result = await c.call('notifications_list', {});
    expect(result.isError).toBe(false);
    const body = result.json<{ count: number; notifications: Record<string, unknown>[] }>();
    expect(body.count).toBe(3);
    const review = body.notifications.find((n) => n.reason === 'review_requested');
    expect(review).toEqual({
      id: expect.any(String),
      reason: 'review_requested',
      unread: true,
      type: 'PullRequest',
      title: 'Fix Safari login click handler',
      repository: 'octocat/hello-world',
      number: seeded.safariFix,
      url: expect.stringMatching(new RegExp(`/octocat/hello-world/pull/${seeded.safariFix}$`)),
      updated_at: expect.any(String),
    });
    expect(body.notifications.find((n) => n.reason === 'assign')).toMatchObject({
      type: 'Issue',
      title: 'Login button does nothing on Safari 17',
      url: expect.stringMatching(new RegExp(`/octocat/hello-world/issues/${seeded.safariBug}$`)),
    });
  });

  it('includes read threads with all, and only involved ones with participating', async () => {
    const c = await connect();
    const all = (await c.call('notifications_list', { all: true })).json<{ notifications: { reason: string }[] }>();
    expect(all.notifications.map((n) => n.reason).sort()).toEqual(['assign', 'comment', 'review_requested', 'subscribed']);
    const involved = (await c.call('notifications_list', { participating: true })).json<{
      notifications: { reason: string }[];
    }>();
    expect(involved.notifications.map((n) => n.reason).sort()).toEqual(['assign', 'review_requested']);
    const lastRequest = gaps.requests.at(-1)?.path ?? '';
    expect(lastRequest).toMatch(/^\/notifications\?/);
    expect(new URL(lastRequest, gaps.url).searchParams.get('participating')).toBe('true');
  });

  it('reports a revoked token', async () => {
    const c = await connect('gho-expired-token');
    const result = await c.call('notifications_list', {});
    expect(result.isError).toBe(true);
    expect(c.serviceErrors.map((e) => e.kind)).toEqual(['unauthorized']);
  });

  it('rejects a limit above what GitHub serves before calling it', async () => {
    await expectRejectedLocally('notifications_list', { limit: 51 });
    await expectRejectedLocally('notifications_list', { all: 'yes' });
  });
});
