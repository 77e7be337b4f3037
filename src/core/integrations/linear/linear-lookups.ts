import { type Issue, type LinearClient, type User, type WorkflowState } from '@linear/sdk';
import { ServiceError } from '../kit/service-error';
import { isUuid } from './linear-inputs';

const notFound = (detail: string) => new ServiceError('Linear', 'not_found', detail);

export async function teamIdFor(client: LinearClient, team: string): Promise<string> {
  if (isUuid(team)) return team;
  const { nodes } = await client.teams({ filter: { key: { eq: team } }, first: 1 });
  const found = nodes[0];
  if (!found) throw notFound(`There is no team with the key ${team} in this workspace.`);
  return found.id;
}

export async function userIdFor(client: LinearClient, email: string): Promise<string> {
  const { nodes } = await client.users({ filter: { email: { eqIgnoreCase: email } }, first: 1 });
  const found = nodes[0];
  if (!found) throw notFound(`No member of this workspace has the email address ${email}.`);
  return found.id;
}

/** A state of the team by name; when there is none, the error lists the names there are. */
export async function stateIdFor(client: LinearClient, teamId: string | undefined, name: string): Promise<string> {
  // Every issue belongs to a team; the SDK's model types the id as optional all the same.
  if (!teamId) throw new Error('Linear did not say which team the issue belongs to');
  const team = { id: { eq: teamId } };
  const { nodes } = await client.workflowStates({ filter: { team, name: { eqIgnoreCase: name } }, first: 1 });
  const found = nodes[0];
  if (found) return found.id;
  const all = await client.workflowStates({ filter: { team }, first: 50 });
  const names = [...all.nodes].sort((a, b) => a.position - b.position).map((state) => state.name);
  throw notFound(`The issue's team has no state called "${name}"; its states are ${names.join(', ')}.`);
}

export interface CompactIssue {
  readonly identifier: string;
  readonly title: string;
  readonly state: string | null;
  readonly priority: string;
  readonly assignee: string | null;
  readonly url: string;
  readonly updatedAt: string;
}

/**
 * What a person reads about each issue, with state and assignee names. The SDK's `issue.state` and
 * `issue.assignee` would each fetch one entity per issue; this asks for all states and all
 * assignees in one query each.
 */
export async function compactIssues(client: LinearClient, issues: readonly Issue[]): Promise<CompactIssue[]> {
  const stateIds = unique(issues.map((issue) => issue.stateId));
  const assigneeIds = unique(issues.map((issue) => issue.assigneeId));
  const [states, users] = await Promise.all([
    stateIds.length === 0 ? null : client.workflowStates({ filter: { id: { in: stateIds } }, first: stateIds.length }),
    assigneeIds.length === 0
      ? null
      : client.users({ filter: { id: { in: assigneeIds } }, first: assigneeIds.length, includeDisabled: true }),
  ]);
  const stateNames = byId<WorkflowState>(states?.nodes ?? []);
  const userNames = byId<User>(users?.nodes ?? []);
  return issues.map((issue) => ({
    identifier: issue.identifier,
    title: issue.title,
    state: issue.stateId ? (stateNames.get(issue.stateId) ?? null) : null,
    priority: issue.priorityLabel,
    assignee: issue.assigneeId ? (userNames.get(issue.assigneeId) ?? null) : null,
    url: issue.url,
    updatedAt: issue.updatedAt.toISOString(),
  }));
}

function unique(ids: ReadonlyArray<string | undefined>): string[] {
  return [...new Set(ids.filter((id): id is string => Boolean(id)))];
}

function byId<T extends { id: string; name: string }>(nodes: readonly T[]): Map<string, string> {
  return new Map(nodes.map((node) => [node.id, node.name]));
}
