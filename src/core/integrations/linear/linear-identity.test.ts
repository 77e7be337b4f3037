import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freePort } from '../../../../test-support/free-port';
import {
  LINEAR_FAKE_API_KEY,
  type LinearGraphqlFake,
  startLinearGraphqlFake,
} from '../../../../test-support/fakes/linear-graphql-fake';
import { ServiceError } from '../kit/service-error';
import { linearIdentity } from './linear-identity';

let fake: LinearGraphqlFake;
beforeEach(async () => {
  fake = await startLinearGraphqlFake();
});
afterEach(() => fake.close());

describe('linearIdentity', () => {
  it('says whose key it is and in which workspace', async () => {
    await expect(linearIdentity({ apiKey: LINEAR_FAKE_API_KEY, apiUrl: fake.url })).resolves.toEqual({
      account: 'Maya Chen (maya@acme.example) @ Acme Robotics',
      scopes: [],
    });
    expect(fake.requests.map((request) => request.operationName).sort()).toEqual(['organization', 'viewer']);
  });

  it('refuses a key Linear does not accept, without repeating the key', async () => {
    const apiKey = 'lin_api_NotARealKey000000000000000000000000000000';
    const error = await linearIdentity({ apiKey, apiUrl: fake.url }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceError);
    expect(error).toMatchObject({ kind: 'unauthorized', options: { revoked: true } });
    expect((error as Error).message).not.toContain(apiKey);
  });

  it('says Linear could not be reached when nothing answers', async () => {
    const apiUrl = `http://127.0.0.1:${await freePort()}/graphql`;
    const error = await linearIdentity({ apiKey: LINEAR_FAKE_API_KEY, apiUrl }).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'unavailable' });
    expect((error as Error).message).toMatch(
      /^Linear is not answering properly right now; try again shortly\. Linear said: it could not be reached/,
    );
  });
});
