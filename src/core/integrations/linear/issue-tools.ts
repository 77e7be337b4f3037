import { type LinearDocument, PaginationOrderBy } from '@linear/sdk';
import { z } from 'zod';
import { type BuiltinTool, defineBuiltinTool } from '../kit/builtin-tool';
import { type LinearConnection, withLinear } from './linear-client';
import { AssigneeEmail, Description, IssueRef, Priority, StateName, TeamKey, TeamRef, Title } from './linear-inputs';
import { compactIssues, stateIdFor, teamIdFor, userIdFor } from './linear-lookups';

export function issueTools(connection: LinearConnection): BuiltinTool[] {
  return [
    defineBuiltinTool({
      name: 'issues_list',
      title: 'List Linear issues',
      description: 'Lists Linear issues, most recently updated first, optionally narrowed by team, state, assignee or text.',
      group: 'linear',
      actionClass: 'read',
      input: z.object({
        team: TeamKey.optional().describe('Only issues of this team, by key, e.g. "ENG".'),
        state: StateName.optional().describe('Only issues in the workflow state of this name, e.g. "In Progress".'),
        assignedToMe: z.boolean().optional().describe('Only issues assigned to the connected user.'),
        query: z
          .string()
          .trim()
          .min(1)
          .max(200)
          .optional()
          .describe('Only issues whose title or description contains this text.'),
        limit: z.number().int().min(1).max(50).default(25).describe('How many to return (1–50).'),
      }),
      run: async ({ team, state, assignedToMe, query, limit }, signal) => {
        const filter: LinearDocument.IssueFilter = {
          ...(team ? { team: { key: { eq: team } } } : {}),
          ...(state ? { state: { name: { eqIgnoreCase: state } } } : {}),
          ...(assignedToMe ? { assignee: { isMe: { eq: true } } } : {}),
          ...(query ? { or: [{ title: { containsIgnoreCase: query } }, { description: { containsIgnoreCase: query } }] } : {}),
        };
        const issues = await withLinear(connection, signal, async (client) => {
          const { nodes } = await client.issues({ filter, first: limit, orderBy: PaginationOrderBy.UpdatedAt });
          return compactIssues(client, nodes);
        });
        return { count: issues.length, issues };
      },
    }),
    defineBuiltinTool({
      name: 'issue_create',
      title: 'Create a Linear issue',
      description: 'Creates an issue in a Linear team as the connected user.',
      group: 'linear',
      actionClass: 'create',
      input: z.object({
        team: TeamRef,
        title: Title.describe('The issue title.'),
        description: Description.optional(),
        priority: Priority.optional(),
        assigneeEmail: AssigneeEmail.optional(),
      }),
      run: async ({ team, title, description, priority, assigneeEmail }, signal) =>
        withLinear(connection, signal, async (client) => {
          const [teamId, assigneeId] = await Promise.all([
            teamIdFor(client, team),
            assigneeEmail ? userIdFor(client, assigneeEmail) : undefined,
          ]);
          const payload = await client.createIssue({
            teamId,
            title,
            ...(description === undefined ? {} : { description }),
            ...(priority === undefined ? {} : { priority }),
            ...(assigneeId ? { assigneeId } : {}),
          });
          if (!payload.issueId) throw new Error('Linear did not return the new issue');
          const [created] = await compactIssues(client, [await client.issue(payload.issueId)]);
          return created;
        }),
    }),
    defineBuiltinTool({
      name: 'issue_update',
      title: 'Update a Linear issue',
      description:
        'Changes an issue’s title, description, workflow state, priority or assignee. Fields left out stay as they are.',
      group: 'linear',
      actionClass: 'update',
      input: z.object({
        issue: IssueRef,
        title: Title.optional().describe('The new title.'),
        description: Description.optional(),
        state: StateName.optional().describe('The name of the workflow state to move the issue to, e.g. "Done".'),
        priority: Priority.optional(),
        assigneeEmail: AssigneeEmail.optional(),
      }),
      run: async ({ issue: ref, title, description, state, priority, assigneeEmail }, signal) =>
        withLinear(connection, signal, async (client) => {
          const issue = await client.issue(ref);
          const [stateId, assigneeId] = await Promise.all([
            state === undefined ? undefined : stateIdFor(client, issue.teamId, state),
            assigneeEmail ? userIdFor(client, assigneeEmail) : undefined,
          ]);
          const input: LinearDocument.IssueUpdateInput = {
            ...(title === undefined ? {} : { title }),
            ...(description === undefined ? {} : { description }),
            ...(stateId ? { stateId } : {}),
            ...(priority === undefined ? {} : { priority }),
            ...(assigneeId ? { assigneeId } : {}),
          };
          const changed = Object.entries({ title, description, state, priority, assigneeEmail })
            .filter(([, value]) => value !== undefined)
            .map(([field]) => field);
          // Nothing to change is not an error: the issue is returned as it is.
          if (changed.length > 0) await client.updateIssue(issue.id, input);
          const [updated] = await compactIssues(client, [changed.length > 0 ? await client.issue(issue.id) : issue]);
          return { ...updated, changed };
        }),
    }),
  ];
}
