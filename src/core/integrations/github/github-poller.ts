import type { Octokit } from '@octokit/rest';
import type { PullRequestData } from '../../../shared';
import type { PolledEvent, PollSource } from '../../engine/ingress/poll-source';
import { githubCall } from './github-errors';

type Thread = Awaited<ReturnType<Octokit['rest']['activity']['listNotificationsForAuthenticatedUser']>>['data'][number];

const INTERVAL_MS = 2 * 60_000;
/** Pages of 50 read per poll; more than this many changed threads in one interval waits for the next. */
const MAX_PAGES = 4;
const ACTION = /^[a-z][a-z0-9_]{0,39}$/;

/**
 * GitHub notifications (works with no relay): pull-request threads updated since the cursor become
 * `github/pull_request.<reason>` events (`review_requested`, `mention`, `author`…), with the pull
 * request read for its state and reviewers. A thread's id and update time make the event id, so an
 * unchanged thread is never delivered twice.
 */
export function githubNotificationsSource(options: {
  octokit: Octokit;
  token: string;
  /** The connected account's login: "review requested from you" is decided against it. */
  login: string;
  now: () => number;
}): PollSource {
  const { octokit, token, login } = options;
  return {
    id: 'github:notifications',
    label: 'GitHub notifications',
    intervalMs: INTERVAL_MS,
    async poll(cursor, signal) {
      const startedAt = new Date(options.now()).toISOString();
      if (cursor === null) return { events: [], cursor: startedAt };
      const threads: Thread[] = [];
      for (let page = 1; page <= MAX_PAGES; page++) {
        const { data } = await githubCall(token, () =>
          octokit.rest.activity.listNotificationsForAuthenticatedUser({
            all: true,
            // A second of overlap: GitHub's times are to the second; the bus drops the repeats.
            since: new Date(Date.parse(cursor) - 1_000).toISOString(),
            per_page: 50,
            page,
            request: { signal },
          }),
        );
        threads.push(...data);
        if (data.length < 50) break;
      }
      const events: PolledEvent[] = [];
      for (const thread of threads) {
        if (thread.subject.type !== 'PullRequest') continue;
        const number = Number(/\/pulls\/(\d+)$/.exec(thread.subject.url ?? '')?.[1]);
        if (!Number.isInteger(number) || number <= 0) continue;
        const [owner = '', repo = ''] = thread.repository.full_name.split('/');
        const { data: pr } = await githubCall(token, () =>
          octokit.rest.pulls.get({ owner, repo, pull_number: number, request: { signal } }),
        );
        const data: PullRequestData = {
          repo: thread.repository.full_name,
          number,
          title: pr.title,
          author: pr.user.login,
          url: pr.html_url,
          state: pr.merged_at ? 'merged' : pr.state === 'closed' ? 'closed' : 'open',
          draft: pr.draft ?? false,
          reviewRequested: (pr.requested_reviewers ?? []).some((r) => r.login.toLowerCase() === login.toLowerCase()),
          reason: thread.reason,
          updatedAt: Date.parse(pr.updated_at),
        };
        events.push({
          id: `github:${thread.id}:${thread.updated_at}`,
          type: `github/pull_request.${ACTION.test(thread.reason) ? thread.reason : 'updated'}`,
          timestamp: Date.parse(thread.updated_at),
          data,
          metadata: { personaContext: 'work', correlationId: `github:${thread.repository.full_name}#${number}` },
        });
      }
      // The newest update seen, so nothing between polls is skipped; the bus drops the boundary repeat.
      const newest = threads.reduce((max, t) => (t.updated_at > max ? t.updated_at : max), cursor);
      return { events, cursor: newest };
    },
  };
}
