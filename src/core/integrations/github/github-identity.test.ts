import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GithubGaps, startGithubGaps } from '../../../../test-support/emulators/github-gaps';
import { type RunningEmulator, startEmulator } from '../../../../test-support/emulators/start-emulator';
import { ServiceError } from '../kit/service-error';
import { githubIdentity } from './github-identity';

const TOKENS = {
  'gho-test-monalisa': { login: 'monalisa', scopes: ['repo', 'read:org', 'notifications'] },
  github_pat_test_finegrained: { login: 'octocat', scopes: [] },
};

let emulator: RunningEmulator;
let gaps: GithubGaps;
beforeAll(async () => {
  emulator = await startEmulator('github', {
    tokens: TOKENS,
    github: {
      users: [
        { login: 'octocat', name: 'The Octocat' },
        { login: 'monalisa', name: 'Mona Lisa Octocat' },
      ],
    },
  });
  gaps = await startGithubGaps({ upstream: emulator.url, tokens: TOKENS });
});
afterAll(async () => {
  await gaps?.close();
  await emulator?.close();
});

describe('githubIdentity', () => {
  it('says who a token belongs to and which scopes it grants', async () => {
    await expect(githubIdentity({ token: 'gho-test-monalisa', baseUrl: gaps.url })).resolves.toEqual({
      account: 'monalisa',
      scopes: ['repo', 'read:org', 'notifications'],
    });
    expect(gaps.requests.at(-1)).toEqual({ method: 'GET', path: '/user' });
  });

  it('lists no scopes for a token that does not report any (fine-grained)', async () => {
    await expect(githubIdentity({ token: 'github_pat_test_finegrained', baseUrl: gaps.url })).resolves.toEqual({
      account: 'octocat',
      scopes: [],
    });
  });

  it('refuses a bad token as unauthorized and revoked', async () => {
    const error = await githubIdentity({ token: 'ghp-typo-in-token-000', baseUrl: gaps.url }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceError);
    expect(error).toMatchObject({ service: 'GitHub', kind: 'unauthorized', options: { status: 401, revoked: true } });
    expect((error as Error).message).not.toContain('ghp-typo');
  });
});
