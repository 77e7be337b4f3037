import type { WebClient } from '@slack/web-api';
import { z } from 'zod';
import { ServiceError } from '../kit/service-error';
import { slackCall } from './slack-errors';

const CHANNEL_ID = /^[CGD][A-Z0-9]{8,}$/;
/** conversations.list pages read before giving up on a name (200 channels a page). */
const MAX_PAGES = 10;

export const ChannelInput = z
  .string()
  .trim()
  .regex(/^(?:[CGD][A-Z0-9]{8,}|#?[a-z0-9][a-z0-9._-]{0,79})$/, 'Give a channel ID (C0123ABCD) or a channel name (#general)')
  .describe('The channel: its ID (e.g. "C0123ABCD") or its name (e.g. "#general").');

export const SlackTs = z.string().regex(/^\d{1,12}\.\d{1,6}$/, 'Not a Slack message timestamp');

export interface ChannelRef {
  readonly id: string;
  readonly name: string | null;
}

/**
 * Finds a channel by name among the conversations the token can see. An ID is taken as given: looking
 * it up would need the `channels:read` scope, which posting or reading history by ID does not.
 */
export async function resolveChannel(client: WebClient, channel: string): Promise<ChannelRef> {
  if (CHANNEL_ID.test(channel)) return { id: channel, name: null };
  const name = channel.replace(/^#/, '');
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const listed = await slackCall(() =>
      client.conversations.list({
        types: 'public_channel,private_channel',
        exclude_archived: true,
        limit: 200,
        ...(cursor ? { cursor } : {}),
      }),
    );
    const found = listed.channels?.find((c) => c.name === name);
    if (found?.id) return { id: found.id, name };
    cursor = listed.response_metadata?.next_cursor || undefined;
    if (!cursor) break;
  }
  throw new ServiceError('Slack', 'not_found', `channel_not_found (no channel named #${name} that Izzie can see)`);
}
