import { PaginationOrderBy } from '@linear/sdk';
import type { LinearIssueData } from '../../../shared';
import type { PolledEvent, PollSource } from '../../engine/ingress/poll-source';
import { type LinearConnection, withLinear } from './linear-client';
import { compactIssues } from './linear-lookups';

const INTERVAL_MS = 2 * 60_000;
/** An issue whose update is this close to its creation is new, not changed. */
const CREATED_WINDOW_MS = 2_000;

/**
 * Linear issues assigned to the person, updated since the cursor, as `linear/issue.created|updated`
 * events (id: issue and update time, so an unchanged issue is never delivered twice).
 */
export function linearIssuesSource(options: { connection: LinearConnection; now: () => number }): PollSource {
  return {
    id: 'linear:issues',
    label: 'Linear issues',
    intervalMs: INTERVAL_MS,
    async poll(cursor, signal) {
      if (cursor === null) return { events: [], cursor: new Date(options.now()).toISOString() };
      // A second of overlap: the bus drops the boundary repeat.
      const since = new Date(Date.parse(cursor) - 1_000);
      const { issues, compact } = await withLinear(options.connection, signal, async (client) => {
        const { nodes } = await client.issues({
          filter: { assignee: { isMe: { eq: true } }, updatedAt: { gt: since } },
          first: 50,
          orderBy: PaginationOrderBy.UpdatedAt,
        });
        return { issues: nodes, compact: await compactIssues(client, nodes) };
      });
      const events: PolledEvent[] = issues.map((issue, i) => {
        const updatedAt = issue.updatedAt.getTime();
        const data: LinearIssueData = {
          id: issue.id,
          identifier: issue.identifier,
          title: issue.title,
          state: compact[i]?.state ?? 'Unknown',
          priority: Math.min(4, Math.max(0, Math.round(issue.priority))),
          assignedToViewer: true,
          url: issue.url,
          updatedAt,
        };
        const created = Math.abs(updatedAt - issue.createdAt.getTime()) <= CREATED_WINDOW_MS;
        return {
          id: `linear:${issue.id}:${issue.updatedAt.toISOString()}`,
          type: created ? 'linear/issue.created' : 'linear/issue.updated',
          timestamp: updatedAt,
          data,
          metadata: { personaContext: 'work', correlationId: `linear:${issue.identifier}` },
        };
      });
      const newest = issues.reduce((max, issue) => {
        const at = issue.updatedAt.toISOString();
        return at > max ? at : max;
      }, cursor);
      return { events, cursor: newest };
    },
  };
}
