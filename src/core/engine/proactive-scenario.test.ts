import { join } from 'node:path';
import { calendar } from '@googleapis/calendar';
import { gmail } from '@googleapis/gmail';
import { OAuth2Client } from 'google-auth-library';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGithubGaps, type GithubGaps } from '../../../test-support/emulators/github-gaps';
import { consentInBrowser } from '../../../test-support/emulators/google-consent';
import { startGoogleWorld } from '../../../test-support/emulators/google-harness';
import { ALICE, GOOGLE_CLIENT, SEEDED_ACCESS_TOKEN } from '../../../test-support/emulators/google-seed';
import { startEmulator, type RunningEmulator } from '../../../test-support/emulators/start-emulator';
import { fakeStep, startFakeModelServer, type FakeModelServer } from '../../../test-support/fake-model-server';
import { freePort } from '../../../test-support/free-port';
import { quietMemory } from '../../../test-support/quiet-memory';
import { makeTempDir } from '../../../test-support/temp-dir';
import { testPorts, type TestPorts } from '../../../test-support/test-ports';
import { createCore, type Core } from '../create-core';
import { DEFAULT_TIERS } from '../models/model-types';

const OCTOCAT = 'ghp_ScenarioOctocat0123456789abcdefABCD';
const MONALISA = 'ghp_ScenarioMonalisa0123456789abcdefABC';
const TOKENS = {
  [OCTOCAT]: { login: 'octocat', scopes: ['repo', 'notifications'] },
  [MONALISA]: { login: 'monalisa', scopes: ['repo'] },
};
const CHEAP = DEFAULT_TIERS.cheap.model;
const STANDARD = DEFAULT_TIERS.standard.model;
/** Waits (in a hook, where expect.poll cannot) until `check` holds. */
async function until(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms: ${check.toString()}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const CUSTOMER_MAIL = 'Sam Lee <sam@customer.test>: Contract renewal — can you confirm by Friday?';

/**
 * Issue #6's scenario, end to end on a real core: the Google emulator has overnight mail and two
 * overlapping meetings today, the GitHub emulator an open pull request asking for the person's
 * review. Polling brings them in, the functions triage them, and at 07:00 (a test clock) the
 * digest lists the mail needing a reply, the conflict and the pull request. The fake model's
 * requests show which tier did what.
 */
describe('the proactive engine against the emulators', () => {
  let fake: FakeModelServer;
  let google: Awaited<ReturnType<typeof startGoogleWorld>>;
  let github: RunningEmulator;
  let gaps: GithubGaps;
  let ports: TestPorts;
  let core: Core;
  const dir = makeTempDir();
  const morning = new Date(2026, 10, 24, 6, 30).getTime();
  const at = (hours: number, minutes = 0) => new Date(2026, 10, 24, hours, minutes).toISOString();

  beforeAll(async () => {
    fake = await startFakeModelServer();
    const googlePort = await freePort();
    google = await startGoogleWorld({ redirectUris: [`http://127.0.0.1:${googlePort}/callback`] });
    github = await startEmulator('github', {
      tokens: TOKENS,
      github: {
        users: [{ login: 'octocat' }, { login: 'monalisa' }],
        repos: [{ owner: 'octocat', name: 'hello-world', auto_init: true }],
      },
    });
    gaps = await startGithubGaps({ upstream: github.url, tokens: TOKENS });
    ports = testPorts(join(dir.path, 'data'), { now: morning });
    core = createCore(ports, { memory: quietMemory(), engine: { idleCheckMs: 50 } });
    await core.start();

    await core.client.call('models.setProvider', { kind: 'custom', baseUrl: fake.url, apiKey: 'sk-test-0123456789' });
    await core.client.call('integrations.connect', { id: 'github', token: OCTOCAT, baseUrl: gaps.url });
    const started = await core.client.call('integrations.connect', {
      id: 'google',
      clientId: GOOGLE_CLIENT.clientId,
      clientSecret: GOOGLE_CLIENT.clientSecret,
      baseUrl: google.proxy.url,
      redirectPort: googlePort,
    });
    await consentInBrowser(started.pending?.url ?? '', ALICE);
    await until(async () => (await core.client.call('activity.sources')).length === 3);
    // Where "now" is in each source: what happened before is not news.
    const baseline = await core.client.call('activity.pollNow');
    expect(baseline.every((s) => s.polledAt !== null && s.failures === 0)).toBe(true);
  }, 60_000);

  afterAll(async () => {
    await core?.stop();
    await gaps?.close();
    await github?.close();
    await google?.close();
    await fake?.close();
    dir.remove();
  });

  it('triages what polling finds, drafts a reply, flags the conflict, and writes the 07:00 digest', async () => {
    // Overnight: a customer waiting for an answer, a newsletter, two meetings that overlap, a review request.
    const auth = new OAuth2Client();
    auth.setCredentials({ access_token: SEEDED_ACCESS_TOKEN });
    const mail = gmail({ version: 'v1', auth, rootUrl: `${google.proxy.url}/` });
    const raw = (lines: string[]) => Buffer.from(lines.join('\r\n')).toString('base64url');
    await mail.users.messages.import({
      userId: 'me',
      requestBody: {
        raw: raw([
          'From: Sam Lee <sam@customer.test>',
          `To: ${ALICE}`,
          'Subject: Contract renewal — can you confirm by Friday?',
          '',
          'Hi Alice, could you confirm the renewal terms by Friday? Thanks, Sam',
        ]),
        labelIds: ['INBOX', 'UNREAD'],
      },
    });
    await mail.users.messages.import({
      userId: 'me',
      requestBody: {
        raw: raw([
          'From: The Weekly Byte <news@weeklybyte.test>',
          `To: ${ALICE}`,
          'Subject: This week in local-first',
          '',
          'News.',
        ]),
        labelIds: ['INBOX', 'CATEGORY_PROMOTIONS'],
      },
    });
    const cal = calendar({ version: 'v3', auth, rootUrl: `${google.proxy.url}/` });
    for (const [summary, start, end] of [
      ['Design review', at(10), at(11)],
      ['Vendor call', at(10, 30), at(11, 30)],
    ] as const) {
      await cal.events.insert({
        calendarId: 'primary',
        requestBody: { summary, start: { dateTime: start }, end: { dateTime: end } },
      });
    }
    const headers = { authorization: `token ${MONALISA}`, 'content-type': 'application/json' };
    const pr = (await (
      await fetch(`${github.url}/repos/octocat/hello-world/pulls`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ title: 'Add rate limits', head: 'rate-limits', base: 'main' }),
      })
    ).json()) as { number: number };
    await fetch(`${github.url}/repos/octocat/hello-world/pulls/${pr.number}/requested_reviewers`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ reviewers: ['octocat'] }),
    });
    await gaps.setNotifications([
      {
        login: 'octocat',
        repo: 'octocat/hello-world',
        type: 'PullRequest',
        number: pr.number,
        reason: 'review_requested',
        updatedAt: new Date(Date.now() + 60_000).toISOString(),
      },
    ]);

    fake.enqueue(
      fakeStep.text(
        JSON.stringify({
          type: 'customer question',
          priority: 'high',
          personaContext: 'work',
          mode: 'assistant',
          requiresAttention: true,
          needsReply: true,
          confidence: 0.9,
          reason: 'Sam is waiting for a confirmation by Friday.',
        }),
      ),
      { model: CHEAP },
    );
    fake.enqueue(fakeStep.text('Hi Sam, thanks for the reminder. I will confirm the renewal terms by [confirm date].'), {
      model: STANDARD,
    });
    fake.enqueue(fakeStep.text('Design review and Vendor call overlap at 10:30. Sam is waiting on the renewal.'), {
      model: STANDARD,
    });

    const polled = await core.client.call('activity.pollNow');
    expect(polled.find((s) => s.id === 'google:gmail')?.delivered).toBe(2);
    await expect
      .poll(
        async () => {
          const { runs } = await core.client.call('activity.runs', { limit: 50 });
          const triage = runs.filter((r) => r.functionId !== 'meeting-reminder');
          return triage.length >= 5 && triage.every((r) => r.status === 'completed' || r.status === 'failed');
        },
        { timeout: 20_000 },
      )
      .toBe(true);
    const { runs } = await core.client.call('activity.runs', { limit: 50 });
    expect(runs.filter((r) => r.status === 'failed').map((r) => [r.functionId, r.error])).toEqual([]);
    expect(runs.map((r) => r.functionId).sort()).toEqual([
      'calendar-changed',
      'calendar-changed',
      'email-received',
      'email-received',
      'github-pr',
      'meeting-reminder',
      'meeting-reminder',
    ]);
    // Each meeting's reminder sleeps, durably, until ten minutes before it.
    expect(
      runs
        .filter((r) => r.functionId === 'meeting-reminder')
        .map((r) => [r.status, r.wakeAt])
        .sort(),
    ).toEqual([
      ['sleeping', Date.parse(at(9, 50))],
      ['sleeping', Date.parse(at(10, 20))],
    ]);
    const emailRun = runs.find((r) => r.functionId === 'email-received' && r.trigger.summary.includes('Sam Lee'));
    expect(emailRun?.steps.map((s) => s.name)).toEqual(['classify', 'notify', 'draft reply', 'notify draft']);
    expect(emailRun?.usage.calls).toBe(2);

    // A draft in Gmail, nothing sent.
    const drafts = await mail.users.drafts.list({ userId: 'me' });
    expect(drafts.data.drafts ?? []).toHaveLength(1);
    const sent = await mail.users.messages.list({ userId: 'me', labelIds: ['SENT'] });
    expect(sent.data.messages ?? []).toHaveLength(0);

    // 07:00 on the test clock: the cron fires the digest.
    ports.advance(31 * 60_000);
    await expect.poll(() => core.client.call('digest.latest'), { timeout: 10_000 }).not.toBeNull();
    const digest = await core.client.call('digest.latest');
    const items = (id: string) => digest?.sections.find((s) => s.id === id)?.items.map((i) => i.title) ?? [];
    expect(items('mail')).toEqual([CUSTOMER_MAIL]);
    expect(items('conflicts')).toEqual(['Design review overlaps Vendor call']);
    expect(items('pull_requests')).toEqual([`octocat/hello-world#${pr.number} Add rate limits`]);
    expect(items('calendar')).toEqual(expect.arrayContaining(['Design review', 'Vendor call']));
    expect(digest?.summary).toBe('Design review and Vendor call overlap at 10:30. Sam is waiting on the renewal.');
    expect(digest?.day).toBe('2026-11-24');

    // The classifier asked the cheap tier; the draft and the digest the standard tier.
    const asked = fake.requests
      .filter((r) => r.path.endsWith('/chat/completions'))
      .map((r) => r.body as { model: string; messages: { role: string; content: string }[] })
      .map((b) => [b.model, b.messages[0]?.content.split('\n')[0] ?? '']);
    expect(asked).toEqual([
      [CHEAP, 'You triage events for a busy person, for their assistant Izzie.'],
      [STANDARD, 'You write a reply email for the user, as a draft they will review before sending.'],
      [STANDARD, 'You write the opening of the user’s morning digest: two to four short sentences on what matters most today.'],
    ]);

    const titles = ports.notifications.map((n) => n.title);
    expect(titles).toEqual(
      expect.arrayContaining([
        CUSTOMER_MAIL,
        `octocat/hello-world#${pr.number} Add rate limits`,
        'Calendar conflict: Design review',
        'Draft reply ready: Contract renewal — can you confirm by Friday?',
        'Your digest for 2026-11-24',
      ]),
    );
    expect(titles.some((t) => t.includes('Weekly Byte'))).toBe(false);
  }, 60_000);
});
