import { randomUUID } from 'node:crypto';

/** The in-memory workspace behind the Linear GraphQL fake. Tests read it to see what a mutation did. */
export interface LinearFakeOrganization {
  readonly id: string;
  readonly name: string;
  /** The workspace's URL key: issue URLs are `https://linear.app/<urlKey>/issue/<identifier>/…`. */
  readonly urlKey: string;
}

export interface LinearFakeTeam {
  readonly id: string;
  readonly key: string;
  readonly name: string;
}

export type LinearFakeStateType = 'triage' | 'backlog' | 'unstarted' | 'started' | 'completed' | 'canceled';

export interface LinearFakeState {
  readonly id: string;
  readonly teamId: string;
  readonly name: string;
  readonly type: LinearFakeStateType;
  readonly color: string;
  readonly position: number;
}

export interface LinearFakeUser {
  readonly id: string;
  readonly name: string;
  readonly displayName: string;
  readonly email: string;
}

export interface LinearFakeIssue {
  readonly id: string;
  readonly teamId: string;
  readonly number: number;
  title: string;
  description: string | null;
  /** 0 = no priority, 1 = urgent, 2 = high, 3 = medium, 4 = low. */
  priority: number;
  stateId: string;
  assigneeId: string | null;
  readonly creatorId: string | null;
  readonly createdAt: string;
  updatedAt: string;
}

export interface LinearFakeComment {
  readonly id: string;
  readonly issueId: string;
  readonly userId: string;
  readonly body: string;
  readonly createdAt: string;
}

export interface LinearFakeData {
  readonly organization: LinearFakeOrganization;
  readonly teams: LinearFakeTeam[];
  readonly states: LinearFakeState[];
  readonly users: LinearFakeUser[];
  readonly issues: LinearFakeIssue[];
  readonly comments: LinearFakeComment[];
}

export const PRIORITY_LABELS = ['No priority', 'Urgent', 'High', 'Medium', 'Low'] as const;

const STATES: ReadonlyArray<Pick<LinearFakeState, 'name' | 'type' | 'color'>> = [
  { name: 'Backlog', type: 'backlog', color: '#bec2c8' },
  { name: 'Todo', type: 'unstarted', color: '#e2e2e2' },
  { name: 'In Progress', type: 'started', color: '#f2c94c' },
  { name: 'Done', type: 'completed', color: '#5e6ad2' },
];

/**
 * A small, realistic workspace: teams ENG "Engineering" and DES "Design", each with the states
 * Backlog / Todo / In Progress / Done, three people (the first is who the fake's API key belongs to)
 * and a handful of issues in different states, priorities and assignees.
 */
export function seedLinearData(): LinearFakeData {
  const organization = { id: randomUUID(), name: 'Acme Robotics', urlKey: 'acme' };
  const teams = [
    { id: randomUUID(), key: 'ENG', name: 'Engineering' },
    { id: randomUUID(), key: 'DES', name: 'Design' },
  ];
  const states = teams.flatMap((team) =>
    STATES.map((state, position) => ({ ...state, id: randomUUID(), teamId: team.id, position })),
  );
  const users = [
    { id: randomUUID(), name: 'Maya Chen', displayName: 'maya', email: 'maya@acme.example' },
    { id: randomUUID(), name: 'Sam Patel', displayName: 'sam', email: 'sam@acme.example' },
    { id: randomUUID(), name: 'Jordan Rivera', displayName: 'jordan', email: 'jordan@acme.example' },
  ];
  const [maya, sam, jordan] = users as [LinearFakeUser, LinearFakeUser, LinearFakeUser];
  const stateId = (teamKey: string, name: string): string => {
    const team = teams.find((t) => t.key === teamKey);
    const state = states.find((s) => s.teamId === team?.id && s.name === name);
    if (!state) throw new Error(`seed: no state ${name} in ${teamKey}`);
    return state.id;
  };
  const numbers = new Map<string, number>();
  const issue = (
    teamKey: string,
    title: string,
    fields: { state: string; priority: number; assignee: LinearFakeUser | null; description?: string; daysAgo: number },
  ): LinearFakeIssue => {
    const team = teams.find((t) => t.key === teamKey);
    if (!team) throw new Error(`seed: no team ${teamKey}`);
    const number = (numbers.get(team.id) ?? 0) + 1;
    numbers.set(team.id, number);
    const at = new Date(Date.UTC(2025, 5, 30) - fields.daysAgo * 86_400_000).toISOString();
    return {
      id: randomUUID(),
      teamId: team.id,
      number,
      title,
      description: fields.description ?? null,
      priority: fields.priority,
      stateId: stateId(teamKey, fields.state),
      assigneeId: fields.assignee?.id ?? null,
      creatorId: sam.id,
      createdAt: at,
      updatedAt: at,
    };
  };
  const issues = [
    issue('ENG', 'Crash when the gripper calibrates twice', {
      state: 'In Progress',
      priority: 1,
      assignee: maya,
      description: 'Calling `calibrate()` twice in a row crashes the firmware. Stack trace in the thread.',
      daysAgo: 1,
    }),
    issue('ENG', 'Upgrade the CI runners to Node 22', { state: 'Todo', priority: 3, assignee: sam, daysAgo: 2 }),
    issue('ENG', 'Flaky test: motor controller timeout', {
      state: 'Todo',
      priority: 2,
      assignee: maya,
      description: 'Fails about one run in twenty on the ARM runners.',
      daysAgo: 3,
    }),
    issue('ENG', 'Document the telemetry export format', { state: 'Backlog', priority: 4, assignee: null, daysAgo: 8 }),
    issue('ENG', 'Ship firmware 2.4 to the beta fleet', { state: 'Done', priority: 2, assignee: jordan, daysAgo: 12 }),
    issue('ENG', 'Rotate the staging database credentials', { state: 'Backlog', priority: 0, assignee: sam, daysAgo: 20 }),
    issue('DES', 'Refresh the onboarding illustrations', { state: 'In Progress', priority: 3, assignee: jordan, daysAgo: 4 }),
    issue('DES', 'Dark mode for the fleet dashboard', { state: 'Todo', priority: 2, assignee: maya, daysAgo: 6 }),
  ];
  return { organization, teams, states, users, issues, comments: [] };
}

export function identifierOf(data: LinearFakeData, issue: LinearFakeIssue): string {
  const team = data.teams.find((t) => t.id === issue.teamId);
  return `${team?.key ?? '???'}-${issue.number}`;
}

/** Linear takes an issue's UUID or its identifier (`ENG-12`) wherever it asks for an issue id. */
export function findIssue(data: LinearFakeData, ref: string): LinearFakeIssue | undefined {
  return data.issues.find((issue) => issue.id === ref || identifierOf(data, issue) === ref.toUpperCase());
}
