import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTwilioFake, type TwilioFake } from '../../../../test-support/fakes/twilio-fake';
import { ServiceError } from '../kit/service-error';
import { twilioIdentity } from './twilio-identity';

let fake: TwilioFake;
beforeEach(async () => {
  fake = await startTwilioFake({ friendlyName: 'Maya’s Twilio' });
});
afterEach(() => fake.close());

describe('twilioIdentity', () => {
  it('names the account and the number Izzie sends from', async () => {
    const identity = await twilioIdentity({
      accountSid: fake.accountSid,
      authToken: fake.authToken,
      fromNumber: fake.fromNumber,
      baseUrl: fake.url,
    });
    expect(identity).toEqual({ account: 'Maya’s Twilio (+15017122661)', scopes: [] });
    expect(fake.requests.map((r) => [r.method, r.path])).toEqual([['GET', `/2010-04-01/Accounts/${fake.accountSid}.json`]]);
  });

  it('refuses a wrong auth token, without repeating it', async () => {
    const authToken = '0123456789abcdef0123456789abcdef';
    const error = await twilioIdentity({
      accountSid: fake.accountSid,
      authToken,
      fromNumber: fake.fromNumber,
      baseUrl: fake.url,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceError);
    expect(error).toMatchObject({ kind: 'unauthorized', options: { status: 401, revoked: true } });
    expect((error as Error).message).not.toContain(authToken);
  });
});
