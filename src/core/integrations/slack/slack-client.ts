import { LogLevel, WebClient } from '@slack/web-api';

export const SLACK_WEB_URL = 'https://slack.com';

export interface SlackConnection {
  /** A bot (`xoxb-`) or user (`xoxp-`) token. */
  readonly token: string;
  /** The host whose `/api/` serves the Web API; slack.com unless a test or proxy says otherwise. */
  readonly baseUrl?: string;
}

export function createSlackClient({ token, baseUrl }: SlackConnection): WebClient {
  const root = (baseUrl ?? SLACK_WEB_URL).replace(/\/+$/, '');
  return new WebClient(token, {
    slackApiUrl: `${root}/api/`,
    // A tool call answers now or says when to try again; retrying belongs to whoever runs the tool.
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    // The SDK has no per-call abort; this bounds how long a tool call can hang on Slack.
    timeout: 30_000,
    // Failures reach the person as tool errors; the SDK's warnings would only repeat them.
    logLevel: LogLevel.ERROR,
  });
}
