import { gmail, type gmail_v1 } from '@googleapis/gmail';
import { OAuth2Client } from 'google-auth-library';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGoogleWorld } from '../../../../test-support/emulators/google-harness';
import { ALICE, SEEDED_ACCESS_TOKEN } from '../../../../test-support/emulators/google-seed';
import { EmailReceivedData } from '../../../shared';
import { gmailSource } from './gmail-poller';

let world: Awaited<ReturnType<typeof startGoogleWorld>>;
let api: gmail_v1.Gmail;
const signal = new AbortController().signal;

const raw = (lines: string[]) => Buffer.from(lines.join('\r\n')).toString('base64url');
const arrive = (id: string, headers: string[], body: string, labels: string[] = []) =>
  api.users.messages.import({
    userId: 'me',
    requestBody: {
      raw: raw([...headers, `Message-ID: <${id}@test>`, 'Content-Type: text/plain; charset=utf-8', '', body]),
      labelIds: ['INBOX', 'UNREAD', ...labels],
    },
  });

beforeAll(async () => {
  world = await startGoogleWorld();
  const auth = new OAuth2Client();
  auth.setCredentials({ access_token: SEEDED_ACCESS_TOKEN });
  api = gmail({ version: 'v1', auth, rootUrl: `${world.proxy.url}/`, retry: false });
});
afterAll(async () => {
  await world.close();
});

describe('the Gmail poller (real SDK against the emulator)', () => {
  it('notes where history is, then turns new inbox mail into email/received events', async () => {
    const source = gmailSource({ api, account: ALICE });
    const baseline = await source.poll(null, signal);
    expect(baseline.events).toEqual([]);
    expect(baseline.cursor).toMatch(/^\d+$/);

    await arrive(
      'renewal',
      ['From: Sam Lee <sam@customer.test>', `To: ${ALICE}`, 'Subject: Renewal — confirm by Friday?'],
      'Can you confirm?',
    );
    // The emulator keeps only a fixed set of headers (no List-Unsubscribe), so this one is bulk by its Gmail category.
    await arrive('digest', ['From: The Weekly Byte <news@weeklybyte.test>', `To: ${ALICE}`, 'Subject: This week'], 'News.', [
      'CATEGORY_PROMOTIONS',
    ]);
    await api.users.messages.send({
      userId: 'me',
      requestBody: { raw: raw(['From: ' + ALICE, 'To: sam@customer.test', 'Subject: Re: Renewal', '', 'Yes.']) },
    });

    const polled = await source.poll(baseline.cursor, signal);
    const data = polled.events.map((e) => EmailReceivedData.parse(e.data));
    expect(data.map((d) => [d.subject, d.labels.includes('CATEGORY_PROMOTIONS')])).toEqual([
      ['Renewal — confirm by Friday?', false],
      ['This week', true],
    ]);
    expect(data[0]).toMatchObject({ account: ALICE, from: 'Sam Lee <sam@customer.test>', to: [ALICE] });
    expect(polled.events[0]?.id).toBe(`gmail:${data[0]?.messageId}`);
    expect(Number(polled.cursor)).toBeGreaterThan(Number(baseline.cursor));

    const quiet = await source.poll(polled.cursor, signal);
    expect(quiet.events).toEqual([]);
  });

  it('starts again from now when Gmail no longer has the history, and says so', async () => {
    const gaps: string[] = [];
    const source = gmailSource({ api, account: ALICE, onGap: (since) => gaps.push(since) });
    world.proxy.failNext({ status: 404, message: 'Requested entity was not found.', reason: 'notFound', path: /\/history/ });
    const result = await source.poll('12', signal);
    expect(result.events).toEqual([]);
    expect(gaps).toEqual(['12']);
    expect(result.cursor).toMatch(/^\d+$/);
  });
});
