import { WebClient } from '@slack/web-api';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type SlackGaps, startSlackGaps } from '../../../../test-support/emulators/slack-gaps';
import { type RunningEmulator, startEmulator } from '../../../../test-support/emulators/start-emulator';
import { builtinConnections } from '../../../../test-support/mcp/builtin-client';
import { expectRefusedBeforeRequest } from '../../../../test-support/mcp/expect-refused-before-request';
import { META_ACTION_CLASS } from '../kit/builtin-server';
import { HINTS_BY_CLASS } from '../kit/builtin-tool';
import { ServiceError } from '../kit/service-error';
import { slackIdentity } from './slack-identity';
import { SLACK_SERVER, slackTools } from './slack-tools';

const ADMIN_TOKEN = 'xoxb-test-admin';
const SCOPES = ['channels:history', 'channels:read', 'chat:write', 'users:read', 'users:read.email'];
const OAUTH_APP = {
  client_id: '1234567890.0987654321',
  client_secret: 'test-client-secret',
  redirect: 'http://127.0.0.1:53682/slack/callback',
};

let emulator: RunningEmulator;
let gaps: SlackGaps;
/** Each teammate's user ID and the token the emulator issued them through OAuth. */
const people: Record<'alice' | 'bob' | 'carol', { id: string; token: string }> = {} as never;
let eng = '';
let holdTs = '';

/** Signs a seeded user in through the emulator's OAuth endpoints, as Slack's "Add to Slack" would. */
async function oauthToken(userId: string): Promise<string> {
  const consent = await fetch(`${emulator.url}/oauth/v2/authorize/callback`, {
    method: 'POST',
    body: new URLSearchParams({
      user_id: userId,
      redirect_uri: OAUTH_APP.redirect,
      scope: SCOPES.join(','),
      state: 's',
      client_id: OAUTH_APP.client_id,
    }),
    redirect: 'manual',
  });
  const code = new URL(consent.headers.get('location') ?? '').searchParams.get('code') ?? '';
  const { access_token } = (await new WebClient(undefined, { slackApiUrl: `${emulator.url}/api/` }).oauth.v2.access({
    client_id: OAUTH_APP.client_id,
    client_secret: OAUTH_APP.client_secret,
    code,
  })) as { access_token: string };
  return access_token;
}

beforeAll(async () => {
  emulator = await startEmulator('slack', {
    tokens: { [ADMIN_TOKEN]: { login: 'U000000001', scopes: SCOPES } },
    slack: {
      team: { name: 'Acme Robotics', domain: 'acme-robotics' },
      users: [
        { name: 'alice', real_name: 'Alice Nguyen', email: 'alice@acme-robotics.test' },
        { name: 'bob', real_name: 'Bob Martin', email: 'bob@acme-robotics.test' },
        { name: 'carol', real_name: 'Carol Diaz', email: 'carol@acme-robotics.test' },
      ],
      channels: [
        { name: 'eng', topic: 'Engineering: deploys, incidents, reviews' },
        { name: 'design-review', topic: 'Weekly design critique' },
      ],
      oauth_apps: [
        {
          client_id: OAUTH_APP.client_id,
          client_secret: OAUTH_APP.client_secret,
          name: 'Izzie',
          redirect_uris: [OAUTH_APP.redirect],
        },
      ],
    },
  });
  const admin = new WebClient(ADMIN_TOKEN, { slackApiUrl: `${emulator.url}/api/` });
  const { members = [] } = await admin.users.list({});
  for (const name of ['alice', 'bob', 'carol'] as const) {
    const id = members.find((m) => m.name === name)?.id ?? '';
    people[name] = { id, token: await oauthToken(id) };
  }
  const { channels = [] } = await admin.conversations.list({});
  eng = channels.find((c) => c.name === 'eng')?.id ?? '';

  const post = async (who: keyof typeof people, text: string, thread_ts?: string) =>
    (
      await new WebClient(people[who].token, { slackApiUrl: `${emulator.url}/api/` }).chat.postMessage({
        channel: eng,
        text,
        ...(thread_ts ? { thread_ts } : {}),
      })
    ).ts ?? '';
  await post('bob', 'Deploy of api v2.3 is done :rocket:');
  holdTs = await post('carol', 'The staging DB migration is running long, please hold merges until 3pm.');
  await post('bob', 'Holding. Ping me when it is through.', holdTs);
  await post('alice', 'Thanks Carol, I will move the release review to 3:30.');

  gaps = await startSlackGaps({ upstream: emulator.url, tokens: { [ADMIN_TOKEN]: SCOPES } });
  for (const person of Object.values(people)) gaps.allowToken(person.token, SCOPES);
});

afterAll(async () => {
  await gaps?.close();
  await emulator?.close();
});

const servers = builtinConnections();
afterEach(servers.closeAll);

const connect = (token = people.alice.token) => servers.connect(SLACK_SERVER, slackTools({ token, baseUrl: gaps.url }));

/** Calls a tool with bad input and proves Slack never heard of it. */
const expectRejectedLocally = (name: string, args: Record<string, unknown>) =>
  expectRefusedBeforeRequest(async () => (await connect()).call(name, args), gaps.requests, /invalid/i);

const engHistory = async () => {
  const admin = new WebClient(ADMIN_TOKEN, { slackApiUrl: `${emulator.url}/api/` });
  return (await admin.conversations.history({ channel: eng })).messages ?? [];
};

interface History {
  channel: { id: string; name: string | null };
  count: number;
  messages: {
    ts: string;
    time: string;
    user: string;
    user_name: string | null;
    text: string;
    thread_ts: string | null;
    reply_count: number;
  }[];
}

describe('slack server', () => {
  it('lists the three tools with their action classes and class hints', async () => {
    const c = await connect();
    const { tools } = await c.client.listTools();
    const classes = Object.fromEntries(tools.map((t) => [t.name, t._meta?.[META_ACTION_CLASS]]));
    expect(classes).toEqual({ channel_history: 'read', message_send: 'send', users_lookup: 'read' });
    for (const tool of tools)
      expect(tool.annotations).toMatchObject(HINTS_BY_CLASS[classes[tool.name] as keyof typeof HINTS_BY_CLASS]);
  });
});

describe('channel_history', () => {
  it('reads a channel by name, in order, with who wrote what', async () => {
    const c = await connect();
    const result = await c.call('channel_history', { channel: '#eng' });
    expect(result.isError).toBe(false);
    const body = result.json<History>();
    expect(body.channel).toEqual({ id: eng, name: 'eng' });
    // The thread reply stays in its thread.
    expect(body.messages.map((m) => [m.user_name, m.text])).toEqual([
      ['Bob Martin', 'Deploy of api v2.3 is done :rocket:'],
      ['Carol Diaz', 'The staging DB migration is running long, please hold merges until 3pm.'],
      ['Alice Nguyen', 'Thanks Carol, I will move the release review to 3:30.'],
    ]);
    expect(body.messages[1]).toEqual({
      ts: holdTs,
      time: new Date(Number(holdTs) * 1000).toISOString(),
      user: people.carol.id,
      user_name: 'Carol Diaz',
      text: 'The staging DB migration is running long, please hold merges until 3pm.',
      thread_ts: null,
      reply_count: 1,
    });
  });

  it('reads a channel by ID, honours the limit and passes `oldest` to Slack', async () => {
    const c = await connect();
    const before = gaps.requests.length;
    const body = (await c.call('channel_history', { channel: eng, limit: 2, oldest: '2024-03-01T09:00:00Z' })).json<History>();
    expect(body.channel).toEqual({ id: eng, name: null });
    // An ID needs no conversations.list lookup.
    expect(gaps.requests.slice(before).map((r) => r.method)).toEqual(['conversations.history', 'users.info', 'users.info']);
    expect(body.messages.map((m) => m.user_name)).toEqual(['Carol Diaz', 'Alice Nguyen']);
    const sent = gaps.requests.filter((r) => r.method === 'conversations.history').at(-1)?.params;
    expect(sent).toMatchObject({ channel: eng, limit: '2', oldest: '1709283600.000000' });
  });

  it('says Slack could not find an unknown channel', async () => {
    const c = await connect();
    const byId = await c.call('channel_history', { channel: 'C0NOTTHERE1' });
    expect(byId).toMatchObject({ isError: true, text: 'Slack could not find that. Slack said: channel_not_found' });
    const byName = await c.call('channel_history', { channel: '#launch-party' });
    expect(byName.text).toBe(
      'Slack could not find that. Slack said: channel_not_found (no channel named #launch-party that Izzie can see)',
    );
    expect(c.serviceErrors.map((e) => e.kind)).toEqual(['not_found', 'not_found']);
  });

  it('rejects a malformed channel or limit before calling Slack', async () => {
    await expectRejectedLocally('channel_history', { channel: 'Eng Team' });
    await expectRejectedLocally('channel_history', { channel: '#eng', limit: 0 });
    await expectRejectedLocally('channel_history', { channel: '#eng', oldest: 'yesterday' });
  });
});

describe('message_send', () => {
  it('posts to a channel and into a thread as the connected user', async () => {
    const c = await connect();
    const posted = await c.call('message_send', { channel: '#eng', text: 'Release review moved to 3:30 today.' });
    expect(posted.isError).toBe(false);
    const body = posted.json<{ channel: unknown; ts: string; thread_ts: string | null }>();
    expect(body).toMatchObject({ channel: { id: eng, name: 'eng' }, thread_ts: null });
    const reply = await c.call('message_send', { channel: eng, text: 'Migration done, merges are open.', thread_ts: holdTs });
    expect(reply.json()).toMatchObject({ channel: { id: eng, name: null }, thread_ts: holdTs });

    const history = await engHistory();
    expect(history.find((m) => m.ts === body.ts)).toMatchObject({
      user: people.alice.id,
      text: 'Release review moved to 3:30 today.',
    });
    expect(history.find((m) => m.ts === holdTs)?.reply_count).toBe(2);
  });

  it('tells the person when to retry after HTTP 429', async () => {
    const c = await connect();
    gaps.answerNext({
      status: 429,
      headers: { 'retry-after': '12' },
      body: { ok: false, error: 'ratelimited' },
      method: 'chat.postMessage',
    });
    const result = await c.call('message_send', { channel: eng, text: 'Is anyone there?' });
    expect(result).toMatchObject({ isError: true, text: 'Slack is rate-limiting requests; try again in 12 seconds.' });
    expect(c.serviceErrors[0]).toMatchObject({ kind: 'rate_limited', options: { status: 429, retryAfterSeconds: 12 } });
  });

  it('names the scope a token lacks', async () => {
    const c = await connect();
    gaps.answerNext({
      status: 200,
      body: { ok: false, error: 'missing_scope', needed: 'chat:write', provided: 'channels:read' },
      method: 'chat.postMessage',
    });
    const result = await c.call('message_send', { channel: eng, text: 'Hello' });
    expect(result.text).toBe(
      'Slack refused: the connected account lacks permission for this. Slack said: missing_scope (the token needs the chat:write scope)',
    );
    expect(c.serviceErrors[0]?.kind).toBe('forbidden');
  });

  it('rejects empty text or a malformed thread before calling Slack', async () => {
    const before = (await engHistory()).length;
    await expectRejectedLocally('message_send', { channel: '#eng', text: '   ' });
    await expectRejectedLocally('message_send', { channel: '#eng', text: 'hi', thread_ts: 'yesterday' });
    await expectRejectedLocally('message_send', { channel: '#eng', text: 'x'.repeat(40_001) });
    expect((await engHistory()).length).toBe(before);
  });
});

describe('users_lookup', () => {
  it('finds a user by email, by ID, and by name', async () => {
    const c = await connect();
    const byEmail = (await c.call('users_lookup', { user: 'bob@acme-robotics.test' })).json<{ users: unknown[] }>();
    expect(byEmail.users).toEqual([
      {
        id: people.bob.id,
        name: 'bob',
        real_name: 'Bob Martin',
        display_name: 'bob',
        email: 'bob@acme-robotics.test',
        title: null,
        is_bot: false,
        deleted: false,
        tz: null,
      },
    ]);
    const byId = (await c.call('users_lookup', { user: people.carol.id })).json<{ users: { name: string }[] }>();
    expect(byId.users.map((u) => u.name)).toEqual(['carol']);
    const byName = (await c.call('users_lookup', { user: 'alice nguyen' })).json<{ users: { id: string }[] }>();
    expect(byName.users.map((u) => u.id)).toEqual([people.alice.id]);
    const byHandle = (await c.call('users_lookup', { user: '@bob' })).json<{ users: { id: string }[] }>();
    expect(byHandle.users.map((u) => u.id)).toEqual([people.bob.id]);
  });

  it('says Slack could not find an unknown email', async () => {
    const c = await connect();
    const result = await c.call('users_lookup', { user: 'dave@acme-robotics.test' });
    expect(result).toMatchObject({ isError: true, text: 'Slack could not find that. Slack said: users_not_found' });
  });

  it('reports a revoked token as unauthorized and revoked', async () => {
    const c = await connect(people.carol.token);
    gaps.revokeToken(people.carol.token);
    const result = await c.call('users_lookup', { user: people.bob.id });
    expect(result.text).toBe(
      "Slack no longer accepts Izzie's credentials. Reconnect Slack on the Integrations page. Slack said: token_revoked",
    );
    expect(c.serviceErrors.map((e) => [e.kind, e.options.revoked])).toEqual([['unauthorized', true]]);
  });

  it('rejects an empty or overlong query before calling Slack', async () => {
    await expectRejectedLocally('users_lookup', { user: '' });
    await expectRejectedLocally('users_lookup', { user: `${'a'.repeat(250)}@x.io` });
  });
});

describe('Slack failures outside the API', () => {
  it('says Slack is not answering properly on HTTP 503', async () => {
    const c = await connect();
    gaps.answerNext({ status: 503, body: 'Service Unavailable' });
    const result = await c.call('users_lookup', { user: people.bob.id });
    expect(result.text).toMatch(/^Slack is not answering properly right now; try again shortly\. Slack said: HTTP 503/);
  });
});

describe('slackIdentity', () => {
  it('says who a token acts as, in which workspace, with which scopes', async () => {
    await expect(slackIdentity({ token: people.alice.token, baseUrl: gaps.url })).resolves.toEqual({
      account: 'alice @ Acme Robotics',
      scopes: SCOPES,
    });
  });

  it('refuses a bad token as unauthorized', async () => {
    const error = await slackIdentity({ token: 'xoxp-not-a-real-token', baseUrl: gaps.url }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceError);
    expect(error).toMatchObject({ service: 'Slack', kind: 'unauthorized', detail: 'invalid_auth', options: { revoked: true } });
    expect((error as Error).message).not.toContain('xoxp-not');
  });
});
