import { z } from 'zod';
import { type BuiltinTool, defineBuiltinTool } from '../kit/builtin-tool';
import { type LinearConnection, withLinear } from './linear-client';
import { IssueRef } from './linear-inputs';

export function commentTools(connection: LinearConnection): BuiltinTool[] {
  return [
    defineBuiltinTool({
      name: 'comment_create',
      title: 'Comment on a Linear issue',
      description: 'Adds a comment to a Linear issue as the connected user.',
      group: 'linear',
      actionClass: 'create',
      input: z.object({
        issue: IssueRef,
        body: z.string().trim().min(1).max(100_000).describe('The comment, in Markdown.'),
      }),
      run: async ({ issue: ref, body }, signal) =>
        withLinear(connection, signal, async (client) => {
          // Fetched first so an unknown issue is a clear "not found" and the answer can name it.
          const issue = await client.issue(ref);
          const payload = await client.createComment({ issueId: issue.id, body });
          return { id: payload.commentId ?? null, issue: issue.identifier, issueUrl: issue.url };
        }),
    }),
  ];
}
