import type { WebClient } from '@slack/web-api';
import { ServiceError } from '../kit/service-error';
import { slackCall } from './slack-errors';

const USER_ID = /^[UW][A-Z0-9]{8,}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MAX_PAGES = 10;

/** The fields Izzie reads of a Slack user, common to users.info, users.list and users.lookupByEmail. */
interface SlackUser {
  id?: string;
  name?: string;
  real_name?: string;
  deleted?: boolean;
  is_bot?: boolean;
  tz?: string;
  profile?: { real_name?: string; display_name?: string; email?: string; title?: string };
}

export function compactUser(user: SlackUser) {
  return {
    id: user.id ?? null,
    name: user.name ?? null,
    real_name: user.profile?.real_name || user.real_name || null,
    display_name: user.profile?.display_name || null,
    email: user.profile?.email ?? null,
    title: user.profile?.title || null,
    is_bot: user.is_bot ?? false,
    deleted: user.deleted ?? false,
    tz: user.tz ?? null,
  };
}

/** Who wrote what: user IDs to the names people know them by. A user that cannot be read stays unnamed. */
export async function userNames(client: WebClient, ids: Iterable<string>): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  await Promise.all(
    [...new Set(ids)].map(async (id) => {
      // A message without a readable author is still worth showing; the name is a courtesy.
      const info = await client.users.info({ user: id }).catch(() => undefined);
      const user = info?.user;
      const name = user ? user.profile?.real_name || user.real_name || user.name : undefined;
      if (name) names.set(id, name);
    }),
  );
  return names;
}

/** Finds users by email, by ID, or by handle / display name / real name (case-insensitive). */
export async function lookupUsers(client: WebClient, query: string): Promise<SlackUser[]> {
  if (EMAIL.test(query)) {
    const found = await slackCall(() => client.users.lookupByEmail({ email: query }));
    return found.user ? [found.user] : [];
  }
  if (USER_ID.test(query)) {
    const found = await slackCall(() => client.users.info({ user: query }));
    return found.user ? [found.user] : [];
  }
  const wanted = query.replace(/^@/, '').toLowerCase();
  const matches: SlackUser[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const listed = await slackCall(() => client.users.list({ limit: 200, ...(cursor ? { cursor } : {}) }));
    for (const member of listed.members ?? []) {
      const names = [member.name, member.real_name, member.profile?.display_name, member.profile?.real_name];
      if (!member.deleted && names.some((n) => n?.toLowerCase() === wanted)) matches.push(member);
    }
    cursor = listed.response_metadata?.next_cursor || undefined;
    if (!cursor) break;
  }
  if (matches.length === 0) throw new ServiceError('Slack', 'not_found', `users_not_found (nobody is called "${query}")`);
  return matches;
}
