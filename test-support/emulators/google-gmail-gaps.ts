import type { Forward, ProxiedRequest, ProxiedResponse } from './google-calendar-gaps';

const PROFILE_PATH = /^\/gmail\/v1\/users\/([^/?]+)\/profile(?:\?.*)?$/;

/**
 * Fills a gap in `@inbox-zero/emulate` 0.4.5's Gmail: it has no `users.getProfile`, which is where a
 * Gmail client learns the current history id. This answers it from the emulator's own history list
 * (whose response carries the current `historyId`), with the message and thread totals from the
 * list endpoints. `emailAddress` is the account the test says the token belongs to.
 */
export async function gmailProfile(
  request: ProxiedRequest,
  forward: Forward,
  emailAddress: string,
): Promise<ProxiedResponse | undefined> {
  const match = PROFILE_PATH.exec(request.path);
  if (!match || request.method !== 'GET') return undefined;
  const user = match[1] ?? 'me';
  const get = async (path: string): Promise<Record<string, unknown> | ProxiedResponse> => {
    const response = await forward({ ...request, path: `/gmail/v1/users/${user}${path}` });
    if (response.status !== 200) return response;
    return JSON.parse(response.body.toString('utf8')) as Record<string, unknown>;
  };
  const history = await get('/history?startHistoryId=0&maxResults=1');
  if ('status' in history && 'body' in history) return history as ProxiedResponse;
  const messages = await get('/messages?maxResults=500');
  const threads = await get('/threads?maxResults=500');
  const count = (data: Record<string, unknown> | ProxiedResponse, key: string) =>
    Array.isArray((data as Record<string, unknown>)[key]) ? ((data as Record<string, unknown[]>)[key]?.length ?? 0) : 0;
  const body = {
    emailAddress,
    messagesTotal: count(messages, 'messages'),
    threadsTotal: count(threads, 'threads'),
    historyId: String(history.historyId),
  };
  return { status: 200, headers: { 'content-type': 'application/json; charset=UTF-8' }, body: Buffer.from(JSON.stringify(body)) };
}
