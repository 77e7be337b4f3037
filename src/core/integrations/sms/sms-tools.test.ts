import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freePort } from '../../../../test-support/free-port';
import { startTwilioFake, TWILIO_INVALID_NUMBER, type TwilioFake } from '../../../../test-support/fakes/twilio-fake';
import { builtinConnections } from '../../../../test-support/mcp/builtin-client';
import { META_ACTION_CLASS, META_GROUP } from '../kit/builtin-server';
import { HINTS_BY_CLASS } from '../kit/builtin-tool';
import { SMS_SERVER, smsTools } from './sms-tools';
import type { TwilioConnection } from './twilio-client';

let fake: TwilioFake;
const servers = builtinConnections();

beforeEach(async () => {
  fake = await startTwilioFake();
});

afterEach(async () => {
  await servers.closeAll();
  await fake.close();
});

const connect = (deps: TwilioConnection) => servers.connect(SMS_SERVER, smsTools(deps));

async function send(args: Record<string, unknown>, overrides: Partial<TwilioConnection> = {}) {
  const deps = {
    accountSid: fake.accountSid,
    authToken: fake.authToken,
    fromNumber: fake.fromNumber,
    baseUrl: fake.url,
    ...overrides,
  };
  return (await connect(deps)).call('sms_send', args);
}

const more = (code: number) => `https://www.twilio.com/docs/errors/${code}`;

describe('the SMS server', () => {
  it('lists sms_send as a send-class tool of the sms group', async () => {
    const connection = await connect({ accountSid: 'AC', authToken: 't', fromNumber: '+10000000000' });
    const { tools } = await connection.client.listTools();
    expect(tools.map((tool) => [tool.name, tool._meta?.[META_ACTION_CLASS], tool._meta?.[META_GROUP]])).toEqual([
      ['sms_send', 'send', 'sms'],
    ]);
    expect(tools[0]?.annotations).toMatchObject(HINTS_BY_CLASS.send);
  });
});

describe('sms_send', () => {
  it('sends the text from the connected number and answers with the message', async () => {
    const result = await send({ to: '+15558675309', body: 'Your 3pm with Dr. Okafor moved to 4pm.' });
    expect(result.isError, result.text).toBe(false);
    expect(fake.messages).toEqual([
      {
        sid: expect.stringMatching(/^SM[0-9a-f]{32}$/),
        to: '+15558675309',
        from: fake.fromNumber,
        body: 'Your 3pm with Dr. Okafor moved to 4pm.',
      },
    ]);
    expect(result.json()).toEqual({
      sid: fake.messages[0]?.sid,
      status: 'queued',
      to: '+15558675309',
      from: fake.fromNumber,
      segments: 1,
      createdAt: '2025-06-30T09:00:00.000Z',
    });
    expect(fake.requests.map((r) => [r.method, r.path])).toEqual([
      ['POST', `/2010-04-01/Accounts/${fake.accountSid}/Messages.json`],
    ]);
  });

  it('sends a long text whole, which Twilio splits into parts', async () => {
    const body = 'Packing list: '.padEnd(1600, 'x');
    const result = await send({ to: '+447700900123', body });
    expect(result.json()).toMatchObject({ segments: 11 });
    expect(fake.messages[0]?.body).toBe(body);
  });

  it('goes through the fetch it is given', async () => {
    const seen: string[] = [];
    const spy: typeof fetch = (input, init) => {
      seen.push(String(input));
      return fetch(input, init);
    };
    await send({ to: '+15558675309', body: 'Hi' }, { fetch: spy });
    expect(seen).toEqual([`${fake.url}/2010-04-01/Accounts/${fake.accountSid}/Messages.json`]);
  });

  it('says so readably when Twilio refuses the credentials, and reports the revoked grant', async () => {
    const result = await send({ to: '+15558675309', body: 'Hi' }, { authToken: 'f'.repeat(32) });
    expect(result).toEqual({
      isError: true,
      text: `Twilio no longer accepts Izzie's credentials. Reconnect Twilio on the Integrations page. Twilio said: Authenticate (error 20003, ${more(20003)})`,
    });
    expect(servers.serviceErrors.map((error) => [error.kind, error.options.revoked])).toEqual([['unauthorized', true]]);
    expect(fake.messages).toEqual([]);
  });

  it('passes on Twilio’s message when the number is not valid', async () => {
    const result = await send({ to: TWILIO_INVALID_NUMBER, body: 'Hi' });
    expect(result.text).toBe(
      `Twilio rejected the request. Twilio said: The 'To' number ${TWILIO_INVALID_NUMBER} is not a valid phone number. (error 21211, ${more(21211)})`,
    );
    expect(servers.serviceErrors.map((error) => error.kind)).toEqual(['invalid_request']);
  });

  it('passes on Twilio’s message when the account does not own the sending number', async () => {
    const result = await send({ to: '+15558675309', body: 'Hi' }, { fromNumber: '+15550000000' });
    expect(result.text).toMatch(/^Twilio rejected the request\. Twilio said: The From phone number \+15550000000 is not a valid/);
  });

  it('passes on how long to wait when Twilio rate-limits', async () => {
    fake.failNext({ status: 429, retryAfterSeconds: 17 });
    expect((await send({ to: '+15558675309', body: 'Hi' })).text).toBe(
      'Twilio is rate-limiting requests; try again in 17 seconds.',
    );
    fake.failNext({ status: 429 });
    expect((await send({ to: '+15558675309', body: 'Hi' })).text).toBe(
      'Twilio is rate-limiting requests; try again in a minute.',
    );
    expect(fake.messages).toEqual([]);
  });

  it('reports a Twilio outage as unavailable', async () => {
    fake.failNext({ status: 500 });
    const result = await send({ to: '+15558675309', body: 'Hi' });
    expect(result.text).toBe(
      `Twilio is not answering properly right now; try again shortly. Twilio said: Internal Server Error (error 20500, ${more(20500)})`,
    );
  });

  it('says Twilio could not be reached when nothing answers', async () => {
    const result = await send({ to: '+15558675309', body: 'Hi' }, { baseUrl: `http://127.0.0.1:${await freePort()}` });
    expect(result.text).toMatch(
      /^Twilio is not answering properly right now; try again shortly\. Twilio said: it could not be reached/,
    );
  });

  it('rejects bad input before any request', async () => {
    for (const args of [
      { to: '5558675309', body: 'Hi' },
      { to: '+05558675309', body: 'Hi' },
      { to: '+1 555 867 5309', body: 'Hi' },
      { to: '+15558675309', body: '' },
      { to: '+15558675309', body: ' \n ' },
      { to: '+15558675309', body: 'x'.repeat(1601) },
      { body: 'Hi' },
    ]) {
      expect((await send(args)).isError, JSON.stringify(args)).toBe(true);
    }
    expect(fake.requests).toEqual([]);
  });
});
