import { gmail } from '@googleapis/gmail';
import { OAuth2Client } from 'google-auth-library';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connectGoogleServer, startGoogleWorld } from '../../../../test-support/emulators/google-harness';
import { ALICE, SEEDED_ACCESS_TOKEN, STANDUP_MESSAGE_ID } from '../../../../test-support/emulators/google-seed';
import { freePort } from '../../../../test-support/free-port';
import type { BuiltinCallResult } from '../../../../test-support/mcp/builtin-client';
import { expectRefusedBeforeRequest } from '../../../../test-support/mcp/expect-refused-before-request';

type World = Awaited<ReturnType<typeof startGoogleWorld>>;
type Server = Awaited<ReturnType<typeof connectGoogleServer>>;

let world: World;
let server: Server;

function tokenAuth(accessToken: string): OAuth2Client {
  const auth = new OAuth2Client();
  auth.setCredentials({ access_token: accessToken });
  return auth;
}

/** The stored message, read straight from the API (not through the tools under test). */
async function rawMessage(id: string): Promise<string> {
  const api = gmail({ version: 'v1', auth: tokenAuth(SEEDED_ACCESS_TOKEN), rootUrl: `${world.proxy.url}/` });
  const { data } = await api.users.messages.get({ userId: 'me', id, format: 'raw' });
  return Buffer.from(data.raw ?? '', 'base64url').toString('utf8');
}

/** Proves the tool's zod schema refused the call (not Gmail, not the MIME builder), before any request reached Google. */
const expectNoRequest = (run: () => Promise<BuiltinCallResult>) =>
  expectRefusedBeforeRequest(run, world.proxy.requests, /^MCP error -32602: Input validation error/);

beforeEach(async () => {
  world = await startGoogleWorld();
  server = await connectGoogleServer(tokenAuth(SEEDED_ACCESS_TOKEN), world.proxy.url);
});
afterEach(async () => {
  await server.close();
  await world.close();
});

describe('gmail_search', () => {
  it('finds messages with Gmail query syntax and returns compact metadata', async () => {
    const result = await server.call('gmail_search', { q: 'from:priya', maxResults: 5 });
    expect(result.isError).toBe(false);
    expect(result.json()).toEqual({
      messages: [
        {
          id: 'msg_standup',
          threadId: expect.any(String),
          from: 'Priya Raman <priya@acme.test>',
          to: ALICE,
          subject: 'Standup moved to 10:30 tomorrow',
          date: '2025-03-03T08:15:00.000Z',
          snippet: expect.stringContaining('standup moves to 10:30'),
          labelIds: ['INBOX', 'UNREAD'],
        },
      ],
      more: false,
    });
  });

  it('lists the newest mail first, says when there is more, and decodes snippet entities', async () => {
    const result = await server.call('gmail_search', { maxResults: 2 });
    const { messages, more } = result.json<{ messages: { id: string; snippet: string }[]; more: boolean }>();
    expect(messages.map((m) => m.id)).toEqual(['msg_standup', 'msg_invoice']);
    expect(more).toBe(true);
    expect(messages[1]?.snippet).toContain('March 15 & can be paid');
  });

  it('turns a refused token into a readable error and reports it', async () => {
    const refused = await connectGoogleServer(tokenAuth('ya29.not-a-valid-token'), world.proxy.url);
    const result = await refused.call('gmail_search', { q: 'lunch' });
    await refused.close();
    expect(result).toMatchObject({
      isError: true,
      text: "Gmail no longer accepts Izzie's credentials. Reconnect Gmail on the Integrations page. Gmail said: Request had invalid authentication credentials.",
    });
    expect(result.text).not.toContain('ya29.not-a-valid-token');
    expect(refused.serviceErrors).toHaveLength(1);
    expect(refused.serviceErrors[0]).toMatchObject({ service: 'Gmail', kind: 'unauthorized', options: { status: 401 } });
    expect(refused.serviceErrors[0]?.options.revoked).toBeUndefined();
  });

  it('reports an unreachable Gmail as unavailable', async () => {
    const closedPort = await freePort();
    const offline = await connectGoogleServer(tokenAuth(SEEDED_ACCESS_TOKEN), `http://127.0.0.1:${closedPort}`);
    const result = await offline.call('gmail_search', {});
    await offline.close();
    expect(result).toMatchObject({ isError: true, text: 'Gmail is not answering properly right now; try again shortly.' });
    expect(offline.serviceErrors[0]?.kind).toBe('unavailable');
  });

  it('rejects bad input before any request', async () => {
    expect(await expectNoRequest(() => server.call('gmail_search', { q: 'x', maxResults: 500 }))).toMatch(/maxResults/);
    await expectNoRequest(() => server.call('gmail_search', { q: 'x'.repeat(501) }));
  });
});

describe('gmail_read', () => {
  it('reads an HTML-only message as text, without markup, styles or scripts', async () => {
    const result = await server.call('gmail_read', { id: 'msg_invoice' });
    expect(result.isError).toBe(false);
    const message = result.json<Record<string, unknown>>();
    expect(message).toMatchObject({
      id: 'msg_invoice',
      from: 'Northwind Billing <billing@northwind.test>',
      to: ALICE,
      subject: 'Your invoice INV-2041 is ready',
      date: '2025-03-02T17:40:00.000Z',
      bodyFormat: 'html',
      truncated: false,
      attachments: [],
    });
    expect(message.body).toBe(
      'Hello Alice,\n\nInvoice INV-2041 for $1,250.00 is due on March 15 & can be paid online.\n\nView invoice (https://billing.northwind.test/inv/2041)',
    );
  });

  it('prefers the plain-text part and names attachments', async () => {
    const newsletter = (await server.call('gmail_read', { id: 'msg_newsletter' })).json();
    expect(newsletter).toMatchObject({ bodyFormat: 'plain', body: expect.stringContaining('Read more on our site.') });

    const report = (await server.call('gmail_read', { id: 'msg_report' })).json();
    expect(report).toMatchObject({
      from: 'Lee Wong <lee.wong@acme.test>',
      subject: 'Q1 board report',
      bodyFormat: 'plain',
      body: 'Hi Alice, the Q1 board report is attached. Numbers are final except churn.',
      attachments: [{ filename: 'q1-board-report.pdf', mimeType: 'application/pdf', size: expect.any(Number) }],
    });
  });

  it('says when a message does not exist', async () => {
    const result = await server.call('gmail_read', { id: 'msg_missing' });
    expect(result).toMatchObject({
      isError: true,
      text: 'Gmail could not find that. Gmail said: Requested entity was not found.',
    });
    expect(server.serviceErrors[0]).toMatchObject({ kind: 'not_found', options: { status: 404 } });
  });

  it('reports an outage after a single request (no SDK retries)', async () => {
    world.proxy.failNext({ status: 503, message: 'Backend Error', path: /messages\/msg_dad/ });
    const result = await server.call('gmail_read', { id: 'msg_dad' });
    expect(result.text).toBe('Gmail is not answering properly right now; try again shortly. Gmail said: Backend Error');
    expect(world.proxy.requests.filter((r) => r.path.includes('msg_dad'))).toHaveLength(1);
  });

  it('rejects a malformed id before any request', async () => {
    await expectNoRequest(() => server.call('gmail_read', { id: '../../drafts' }));
    await expectNoRequest(() => server.call('gmail_read', {}));
  });
});

describe('gmail_draft', () => {
  it('saves a well-formed MIME draft, non-ASCII subject included', async () => {
    const result = await server.call('gmail_draft', {
      to: ['bob@example.org'],
      cc: ['carol@example.org'],
      subject: 'Café on Friday – 12:30?',
      body: 'Hi Bob,\nshall we try the new café?\n\nAlice',
    });
    expect(result.isError).toBe(false);
    const draft = result.json<{ draftId: string; messageId: string; threadId: string }>();
    expect(draft.draftId).toEqual(expect.any(String));

    const raw = await rawMessage(draft.messageId);
    expect(raw).toContain('To: bob@example.org\r\nCc: carol@example.org\r\nSubject: =?UTF-8?B?');
    expect(raw).toContain('Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n');

    const read = (await server.call('gmail_read', { id: draft.messageId })).json();
    expect(read).toMatchObject({
      to: 'bob@example.org',
      cc: 'carol@example.org',
      subject: 'Café on Friday – 12:30?',
      body: 'Hi Bob,\nshall we try the new café?\n\nAlice',
      labelIds: expect.arrayContaining(['DRAFT']),
    });
  });

  it('drafts a reply in the original conversation with threading headers', async () => {
    const original = (await server.call('gmail_read', { id: 'msg_standup' })).json<{ threadId: string }>();
    const result = await server.call('gmail_draft', {
      to: ['priya@acme.test'],
      subject: 'Re: Standup moved to 10:30 tomorrow',
      body: 'Works for me.',
      replyToMessageId: 'msg_standup',
    });
    const draft = result.json<{ messageId: string; threadId: string }>();
    expect(draft.threadId).toBe(original.threadId);
    const raw = await rawMessage(draft.messageId);
    expect(raw).toContain(`In-Reply-To: ${STANDUP_MESSAGE_ID}\r\n`);
    expect(raw).toContain(`References: ${STANDUP_MESSAGE_ID}\r\n`);
  });

  it('fails readably when the message to reply to is gone, and drafts nothing', async () => {
    const result = await server.call('gmail_draft', {
      to: ['a@example.org'],
      subject: 'Re: x',
      body: 'y',
      replyToMessageId: 'msg_gone',
    });
    expect(result).toMatchObject({ isError: true, text: expect.stringContaining('Gmail could not find that.') });
    expect(world.proxy.requests.some((r) => r.method === 'POST' && r.path.includes('/drafts'))).toBe(false);
  });

  it('refuses header injection in the subject or the recipients before any request', async () => {
    const text = await expectNoRequest(() =>
      server.call('gmail_draft', { to: ['bob@example.org'], subject: 'Hello\r\nBcc: eve@evil.test', body: 'hi' }),
    );
    expect(text).toMatch(/single line/);
    await expectNoRequest(() =>
      server.call('gmail_draft', { to: ['bob@example.org\r\nBcc: eve@evil.test'], subject: 'Hello', body: 'hi' }),
    );
    await expectNoRequest(() => server.call('gmail_draft', { to: ['Bob <bob@example.org>'], subject: 'Hello', body: 'hi' }));
  });
});

describe('gmail_send', () => {
  it('sends mail that lands in Sent, and replies in the thread', async () => {
    const sent = await server.call('gmail_send', { to: ['bob@example.org'], subject: 'Lunch', body: 'See you at noon.' });
    expect(sent.isError).toBe(false);
    expect(sent.json()).toMatchObject({ id: expect.any(String), labelIds: expect.arrayContaining(['SENT']) });
    const inSent = (await server.call('gmail_search', { q: 'in:sent lunch' })).json<{ messages: { id: string }[] }>();
    expect(inSent.messages.map((m) => m.id)).toEqual([sent.json<{ id: string }>().id]);

    const original = (await server.call('gmail_read', { id: 'msg_dad' })).json<{ threadId: string }>();
    const reply = await server.call('gmail_send', {
      to: ['dad@family.test'],
      subject: 'Re: Sunday lunch?',
      body: 'Yes! I will bring dessert.',
      replyToMessageId: 'msg_dad',
    });
    expect(reply.json()).toMatchObject({ threadId: original.threadId });
  });

  it('reports rate limits with their Retry-After, and outages, readably', async () => {
    world.proxy.failNext({ status: 429, headers: { 'retry-after': '30' }, reason: 'rateLimitExceeded', path: /messages\/send/ });
    const limited = await server.call('gmail_send', { to: ['bob@example.org'], subject: 'Hi', body: 'x' });
    expect(limited).toMatchObject({ isError: true, text: 'Gmail is rate-limiting requests; try again in 30 seconds.' });
    expect(server.serviceErrors[0]).toMatchObject({ kind: 'rate_limited', options: { status: 429, retryAfterSeconds: 30 } });

    world.proxy.failNext({
      status: 403,
      message: 'User-rate limit exceeded.',
      reason: 'userRateLimitExceeded',
      path: /messages\/send/,
    });
    expect((await server.call('gmail_send', { to: ['bob@example.org'], subject: 'Hi', body: 'x' })).text).toBe(
      'Gmail is rate-limiting requests; try again in a minute.',
    );

    world.proxy.failNext({
      status: 403,
      message: 'Insufficient Permission',
      reason: 'insufficientPermissions',
      path: /messages\/send/,
    });
    expect((await server.call('gmail_send', { to: ['bob@example.org'], subject: 'Hi', body: 'x' })).text).toBe(
      'Gmail refused: the connected account lacks permission for this. Gmail said: Insufficient Permission',
    );

    world.proxy.failNext({ status: 503, message: 'The service is currently unavailable.', path: /messages\/send/ });
    expect((await server.call('gmail_send', { to: ['bob@example.org'], subject: 'Hi', body: 'x' })).text).toBe(
      'Gmail is not answering properly right now; try again shortly. Gmail said: The service is currently unavailable.',
    );
    expect(server.serviceErrors.map((e) => e.kind)).toEqual(['rate_limited', 'rate_limited', 'forbidden', 'unavailable']);
    // No SDK retries: each failure cost exactly one request.
    expect(world.proxy.requests.filter((r) => r.path.includes('messages/send'))).toHaveLength(4);
  });

  it('rejects missing or malformed recipients before any request', async () => {
    await expectNoRequest(() => server.call('gmail_send', { to: [], subject: 'Hi', body: 'x' }));
    await expectNoRequest(() => server.call('gmail_send', { to: ['not-an-address'], subject: 'Hi', body: 'x' }));
    await expectNoRequest(() => server.call('gmail_send', { to: ['bob@example.org'], subject: 'Hi' }));
  });
});
