import { createGithubClient, type GithubConnection } from './github-client';
import { githubCall } from './github-errors';

export interface GithubIdentity {
  /** The login the token acts as. */
  readonly account: string;
  /** Classic and OAuth tokens list their scopes; fine-grained tokens have none to list. */
  readonly scopes: string[];
}

/** Checks a token and says who it belongs to (GET /user and its `X-OAuth-Scopes` header). */
export async function githubIdentity(connection: GithubConnection & { signal?: AbortSignal }): Promise<GithubIdentity> {
  const octokit = createGithubClient(connection);
  const { data, headers } = await githubCall(connection.token, () =>
    octokit.rest.users.getAuthenticated(connection.signal ? { request: { signal: connection.signal } } : {}),
  );
  const scopes = String(headers['x-oauth-scopes'] ?? '')
    .split(',')
    .map((scope) => scope.trim())
    .filter(Boolean);
  return { account: data.login, scopes };
}
