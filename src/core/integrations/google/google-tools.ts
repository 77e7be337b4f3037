import { calendar } from '@googleapis/calendar';
import { gmail } from '@googleapis/gmail';
import type { OAuth2Client } from 'google-auth-library';
import type { BuiltinTool } from '../kit/builtin-tool';
import { calendarTools } from './calendar-tools';
import { gmailTools } from './gmail-tools';

export const GOOGLE_SERVER = { name: 'google', version: '1.0.0' } as const;

export interface GoogleToolsDeps {
  readonly auth: OAuth2Client;
  /** The API origin when it is not Google's own (an emulator in tests). */
  readonly rootUrl?: string;
}

/** The Gmail and Calendar tools of the built-in `google` MCP server. */
export function googleTools(deps: GoogleToolsDeps): BuiltinTool[] {
  const apis = googleApis(deps);
  return [...gmailTools(apis.gmail), ...calendarTools(apis.calendar)];
}

/** The Gmail and Calendar SDK clients on one account's credentials (tools and pollers share them). */
export function googleApis(deps: GoogleToolsDeps) {
  const options = {
    auth: deps.auth,
    ...(deps.rootUrl ? { rootUrl: withTrailingSlash(deps.rootUrl) } : {}),
    // No SDK-level retries: gaxios would retry a 429 without honouring Retry-After and keep a tool
    // call hanging for seconds. A failure goes back as a ServiceError carrying Retry-After, and the
    // caller (the agent, a durable step, the poller's backoff) decides when to try again.
    retry: false,
  };
  return { gmail: gmail({ version: 'v1', ...options }), calendar: calendar({ version: 'v3', ...options }) };
}

function withTrailingSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}
