import { Octokit } from '@octokit/rest';

export const GITHUB_API_URL = 'https://api.github.com';

export interface GithubConnection {
  readonly token: string;
  /** The REST API root; GitHub Enterprise Server and the tests' emulator put it elsewhere. */
  readonly baseUrl?: string;
}

const quiet = (): void => undefined;

export function createGithubClient({ token, baseUrl }: GithubConnection): Octokit {
  return new Octokit({
    auth: token,
    baseUrl: (baseUrl ?? GITHUB_API_URL).replace(/\/+$/, ''),
    userAgent: 'Izzie',
    // Failures reach the person as tool errors; Octokit's own error lines would only repeat them on
    // stderr. Warnings (deprecated endpoints) are kept.
    log: { debug: quiet, info: quiet, warn: console.warn, error: quiet },
  });
}
