import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTwilioFake, type TwilioFake } from './twilio-fake';

let fake: TwilioFake;
beforeEach(async () => {
  fake = await startTwilioFake();
});
afterEach(() => fake.close());

async function post(path: string, form: Record<string, string>) {
  const response = await fetch(`${fake.url}/2010-04-01/Accounts/${fake.accountSid}${path}`, {
    method: 'POST',
    headers: { authorization: `Basic ${Buffer.from(`${fake.accountSid}:${fake.authToken}`).toString('base64')}` },
    body: new URLSearchParams(form),
  });
  return { status: response.status, body: (await response.json()) as { code?: number } };
}

describe('the Twilio fake', () => {
  it('answers missing fields and unknown resources with Twilio’s error codes', async () => {
    expect(await post('/Messages.json', { From: fake.fromNumber, Body: 'Hi' })).toMatchObject({
      status: 400,
      body: { code: 21604 },
    });
    expect(await post('/Messages.json', { To: '+15558675309', From: fake.fromNumber })).toMatchObject({
      status: 400,
      body: { code: 21602 },
    });
    expect(await post('/Calls.json', { To: '+15558675309' })).toMatchObject({ status: 404, body: { code: 20404 } });
    expect(fake.messages).toEqual([]);
  });

  it('fails only the one request it was told to', async () => {
    fake.failNext({ status: 500 });
    const form = { To: '+15558675309', From: fake.fromNumber, Body: 'Hi' };
    expect((await post('/Messages.json', form)).status).toBe(500);
    expect((await post('/Messages.json', form)).status).toBe(201);
    expect(fake.messages).toHaveLength(1);
  });
});
