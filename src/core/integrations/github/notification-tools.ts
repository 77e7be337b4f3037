import type { Octokit } from '@octokit/rest';
import { z } from 'zod';
import { type BuiltinTool, defineBuiltinTool } from '../kit/builtin-tool';
import { githubCall } from './github-errors';
import { Limit } from './github-inputs';

type Thread = Awaited<ReturnType<Octokit['rest']['activity']['listNotificationsForAuthenticatedUser']>>['data'][number];

const WEB_PATH: Record<string, string> = { Issue: 'issues', PullRequest: 'pull' };

/** The page a person opens: the notification's subject points at the API, not the website. */
function subjectLink(thread: Thread): { number: number | null; url: string } {
  const number = /\/(?:issues|pulls)\/(\d+)$/.exec(thread.subject.url ?? '')?.[1];
  const path = WEB_PATH[thread.subject.type];
  if (number && path) return { number: Number(number), url: `${thread.repository.html_url}/${path}/${number}` };
  return { number: null, url: thread.repository.html_url };
}

export function notificationTools(octokit: Octokit, token: string): BuiltinTool[] {
  return [
    defineBuiltinTool({
      name: 'notifications_list',
      title: 'List GitHub notifications',
      description:
        'Lists the connected user’s GitHub notifications (review requests, mentions, assignments…), most recent first.',
      group: 'github',
      actionClass: 'read',
      input: z.object({
        all: z.boolean().default(false).describe('Include notifications already marked as read (default: unread only).'),
        participating: z
          .boolean()
          .default(false)
          .describe('Only threads the user takes part in or is mentioned in, not everything they watch.'),
        // GitHub serves at most 50 notifications per page.
        limit: Limit(30, 50),
      }),
      run: async ({ all, participating, limit }, signal) => {
        const { data } = await githubCall(token, () =>
          octokit.rest.activity.listNotificationsForAuthenticatedUser({
            all,
            participating,
            per_page: limit,
            request: { signal },
          }),
        );
        return {
          count: data.length,
          notifications: data.map((thread) => ({
            id: thread.id,
            reason: thread.reason,
            unread: thread.unread,
            type: thread.subject.type,
            title: thread.subject.title,
            repository: thread.repository.full_name,
            ...subjectLink(thread),
            updated_at: thread.updated_at,
          })),
        };
      },
    }),
  ];
}
