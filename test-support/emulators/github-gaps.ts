import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { authCredentials, forwardHeaders, listenLocal, readBody, relay, sendJson } from '../http-kit';

/**
 * A proxy in front of the `@inbox-zero/emulate` GitHub emulator that fills what the emulator lacks,
 * so product code can talk to it through the real Octokit as it would to api.github.com:
 *
 * - `GET /notifications` (the emulator has no notifications API), with `all`, `participating`,
 *   `since` and paging. Threads are seeded by the test and built from the emulator's own issues,
 *   pull requests and repositories.
 * - Unknown tokens answer 401 "Bad credentials" (the emulator treats any token as its first user).
 * - Responses to a known token carry `X-OAuth-Scopes`, as GitHub sends for classic and OAuth tokens.
 *
 * Everything else is forwarded unchanged. It also records every request (so a test can prove none
 * was made) and can answer the next matching request itself: failures the emulator cannot produce
 * on demand (429, 5xx, an exhausted rate limit), or a response shape it never gives.
 */

export interface NotificationSeed {
  /** Whose inbox the thread appears in. */
  readonly login: string;
  /** `owner/name` of a repository in the emulator. */
  readonly repo: string;
  readonly type: 'Issue' | 'PullRequest';
  readonly number: number;
  readonly reason:
    | 'assign'
    | 'author'
    | 'comment'
    | 'ci_activity'
    | 'mention'
    | 'review_requested'
    | 'state_change'
    | 'subscribed'
    | 'team_mention';
  readonly unread?: boolean;
  readonly updatedAt?: string;
}

export interface InjectedAnswer {
  readonly status: number;
  readonly headers?: Record<string, string>;
  readonly body?: unknown;
  /** Only requests whose path matches; any request when left out. */
  readonly path?: RegExp;
}

export interface GithubGaps {
  readonly url: string;
  /** Every request that reached the proxy, in order. */
  readonly requests: { method: string; path: string }[];
  /** Replaces the notification threads, resolving titles and repositories from the emulator. */
  setNotifications(seeds: readonly NotificationSeed[]): Promise<void>;
  /** The next request matching `answer.path` gets this answer instead of reaching the emulator. */
  answerNext(answer: InjectedAnswer): void;
  close(): Promise<void>;
}

interface Thread {
  readonly login: string;
  readonly json: Record<string, unknown> & { reason: string; unread: boolean; updated_at: string };
}

/** Reasons GitHub counts as "participating" (the user is directly involved or mentioned). */
const PARTICIPATING = new Set(['assign', 'author', 'comment', 'mention', 'review_requested', 'state_change', 'team_mention']);

export async function startGithubGaps(options: {
  upstream: string;
  /** The same token map the emulator was seeded with. */
  tokens: Record<string, { login: string; scopes?: readonly string[] }>;
}): Promise<GithubGaps> {
  const upstream = options.upstream.replace(/\/+$/, '');
  const requests: { method: string; path: string }[] = [];
  const injected: InjectedAnswer[] = [];
  let threads: Thread[] = [];
  let url = '';

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const method = req.method ?? 'GET';
    const target = new URL(req.url ?? '/', url);
    requests.push({ method, path: target.pathname + target.search });
    const body = await readBody(req);

    const at = injected.findIndex((a) => !a.path || a.path.test(target.pathname));
    const [answer] = at >= 0 ? injected.splice(at, 1) : [];
    if (answer) return sendJson(res, answer.status, answer.body ?? { message: 'Injected failure' }, answer.headers);

    // GitHub accepts both the `token` and the `bearer` scheme.
    const token = authCredentials(req.headers.authorization, ['token', 'bearer']);
    const user = token === undefined ? undefined : options.tokens[token];
    if (token !== undefined && !user) {
      return sendJson(res, 401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest' });
    }
    const scopesHeader: Record<string, string> = user ? { 'x-oauth-scopes': (user.scopes ?? []).join(', ') } : {};

    if (target.pathname === '/notifications' && method === 'GET') {
      if (!user)
        return sendJson(res, 401, { message: 'Requires authentication', documentation_url: 'https://docs.github.com/rest' });
      const all = target.searchParams.get('all') === 'true';
      const participating = target.searchParams.get('participating') === 'true';
      const perPage = Math.min(Number(target.searchParams.get('per_page')) || 50, 50);
      const page = Math.max(Number(target.searchParams.get('page')) || 1, 1);
      const since = target.searchParams.get('since');
      const mine = threads
        .filter((t) => t.login === user.login)
        .filter((t) => !since || Date.parse(t.json.updated_at) > Date.parse(since))
        .filter((t) => all || t.json.unread)
        .filter((t) => !participating || PARTICIPATING.has(t.json.reason))
        .sort((a, b) => b.json.updated_at.localeCompare(a.json.updated_at));
      return sendJson(
        res,
        200,
        mine.slice((page - 1) * perPage, page * perPage).map((t) => t.json),
        scopesHeader,
      );
    }

    const forwarded = await relay(upstream + target.pathname + target.search, { method, headers: forwardHeaders(req), body });
    const headers: Record<string, string> = { ...scopesHeader, ...forwarded.headers };
    // Keep pagination links pointing at the proxy, so every page passes through it.
    if (headers.link) headers.link = headers.link.replace(/http:\/\/(?:localhost|127\.0\.0\.1):\d+/g, url);
    res.writeHead(forwarded.status, headers);
    res.end(forwarded.body);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 502, { message: `github-gaps proxy failed: ${String(error)}` });
      else res.destroy();
    });
  });
  const listening = await listenLocal(server);
  url = listening.url;

  const upstreamJson = async (path: string, login: string): Promise<Record<string, unknown>> => {
    const token = Object.entries(options.tokens).find(([, u]) => u.login === login)?.[0];
    const response = await fetch(upstream + path, { headers: token ? { authorization: `token ${token}` } : {} });
    if (!response.ok) throw new Error(`github-gaps: GET ${path} answered ${response.status}; seed it before the notification`);
    return (await response.json()) as Record<string, unknown>;
  };

  return {
    url,
    requests,
    async setNotifications(seeds) {
      threads = await Promise.all(
        seeds.map(async (seed, index): Promise<Thread> => {
          const kind = seed.type === 'Issue' ? 'issues' : 'pulls';
          const [repository, subject] = await Promise.all([
            upstreamJson(`/repos/${seed.repo}`, seed.login),
            upstreamJson(`/repos/${seed.repo}/${kind}/${seed.number}`, seed.login),
          ]);
          const id = String(index + 1);
          const unread = seed.unread ?? true;
          const updatedAt = seed.updatedAt ?? String(subject.updated_at);
          return {
            login: seed.login,
            json: {
              id,
              unread,
              reason: seed.reason,
              updated_at: updatedAt,
              last_read_at: unread ? null : updatedAt,
              subject: { title: subject.title, url: subject.url, latest_comment_url: subject.url, type: seed.type },
              repository,
              url: `${url}/notifications/threads/${id}`,
              subscription_url: `${url}/notifications/threads/${id}/subscription`,
            },
          };
        }),
      );
    },
    answerNext(answer) {
      injected.push(answer);
    },
    close: listening.close,
  };
}
