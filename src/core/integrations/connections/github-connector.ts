import type { ConnectInput } from '../../../shared';
import { startGithubDeviceFlow } from '../github/device-flow';
import { GITHUB_SERVER, githubTools } from '../github/github-tools';
import { createGithubClient } from '../github/github-client';
import { githubIdentity } from '../github/github-identity';
import { githubNotificationsSource } from '../github/github-poller';
import { requireSecret, type Connector } from './connector';

type GithubInput = Extract<ConnectInput, { id: 'github' }>;

/** What Izzie asks a device-flow sign-in for: issues and PRs, org membership, notifications. */
const DEVICE_SCOPES = ['repo', 'read:org', 'notifications'];

/** GitHub's web host for a given API base: github.com for api.github.com, the same host for GHES and tests. */
function webBase(apiBase: string | undefined): string {
  if (!apiBase || /^https:\/\/api\.github\.com\/?$/.test(apiBase)) return 'https://github.com';
  return apiBase.replace(/\/api\/v3\/?$/, '').replace(/\/$/, '');
}

export const githubConnector: Connector<GithubInput> = {
  id: 'github',
  title: 'GitHub',
  server: GITHUB_SERVER,
  describeTools: () => githubTools({ token: 'unused' }),
  async connect(input, context) {
    const baseUrl = input.baseUrl ?? null;
    if (input.token) {
      const identity = await githubIdentity({ token: input.token, ...(input.baseUrl ? { baseUrl: input.baseUrl } : {}) });
      return {
        kind: 'connected',
        connection: { method: 'token', ...identity, baseUrl, settings: {}, secrets: { token: input.token } },
      };
    }
    if (!input.clientId) throw new Error('Paste a token, or give the client ID of your GitHub OAuth app to sign in.');
    const flow = await startGithubDeviceFlow({
      clientId: input.clientId,
      scopes: DEVICE_SCOPES,
      webBaseUrl: webBase(input.baseUrl),
      signal: context.signal,
    });
    await context.openExternal(flow.verificationUri).catch(() => undefined);
    return {
      kind: 'pending',
      flow: 'device',
      url: flow.verificationUri,
      userCode: flow.userCode,
      expiresAt: flow.expiresAt,
      done: flow.done.then(async ({ token }) => {
        const identity = await githubIdentity({ token, ...(input.baseUrl ? { baseUrl: input.baseUrl } : {}) });
        return { method: 'device', ...identity, baseUrl, settings: { clientId: input.clientId ?? '' }, secrets: { token } };
      }),
    };
  },
  async tools(state) {
    const token = await requireSecret(state, 'token');
    return githubTools({ token, ...(state.stored.baseUrl ? { baseUrl: state.stored.baseUrl } : {}) });
  },
  async pollers(state) {
    const token = await requireSecret(state, 'token');
    const octokit = createGithubClient({ token, ...(state.stored.baseUrl ? { baseUrl: state.stored.baseUrl } : {}) });
    return [githubNotificationsSource({ octokit, token, login: state.stored.account, now: Date.now })];
  },
};
