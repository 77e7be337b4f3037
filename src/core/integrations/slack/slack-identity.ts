import { createSlackClient, type SlackConnection } from './slack-client';
import { slackCall } from './slack-errors';

export interface SlackIdentity {
  /** "<user> @ <workspace>". */
  readonly account: string;
  /** From the `X-OAuth-Scopes` header Slack sends with the answer (empty when it sends none). */
  readonly scopes: string[];
}

/** Checks a token and says who it acts as (auth.test). */
export async function slackIdentity(connection: SlackConnection): Promise<SlackIdentity> {
  const answer = await slackCall(() => createSlackClient(connection).auth.test());
  const user = answer.user ?? answer.user_id ?? 'unknown user';
  const team = answer.team ?? answer.team_id ?? 'unknown workspace';
  const scopes = (answer.response_metadata?.scopes ?? []).map((s) => s.trim()).filter(Boolean);
  return { account: `${user} @ ${team}`, scopes };
}
