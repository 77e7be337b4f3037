import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Integration, McpServer, Message } from '../shared';
import { startGithubDeviceFake } from '../../test-support/emulators/github-device-fake';
import { startGithubGaps, type GithubGaps } from '../../test-support/emulators/github-gaps';
import { consentInBrowser } from '../../test-support/emulators/google-consent';
import { startGoogleWorld } from '../../test-support/emulators/google-harness';
import { ALICE, GOOGLE_CLIENT } from '../../test-support/emulators/google-seed';
import { startSlackGaps, type SlackGaps } from '../../test-support/emulators/slack-gaps';
import { startEmulator, type RunningEmulator } from '../../test-support/emulators/start-emulator';
import { fakeStep } from '../../test-support/fake-model-server';
import { LINEAR_FAKE_API_KEY, startLinearGraphqlFake } from '../../test-support/fakes/linear-graphql-fake';
import { startTwilioFake } from '../../test-support/fakes/twilio-fake';
import { freePort } from '../../test-support/free-port';
import { forwardHeaders, listenLocal, readBody, relay } from '../../test-support/http-kit';
import { startChatHost, type ChatHost } from '../../test-support/rpc-session';

const TOKEN = 'integrations-rpc-token-0001';
const GITHUB_TOKEN = 'ghp_IzzieTest0123456789abcdefABCDEF0123';
const SLACK_TOKEN = 'xoxb-1111-2222-IzzieTestSlackToken0123';
const SLACK_SCOPES = ['channels:history', 'channels:read', 'chat:write', 'users:read', 'users:read.email'];

/**
 * Issue #4 through the RPC a renderer uses, on a real core: accounts connected with the real SDKs
 * against the emulators, their tools used by the chat agent, a grant revoked at the service, a
 * browser sign-in — and no credential anywhere a person or another program could read it.
 */
describe('integrations over RPC', () => {
  let chat: ChatHost;
  let host: ChatHost['host'];
  let fake: ChatHost['fake'];
  let github: RunningEmulator;
  let githubGaps: GithubGaps;
  let slack: RunningEmulator;
  let slackGaps: SlackGaps;
  let google: Awaited<ReturnType<typeof startGoogleWorld>>;
  let googlePort: number;
  let linear: Awaited<ReturnType<typeof startLinearGraphqlFake>>;
  let twilio: Awaited<ReturnType<typeof startTwilioFake>>;
  const secrets: string[] = [GITHUB_TOKEN, SLACK_TOKEN, GOOGLE_CLIENT.clientSecret, LINEAR_FAKE_API_KEY];

  const call: ChatHost['call'] = (method, params) => chat.call(method, params);
  const failure: ChatHost['failure'] = (method, params) => chat.failure(method, params);
  const integration = async (id: string) => (await call<Integration[]>('integrations.list')).find((i) => i.id === id);
  const server = async (id: string) => (await call<McpServer[]>('mcp.list')).find((s) => s.id === id);

  async function ask(text: string): Promise<Message> {
    const threadId = (await call<{ id: string }>('threads.create', {})).id;
    const reply = await chat.ask(threadId, text);
    expect(reply.status).toBe('complete');
    return reply;
  }

  beforeAll(async () => {
    github = await startEmulator('github', {
      tokens: { [GITHUB_TOKEN]: { login: 'octocat', scopes: ['repo', 'notifications'] } },
      github: {
        users: [{ login: 'octocat', name: 'The Octocat' }],
        repos: [{ owner: 'octocat', name: 'hello-world', auto_init: true }],
      },
    });
    githubGaps = await startGithubGaps({
      upstream: github.url,
      tokens: { [GITHUB_TOKEN]: { login: 'octocat', scopes: ['repo', 'notifications'] } },
    });
    const headers = { authorization: `token ${GITHUB_TOKEN}`, 'content-type': 'application/json' };
    const pulls = `${github.url}/repos/octocat/hello-world/pulls`;
    for (const [title, head] of [
      ['Fix the login redirect loop', 'fix-login'],
      ['Add dark mode', 'dark-mode'],
    ]) {
      await fetch(pulls, { method: 'POST', headers, body: JSON.stringify({ title, head, base: 'main' }) });
    }

    slack = await startEmulator('slack', {
      tokens: { [SLACK_TOKEN]: { login: 'U000000001', scopes: SLACK_SCOPES } },
      slack: { team: { name: 'Acme Robotics', domain: 'acme' }, channels: [{ name: 'eng', topic: 'Engineering' }] },
    });
    slackGaps = await startSlackGaps({ upstream: slack.url, tokens: { [SLACK_TOKEN]: SLACK_SCOPES } });
    await fetch(`${slack.url}/api/chat.postMessage`, {
      method: 'POST',
      headers: { authorization: `Bearer ${SLACK_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ channel: 'eng', text: 'Deploy of v2.3 is done; watch the error rate.' }),
    });

    googlePort = await freePort();
    google = await startGoogleWorld({ redirectUris: [`http://127.0.0.1:${googlePort}/callback`] });

    linear = await startLinearGraphqlFake();
    twilio = await startTwilioFake();
    secrets.push(twilio.authToken);

    chat = await startChatHost(TOKEN);
    ({ host, fake } = chat);
  });
  afterAll(async () => {
    await chat?.close();
    await githubGaps?.close();
    await github?.close();
    await slackGaps?.close();
    await slack?.close();
    await google?.close();
    await linear?.close();
    await twilio?.close();
  });

  it('lists every integration and built-in server before anything is connected', async () => {
    const all = await call<Integration[]>('integrations.list');
    expect(all.map((i) => [i.id, i.status])).toEqual([
      ['google', 'disconnected'],
      ['github', 'disconnected'],
      ['linear', 'disconnected'],
      ['slack', 'disconnected'],
      ['sms', 'disconnected'],
    ]);
    const githubServer = await server('github');
    expect(githubServer?.status).toBe('not-connected');
    expect(githubServer?.tools.map((t) => [t.name, t.actionClass])).toEqual(
      expect.arrayContaining([
        ['github.pr_list', 'read'],
        ['github.issue_create', 'create'],
        ['github.pr_review', 'send'],
      ]),
    );
  });

  it('refuses a token GitHub does not accept, with a reason a person can act on', async () => {
    const refused = await failure('integrations.connect', { id: 'github', token: 'ghp_wrong', baseUrl: githubGaps.url });
    expect(refused.code).toBe('INVALID_INPUT');
    expect(refused.message).toMatch(/GitHub/);
    expect((await integration('github'))?.status).toBe('disconnected');
  });

  it('connects GitHub with a token, and the chat agent reads pull requests through its server', async () => {
    const connected = await call<Integration>('integrations.connect', {
      id: 'github',
      token: GITHUB_TOKEN,
      baseUrl: githubGaps.url,
    });
    expect(connected).toMatchObject({ status: 'connected', account: 'octocat', method: 'token', baseUrl: githubGaps.url });
    expect(connected.scopes).toEqual(['repo', 'notifications']);
    await expect.poll(async () => (await server('github'))?.status).toBe('running');

    fake.enqueue(
      fakeStep.toolCalls([
        { id: 'c1', name: 'github__pr_list', argumentChunks: ['{"owner":"octocat","repo":"hello-world"}'] },
        { id: 'c2', name: 'github__issue_create', argumentChunks: ['{"owner":"octocat","repo":"hello-world","title":"x"}'] },
      ]),
    );
    fake.enqueue(fakeStep.text(['Two PRs are open.']));
    const reply = await ask('What PRs are open in octocat/hello-world?');
    const [prList, issueCreate] = reply.toolCalls;
    expect(prList).toMatchObject({ name: 'github.pr_list', status: 'ok' });
    expect(prList?.result).toContain('Fix the login redirect loop');
    expect(prList?.result).toContain('Add dark mode');
    // Creating acts as the user: refused before any request until the policy gate exists.
    expect(issueCreate).toMatchObject({ name: 'github.issue_create', status: 'denied' });
    expect(githubGaps.requests.some((r) => r.method === 'POST' && r.path.includes('/issues'))).toBe(false);
    // The model was offered the read tools, under names its API accepts.
    const offered = (fake.requests.at(-2)?.body as { tools?: Array<{ function: { name: string } }> }).tools ?? [];
    expect(offered.map((t) => t.function.name)).toContain('github__pr_list');
  });

  it('marks Slack disconnected when the workspace revokes the token, and says why', async () => {
    const connected = await call<Integration>('integrations.connect', {
      id: 'slack',
      token: SLACK_TOKEN,
      baseUrl: slackGaps.url,
    });
    expect(connected).toMatchObject({ status: 'connected', account: expect.stringContaining('Acme Robotics') });
    await expect.poll(async () => (await server('slack'))?.status).toBe('running');

    fake.enqueue(fakeStep.toolCalls([{ id: 's1', name: 'slack__channel_history', argumentChunks: ['{"channel":"#eng"}'] }]));
    fake.enqueue(fakeStep.text(['The deploy is done.']));
    expect((await ask('Anything new in #eng?')).toolCalls[0]).toMatchObject({
      status: 'ok',
      result: expect.stringContaining('Deploy of v2.3 is done'),
    });

    slackGaps.revokeToken(SLACK_TOKEN);
    fake.enqueue(fakeStep.toolCalls([{ id: 's2', name: 'slack__channel_history', argumentChunks: ['{"channel":"#eng"}'] }]));
    fake.enqueue(fakeStep.text(['Slack is disconnected.']));
    expect((await ask('And now?')).toolCalls[0]).toMatchObject({
      status: 'error',
      result: expect.stringMatching(/Reconnect Slack/),
    });
    await expect.poll(async () => (await integration('slack'))?.status).toBe('disconnected');
    const after = await integration('slack');
    expect(after?.lastError?.message).toMatch(/Slack no longer accepts/);
    expect(after?.lastError?.hint).toBeTruthy();
    expect((await server('slack'))?.status).toBe('not-connected');
  });

  it('signs in to Google in the browser with PKCE, keeping only the refresh token, and reads mail', async () => {
    const started = await call<Integration>('integrations.connect', {
      id: 'google',
      clientId: GOOGLE_CLIENT.clientId,
      clientSecret: GOOGLE_CLIENT.clientSecret,
      baseUrl: google.proxy.url,
      redirectPort: googlePort,
    });
    expect(started.status).toBe('connecting');
    const url = new URL(started.pending?.url ?? '');
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('redirect_uri')).toBe(`http://127.0.0.1:${googlePort}/callback`);
    expect(url.searchParams.get('state')).toBeTruthy();

    const landing = await consentInBrowser(url.href, ALICE);
    expect(await landing.text()).toMatch(/return to Izzie/);
    await expect.poll(async () => (await integration('google'))?.status).toBe('connected');
    expect(await integration('google')).toMatchObject({ account: ALICE, method: 'oauth', pending: null });
    await expect.poll(async () => (await server('google'))?.status).toBe('running');

    fake.enqueue(fakeStep.toolCalls([{ id: 'g1', name: 'google__gmail_search', argumentChunks: ['{"q":"standup"}'] }]));
    fake.enqueue(fakeStep.text(['Standup moved.']));
    expect((await ask('Did standup move?')).toolCalls[0]).toMatchObject({
      name: 'google.gmail_search',
      status: 'ok',
      result: expect.stringContaining('Standup moved to 10:30'),
    });
    const refresh = google.proxy.requests.filter((r) => r.path.startsWith('/oauth2/token'));
    expect(refresh.length).toBeGreaterThanOrEqual(1);
  });

  it('revokes the grant at Google on disconnect, then cancels a new sign-in, which closes its listener', async () => {
    const before = google.proxy.requests.length;
    expect(await call<Integration>('integrations.disconnect', { id: 'google' })).toMatchObject({
      status: 'disconnected',
      account: null,
    });
    expect(google.proxy.requests.slice(before).map((r) => `${r.method} ${r.path}`)).toContain('POST /oauth2/revoke');
    expect((await server('google'))?.status).toBe('not-connected');

    const started = await call<Integration>('integrations.connect', {
      id: 'google',
      clientId: GOOGLE_CLIENT.clientId,
      baseUrl: google.proxy.url,
      redirectPort: googlePort,
    });
    expect(started.status).toBe('connecting');
    expect((await call<Integration>('integrations.cancel', { id: 'google' })).status).toBe('disconnected');
    await expect(fetch(`http://127.0.0.1:${googlePort}/callback?code=x&state=y`)).rejects.toThrow();
  });

  it('connects GitHub through the device flow: the code is shown, the token arrives when the person agrees', async () => {
    await call('integrations.disconnect', { id: 'github' });
    const device = await startGithubDeviceFake({
      clientId: 'Iv1.izzie-test',
      answers: ['authorization_pending', 'grant'],
      token: GITHUB_TOKEN,
      grantedScopes: 'repo,notifications',
      interval: 1,
    });
    // One host, as on GitHub Enterprise: the device endpoints under /login, the API everywhere else.
    const host = await listenLocal(
      createServer((req, res) => {
        void readBody(req).then(async (body) => {
          const target = (req.url ?? '/').startsWith('/login/') ? device.url : githubGaps.url;
          const answer = await relay(`${target}${req.url ?? '/'}`, {
            method: req.method ?? 'GET',
            headers: forwardHeaders(req),
            body,
          });
          res.writeHead(answer.status, answer.headers).end(answer.body);
        });
      }),
    );
    try {
      const started = await call<Integration>('integrations.connect', {
        id: 'github',
        clientId: 'Iv1.izzie-test',
        baseUrl: host.url,
      });
      expect(started).toMatchObject({ status: 'connecting', pending: { kind: 'device', userCode: device.userCode } });
      await expect.poll(async () => (await integration('github'))?.status, { timeout: 10_000 }).toBe('connected');
      expect(await integration('github')).toMatchObject({ account: 'octocat', method: 'device', pending: null });
      expect(device.requests.filter((r) => r.path === '/login/oauth/access_token')).toHaveLength(2);
    } finally {
      await host.close();
      await device.close();
    }
  });

  it('connects Linear with an API key and Twilio with an account SID, checking both first', async () => {
    expect((await failure('integrations.connect', { id: 'linear', apiKey: 'lin_api_wrong', baseUrl: linear.url })).code).toBe(
      'INVALID_INPUT',
    );
    expect(
      await call<Integration>('integrations.connect', { id: 'linear', apiKey: LINEAR_FAKE_API_KEY, baseUrl: linear.url }),
    ).toMatchObject({
      status: 'connected',
      method: 'api_key',
      account: expect.stringContaining('Acme Robotics'),
    });
    const sms = { id: 'sms', accountSid: twilio.accountSid, fromNumber: twilio.fromNumber, baseUrl: twilio.url };
    expect((await failure('integrations.connect', { ...sms, authToken: 'wrong' })).code).toBe('INVALID_INPUT');
    expect(await call<Integration>('integrations.connect', { ...sms, authToken: twilio.authToken })).toMatchObject({
      status: 'connected',
      account: expect.stringContaining(twilio.fromNumber),
    });
    await expect
      .poll(async () => [(await server('linear'))?.status, (await server('sms'))?.status])
      .toEqual(['running', 'running']);
    // Sending a text acts as the user: the agent is refused and Twilio never hears of it.
    fake.enqueue(
      fakeStep.toolCalls([{ id: 't1', name: 'sms__sms_send', argumentChunks: ['{"to":"+15551234567","body":"hi"}'] }]),
    );
    fake.enqueue(fakeStep.text(['I cannot send that yet.']));
    expect((await ask('Text Sam hi')).toolCalls[0]).toMatchObject({ name: 'sms.sms_send', status: 'denied' });
    expect(twilio.messages).toEqual([]);
  });

  it('disconnects GitHub, forgetting the token and stopping its server', async () => {
    const after = await call<Integration>('integrations.disconnect', { id: 'github' });
    expect(after).toMatchObject({ status: 'disconnected', account: null, scopes: [] });
    expect((await server('github'))?.status).toBe('not-connected');
  });

  it('never puts a credential in the database, the log, or anything the renderer receives', async () => {
    expect(chat.frames.length).toBeGreaterThan(20);
    const sent = chat.frames.join('\n');
    for (const secret of secrets) expect(sent.includes(secret), secret.slice(0, 6)).toBe(false);
    // Google's refresh and access tokens are the emulator's; find them in the proxy's records.
    const googleTokens = [...new Set(google.proxy.requests.map((r) => r.token).filter((t): t is string => t !== null))];
    expect(googleTokens.length).toBeGreaterThan(0);
    for (const token of googleTokens) expect(sent.includes(token)).toBe(false);

    // A sign-in still waiting when Izzie stops must not keep its listener (or the process) alive.
    await call('integrations.connect', {
      id: 'google',
      clientId: GOOGLE_CLIENT.clientId,
      baseUrl: google.proxy.url,
      redirectPort: googlePort,
    });
    await host.core.stop();
    await expect(fetch(`http://127.0.0.1:${googlePort}/callback?code=x&state=y`)).rejects.toThrow();
    const files = ['izzie.db', 'izzie.db-wal', join('logs', 'izzie.log')].map((f) => join(host.dataDir, f)).filter(existsSync);
    expect(files.length).toBeGreaterThanOrEqual(2);
    for (const file of files) {
      const bytes = readFileSync(file);
      for (const secret of [...secrets, ...googleTokens])
        expect(bytes.includes(secret), `${secret.slice(0, 6)}… in ${file}`).toBe(false);
    }
    // Control: the scan finds what is there (the account name is stored in clear, as it should be).
    expect(files.some((file) => readFileSync(file).includes(ALICE))).toBe(true);

    // After a restart the connected accounts' servers come back with the credentials from the vault.
    await host.core.start();
    await chat.reconnect();
    await expect
      .poll(async () => (await call<McpServer[]>('mcp.list')).filter((s) => s.status === 'running').map((s) => s.id))
      .toEqual(['linear', 'sms']);
  });
});
