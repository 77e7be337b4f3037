import type { BuiltinTool } from '../kit/builtin-tool';
import { createGithubClient, type GithubConnection } from './github-client';
import { issueTools } from './issue-tools';
import { notificationTools } from './notification-tools';
import { pullTools } from './pull-tools';

export const GITHUB_SERVER = { name: 'github', version: '1.0.0' } as const;

/** The built-in GitHub server's tools, acting with the connected user's token. */
export function githubTools(deps: GithubConnection): BuiltinTool[] {
  const octokit = createGithubClient(deps);
  return [...issueTools(octokit, deps.token), ...pullTools(octokit, deps.token), ...notificationTools(octokit, deps.token)];
}
