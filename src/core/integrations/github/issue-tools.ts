import type { Octokit } from '@octokit/rest';
import { z } from 'zod';
import { type BuiltinTool, defineBuiltinTool } from '../kit/builtin-tool';
import { githubCall } from './github-errors';
import { Limit, Login, Owner, Repo } from './github-inputs';

type Issue = Awaited<ReturnType<Octokit['rest']['issues']['get']>>['data'];

/** GitHub's list endpoint mixes pull requests into issues; this many pages are read to fill `limit`. */
const MAX_PAGES = 5;

const labelName = (label: Issue['labels'][number]): string => (typeof label === 'string' ? label : (label.name ?? ''));

export function compactIssue(issue: Issue) {
  return {
    number: issue.number,
    title: issue.title,
    state: issue.state,
    author: issue.user?.login ?? null,
    labels: issue.labels.map(labelName).filter(Boolean),
    assignees: (issue.assignees ?? []).map((a) => a.login),
    comments: issue.comments,
    url: issue.html_url,
    created_at: issue.created_at,
    updated_at: issue.updated_at,
  };
}

export function issueTools(octokit: Octokit, token: string): BuiltinTool[] {
  return [
    defineBuiltinTool({
      name: 'issues_list',
      title: 'List GitHub issues',
      description: 'Lists issues (not pull requests) in a GitHub repository, most recently created first.',
      group: 'github',
      actionClass: 'read',
      input: z.object({
        owner: Owner,
        repo: Repo,
        state: z.enum(['open', 'closed', 'all']).default('open').describe('Which issues: open (default), closed, or all.'),
        labels: z
          // GitHub takes the filter as one comma-separated list.
          .array(
            z
              .string()
              .trim()
              .min(1)
              .max(50)
              .regex(/^[^,]+$/, 'A label to filter by cannot contain a comma'),
          )
          .max(20)
          .optional()
          .describe('Only issues carrying every one of these labels.'),
        assignee: z
          .union([Login, z.enum(['none', '*'])])
          .optional()
          .describe('Only issues assigned to this login; "none" for unassigned, "*" for assigned to anyone.'),
        limit: Limit(30),
      }),
      run: async ({ owner, repo, state, labels, assignee, limit }, signal) => {
        const issues = await githubCall(token, async () => {
          const found: Issue[] = [];
          let pages = 0;
          const iterator = octokit.paginate.iterator(octokit.rest.issues.listForRepo, {
            owner,
            repo,
            state,
            ...(labels?.length ? { labels: labels.join(',') } : {}),
            ...(assignee ? { assignee } : {}),
            per_page: limit,
            request: { signal },
          });
          for await (const page of iterator) {
            found.push(...page.data.filter((item) => !item.pull_request));
            if (found.length >= limit || ++pages >= MAX_PAGES) break;
          }
          return found.slice(0, limit);
        });
        return { repository: `${owner}/${repo}`, state, count: issues.length, issues: issues.map(compactIssue) };
      },
    }),
    defineBuiltinTool({
      name: 'issue_create',
      title: 'Create a GitHub issue',
      description: 'Opens a new issue in a GitHub repository as the connected user.',
      group: 'github',
      actionClass: 'create',
      input: z.object({
        owner: Owner,
        repo: Repo,
        title: z.string().trim().min(1).max(256).describe('The issue title (GitHub allows up to 256 characters).'),
        body: z.string().max(65_536).optional().describe('The issue description, in GitHub Markdown.'),
        labels: z.array(z.string().trim().min(1).max(50)).max(100).optional().describe('Label names to apply.'),
        assignees: z.array(Login).max(10).optional().describe('Logins to assign (GitHub allows up to 10).'),
      }),
      run: async ({ owner, repo, title, body, labels, assignees }, signal) => {
        const { data } = await githubCall(token, () =>
          octokit.rest.issues.create({
            owner,
            repo,
            title,
            ...(body === undefined ? {} : { body }),
            ...(labels ? { labels } : {}),
            ...(assignees ? { assignees } : {}),
            request: { signal },
          }),
        );
        return compactIssue(data);
      },
    }),
  ];
}
