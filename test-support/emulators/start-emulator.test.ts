import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from './start-emulator';

let github: RunningEmulator;
beforeAll(async () => {
  github = await startEmulator('github', {
    tokens: { t1: { login: 'octocat', scopes: ['repo'] } },
    github: { users: [{ login: 'octocat', name: 'The Octocat' }] },
  });
});
afterAll(() => github.close());

describe('startEmulator', () => {
  it('serves the seeded service on 127.0.0.1', async () => {
    const response = await fetch(`${github.url}/user`, { headers: { authorization: 'token t1' } });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ login: 'octocat' });
  });
});
