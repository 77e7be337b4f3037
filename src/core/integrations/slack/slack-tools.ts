import type { WebClient } from '@slack/web-api';
import { z } from 'zod';
import { type BuiltinTool, defineBuiltinTool } from '../kit/builtin-tool';
import { ChannelInput, resolveChannel, SlackTs } from './slack-channels';
import { createSlackClient, type SlackConnection } from './slack-client';
import { slackCall } from './slack-errors';
import { compactUser, lookupUsers, userNames } from './slack-users';

export const SLACK_SERVER = { name: 'slack', version: '1.0.0' } as const;

/** Slack truncates longer messages. */
const MAX_TEXT = 40_000;

const tsToIso = (ts: string): string => new Date(Number(ts) * 1000).toISOString();
const isoToTs = (iso: string): string => (Date.parse(iso) / 1000).toFixed(6);

/**
 * The built-in Slack server's tools. The Slack SDK takes no per-call abort signal, so a cancelled
 * tool call finishes its request (bounded by the client's timeout) and its answer is dropped.
 */
export function slackTools(deps: SlackConnection): BuiltinTool[] {
  const client = createSlackClient(deps);
  return [channelHistory(client), messageSend(client), usersLookup(client)];
}

function channelHistory(client: WebClient): BuiltinTool {
  return defineBuiltinTool({
    name: 'channel_history',
    title: 'Read a Slack channel',
    description: 'Reads the latest messages of a Slack channel, oldest first, with who wrote each one.',
    group: 'slack',
    actionClass: 'read',
    input: z.object({
      channel: ChannelInput,
      limit: z.number().int().min(1).max(100).default(20).describe('How many of the latest messages to read (1–100).'),
      oldest: z
        .union([SlackTs, z.iso.datetime({ offset: true })])
        .optional()
        .describe('Only messages after this moment: a Slack timestamp ("1712345678.000100") or an ISO date-time.'),
    }),
    run: async ({ channel, limit, oldest }) => {
      const ref = await resolveChannel(client, channel);
      const history = await slackCall(() =>
        client.conversations.history({
          channel: ref.id,
          limit,
          ...(oldest ? { oldest: oldest.includes('T') ? isoToTs(oldest) : oldest } : {}),
        }),
      );
      const messages = history.messages ?? [];
      const names = await userNames(
        client,
        messages.flatMap((m) => (m.user ? [m.user] : [])),
      );
      return {
        channel: ref,
        count: messages.length,
        has_more: history.has_more ?? false,
        // Slack answers newest first; a conversation reads better in order.
        messages: [...messages].reverse().map((m) => ({
          ts: m.ts ?? null,
          time: m.ts ? tsToIso(m.ts) : null,
          user: m.user ?? m.bot_id ?? null,
          user_name: (m.user ? names.get(m.user) : undefined) ?? m.username ?? null,
          text: m.text ?? '',
          thread_ts: m.thread_ts ?? null,
          reply_count: m.reply_count ?? 0,
        })),
      };
    },
  });
}

function messageSend(client: WebClient): BuiltinTool {
  return defineBuiltinTool({
    name: 'message_send',
    title: 'Post a Slack message',
    description: 'Posts a message to a Slack channel, or as a reply in a thread, as the connected account.',
    group: 'slack',
    actionClass: 'send',
    input: z.object({
      channel: ChannelInput,
      text: z.string().trim().min(1).max(MAX_TEXT).describe('The message, in Slack mrkdwn.'),
      thread_ts: SlackTs.optional().describe('Reply in the thread of the message with this timestamp.'),
    }),
    run: async ({ channel, text, thread_ts }) => {
      const ref = await resolveChannel(client, channel);
      const posted = await slackCall(() =>
        client.chat.postMessage({ channel: ref.id, text, ...(thread_ts ? { thread_ts } : {}) }),
      );
      return { channel: ref, ts: posted.ts ?? null, thread_ts: thread_ts ?? null, text: posted.message?.text ?? text };
    },
  });
}

function usersLookup(client: WebClient): BuiltinTool {
  return defineBuiltinTool({
    name: 'users_lookup',
    title: 'Find a Slack user',
    description: 'Finds Slack users by email address, user ID, or name, with their profile basics.',
    group: 'slack',
    actionClass: 'read',
    input: z.object({
      user: z
        .string()
        .trim()
        .min(1)
        .max(254)
        .describe('An email address, a user ID (e.g. "U0123ABCD"), or a handle, display name or full name.'),
    }),
    run: async ({ user }) => {
      const users = await lookupUsers(client, user);
      return { count: users.length, users: users.map(compactUser) };
    },
  });
}
