import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GithubGaps, startGithubGaps } from '../../../../test-support/emulators/github-gaps';
import { type RunningEmulator, startEmulator } from '../../../../test-support/emulators/start-emulator';
import { PullRequestData } from '../../../shared';
import { createGithubClient } from './github-client';
import { githubNotificationsSource } from './github-poller';

const TOKENS = {
  'gho-octocat': { login: 'octocat', scopes: ['repo', 'notifications'] },
  'ghp-monalisa': { login: 'monalisa', scopes: ['repo'] },
};
const REPO = { owner: 'octocat', repo: 'hello-world' };

let emulator: RunningEmulator;
let gaps: GithubGaps;
let prNumber = 0;
let issueNumber = 0;
const controller = new AbortController();

beforeAll(async () => {
  emulator = await startEmulator('github', {
    tokens: TOKENS,
    github: {
      users: [{ login: 'octocat' }, { login: 'monalisa' }],
      repos: [{ owner: 'octocat', name: 'hello-world', auto_init: true }],
    },
  });
  gaps = await startGithubGaps({ upstream: emulator.url, tokens: TOKENS });
  const monalisa = createGithubClient({ token: 'ghp-monalisa', baseUrl: emulator.url });
  prNumber = (await monalisa.rest.pulls.create({ ...REPO, title: 'Add rate limits', head: 'rate-limits', base: 'main' })).data
    .number;
  await monalisa.rest.pulls.requestReviewers({ ...REPO, pull_number: prNumber, reviewers: ['octocat'] });
  issueNumber = (await monalisa.rest.issues.create({ ...REPO, title: 'Flaky test' })).data.number;
});
afterAll(async () => {
  await gaps.close();
  await emulator.close();
});

describe('the GitHub notifications poller (real Octokit against the emulator)', () => {
  it('starts from now, then turns pull-request threads into events once per update', async () => {
    let now = Date.parse('2026-11-24T08:00:00Z');
    const source = githubNotificationsSource({
      octokit: createGithubClient({ token: 'gho-octocat', baseUrl: gaps.url }),
      token: 'gho-octocat',
      login: 'octocat',
      now: () => now,
    });
    await gaps.setNotifications([
      {
        login: 'octocat',
        repo: 'octocat/hello-world',
        type: 'PullRequest',
        number: prNumber,
        reason: 'review_requested',
        updatedAt: '2026-11-23T10:00:00Z',
      },
    ]);
    const baseline = await source.poll(null, controller.signal);
    expect(baseline).toEqual({ events: [], cursor: '2026-11-24T08:00:00.000Z' });

    await gaps.setNotifications([
      {
        login: 'octocat',
        repo: 'octocat/hello-world',
        type: 'PullRequest',
        number: prNumber,
        reason: 'review_requested',
        updatedAt: '2026-11-24T08:05:00Z',
      },
      {
        login: 'octocat',
        repo: 'octocat/hello-world',
        type: 'Issue',
        number: issueNumber,
        reason: 'assign',
        updatedAt: '2026-11-24T08:06:00Z',
      },
    ]);
    now = Date.parse('2026-11-24T08:10:00Z');
    const first = await source.poll(baseline.cursor, controller.signal);
    expect(first.events).toHaveLength(1);
    const [event] = first.events;
    expect(event?.type).toBe('github/pull_request.review_requested');
    expect(PullRequestData.parse(event?.data)).toMatchObject({
      repo: 'octocat/hello-world',
      number: prNumber,
      title: 'Add rate limits',
      author: 'monalisa',
      state: 'open',
      reviewRequested: true,
      reason: 'review_requested',
    });
    expect(first.cursor).toBe('2026-11-24T08:06:00Z');

    const again = await source.poll(first.cursor, controller.signal);
    // The thread has not changed: the same id (the bus drops it), and the cursor stays.
    expect(again.events.map((e) => e.id)).not.toContain('a-new-id');
    expect(again.cursor).toBe(first.cursor);
    for (const e of again.events) expect(e.id).toBe(event?.id);
  });

  it('reports a revoked token as an unauthorized service error', async () => {
    const source = githubNotificationsSource({
      octokit: createGithubClient({ token: 'gho-revoked', baseUrl: gaps.url }),
      token: 'gho-revoked',
      login: 'octocat',
      now: () => Date.now(),
    });
    await expect(source.poll('2026-11-24T08:00:00Z', controller.signal)).rejects.toMatchObject({ kind: 'unauthorized' });
  });
});
