import type { Octokit } from '@octokit/rest';
import { z } from 'zod';
import { type BuiltinTool, defineBuiltinTool } from '../kit/builtin-tool';
import { githubCall } from './github-errors';
import { Limit, Owner, PullNumber, Repo } from './github-inputs';

type Review = Awaited<ReturnType<Octokit['rest']['pulls']['listReviews']>>['data'][number];

/** A pull request body is for the model to read, not to swallow the context window. */
const MAX_BODY = 8_000;

/**
 * Where each reviewer stands. As on GitHub, a later comment-only review does not replace an
 * earlier approval or request for changes.
 */
export function summarizeReviews(reviews: readonly Review[]) {
  const standing = new Map<string, { reviewer: string; state: string; submitted_at: string | null }>();
  for (const review of reviews) {
    const reviewer = review.user?.login;
    if (!reviewer || review.state === 'PENDING') continue;
    const previous = standing.get(reviewer);
    if (review.state === 'COMMENTED' && previous && previous.state !== 'COMMENTED') continue;
    standing.set(reviewer, { reviewer, state: review.state, submitted_at: review.submitted_at ?? null });
  }
  const byReviewer = [...standing.values()];
  const count = (state: string) => byReviewer.filter((r) => r.state === state).length;
  return {
    total: reviews.length,
    approvals: count('APPROVED'),
    changes_requested: count('CHANGES_REQUESTED'),
    by_reviewer: byReviewer,
  };
}

export function pullTools(octokit: Octokit, token: string): BuiltinTool[] {
  return [
    defineBuiltinTool({
      name: 'pr_list',
      title: 'List GitHub pull requests',
      description: 'Lists pull requests in a GitHub repository, most recently created first.',
      group: 'github',
      actionClass: 'read',
      input: z.object({
        owner: Owner,
        repo: Repo,
        state: z.enum(['open', 'closed', 'all']).default('open').describe('Which pull requests: open (default), closed, or all.'),
        limit: Limit(30),
      }),
      run: async ({ owner, repo, state, limit }, signal) => {
        const { data } = await githubCall(token, () =>
          octokit.rest.pulls.list({ owner, repo, state, per_page: limit, request: { signal } }),
        );
        return {
          repository: `${owner}/${repo}`,
          state,
          count: data.length,
          pull_requests: data.map((pr) => ({
            number: pr.number,
            title: pr.title,
            author: pr.user?.login ?? null,
            state: pr.state,
            draft: pr.draft ?? false,
            merged: pr.merged_at !== null,
            head: pr.head.ref,
            base: pr.base.ref,
            url: pr.html_url,
            created_at: pr.created_at,
            updated_at: pr.updated_at,
          })),
        };
      },
    }),
    defineBuiltinTool({
      name: 'pr_get',
      title: 'Read a GitHub pull request',
      description: 'Reads one pull request: description, branches, whether it can merge, size, and where each reviewer stands.',
      group: 'github',
      actionClass: 'read',
      input: z.object({ owner: Owner, repo: Repo, number: PullNumber }),
      run: async ({ owner, repo, number }, signal) => {
        const [{ data: pr }, reviews] = await githubCall(token, () =>
          Promise.all([
            octokit.rest.pulls.get({ owner, repo, pull_number: number, request: { signal } }),
            octokit.paginate(octokit.rest.pulls.listReviews, {
              owner,
              repo,
              pull_number: number,
              per_page: 100,
              request: { signal },
            }),
          ]),
        );
        const body = pr.body ?? '';
        return {
          number: pr.number,
          title: pr.title,
          author: pr.user?.login ?? null,
          state: pr.state,
          draft: pr.draft ?? false,
          merged: pr.merged,
          mergeable: pr.mergeable,
          mergeable_state: pr.mergeable_state,
          head: { ref: pr.head.ref, sha: pr.head.sha, repository: pr.head.repo?.full_name ?? null },
          base: { ref: pr.base.ref, sha: pr.base.sha },
          body: body.length > MAX_BODY ? `${body.slice(0, MAX_BODY)}… [truncated]` : body,
          changed_files: pr.changed_files,
          additions: pr.additions,
          deletions: pr.deletions,
          commits: pr.commits,
          comments: pr.comments + pr.review_comments,
          requested_reviewers: (pr.requested_reviewers ?? []).map((u) => u.login),
          reviews: summarizeReviews(reviews),
          url: pr.html_url,
          created_at: pr.created_at,
          updated_at: pr.updated_at,
        };
      },
    }),
    defineBuiltinTool({
      name: 'pr_review',
      title: 'Review a GitHub pull request',
      description: 'Publishes a review on a pull request as the connected user: approve it, request changes, or comment.',
      group: 'github',
      // It publishes under the person's name, which is what `send` means for policy.
      actionClass: 'send',
      input: z.object({
        owner: Owner,
        repo: Repo,
        number: PullNumber,
        event: z
          .enum(['APPROVE', 'REQUEST_CHANGES', 'COMMENT'])
          .describe('APPROVE, REQUEST_CHANGES, or COMMENT (a review without a verdict).'),
        body: z
          .string()
          .trim()
          .min(1)
          .max(65_536)
          .describe('What the review says, in GitHub Markdown. GitHub requires it for REQUEST_CHANGES and COMMENT.'),
      }),
      run: async ({ owner, repo, number, event, body }, signal) => {
        const { data } = await githubCall(token, () =>
          octokit.rest.pulls.createReview({ owner, repo, pull_number: number, event, body, request: { signal } }),
        );
        return {
          id: data.id,
          state: data.state,
          reviewer: data.user?.login ?? null,
          submitted_at: data.submitted_at ?? null,
          url: data.html_url,
        };
      },
    }),
  ];
}
