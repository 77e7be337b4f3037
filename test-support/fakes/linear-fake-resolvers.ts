import { randomUUID } from 'node:crypto';
import { GraphQLError } from 'graphql';
import {
  findIssue,
  identifierOf,
  type LinearFakeData,
  type LinearFakeIssue,
  type LinearFakeState,
  type LinearFakeTeam,
  type LinearFakeUser,
  PRIORITY_LABELS,
} from './linear-fake-data';

/**
 * Resolvers of the Linear GraphQL fake over its in-memory workspace. Each view object carries every
 * non-null field the schema declares (the SDK's model constructors read them); fields Linear would
 * fill from features the fake does not model (cycles, projects, SLAs, reactions) are null or empty.
 * Nested objects are functions, which graphql-js's default resolver calls only when selected.
 */
export interface LinearFakeContext {
  readonly data: LinearFakeData;
  readonly viewerId: string;
  nextSyncId(): number;
}

type Args = Record<string, unknown>;

/** An argument or input field that was sent with a value: GraphQL gives null for an explicit null. */
const given = <T>(value: T | null | undefined): value is T => value !== null && value !== undefined;

/** The way Linear reports a user error: `extensions.type` is what the SDK turns into an error class. */
export function linearInputError(message: string, userPresentableMessage: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { type: 'invalid input', code: 'INPUT_ERROR', statusCode: 400, userError: true, userPresentableMessage },
  });
}

const notFound = (entity: string) => linearInputError(`Entity not found: ${entity}`, `Could not find referenced ${entity}.`);

const CREATED = '2024-01-15T09:00:00.000Z';

const slug = (title: string) =>
  title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);

function userView(data: LinearFakeData, user: LinearFakeUser) {
  return {
    id: user.id,
    name: user.name,
    displayName: user.displayName,
    email: user.email,
    initials: user.name
      .split(' ')
      .map((part) => part[0] ?? '')
      .join('')
      .slice(0, 2),
    url: `https://linear.app/${data.organization.urlKey}/profiles/${user.displayName}`,
    createdIssueCount: data.issues.filter((issue) => issue.creatorId === user.id).length,
    avatarBackgroundColor: '#5e6ad2',
    createdAt: CREATED,
    updatedAt: CREATED,
    active: true,
    isAssignable: true,
    isMentionable: true,
    guest: false,
    admin: false,
    owner: false,
    app: false,
    isMe: (_args: Args, context: LinearFakeContext) => context.viewerId === user.id,
    supportsAgentSessions: false,
    canAccessAnyPublicTeam: true,
    inviteHash: `invite-${user.displayName}`,
  };
}

/** Team settings the fake does not model, at the values a new Linear team starts with. */
const TEAM_SETTINGS = {
  cycleIssueAutoAssignCompleted: false,
  cycleLockToActive: false,
  cycleIssueAutoAssignStarted: false,
  upcomingCycleCount: 2,
  autoArchivePeriod: 6,
  securitySettings: {},
  cycleCooldownTime: 0,
  cycleStartDay: 1,
  cycleDuration: 2,
  issueEstimationType: 'notUsed',
  ledInitiativeCount: 0,
  timezone: 'America/Los_Angeles',
  visibility: 'public',
  defaultIssueEstimate: 1,
  setIssueSortOrderOnStateChange: 'bottom',
  requirePriorityToLeaveTriage: false,
  initiativesEnabled: true,
  scimManaged: false,
  private: false,
  inheritIssueEstimation: false,
  inheritWorkflowStatuses: false,
  cyclesEnabled: false,
  viewerCanJoin: false,
  viewerCanLeave: true,
  issueEstimationExtended: false,
  issueEstimationAllowZero: false,
  aiDiscussionSummariesEnabled: false,
  aiThreadSummariesEnabled: false,
  groupIssueHistory: true,
  slackIssueComments: false,
  slackNewIssue: false,
  slackIssueStatuses: false,
  triageEnabled: false,
  issueOrderingNoPriorityFirst: false,
  issueSortOrderDefaultToBottom: false,
} as const;

function teamView(data: LinearFakeData, team: LinearFakeTeam) {
  return {
    ...TEAM_SETTINGS,
    id: team.id,
    key: team.key,
    name: team.name,
    displayName: team.name,
    cycleCalenderUrl: `https://calendar.linear.app/ical/${team.id}`,
    issueCount: data.issues.filter((issue) => issue.teamId === team.id).length,
    inviteHash: `team-${team.key.toLowerCase()}`,
    createdAt: CREATED,
    updatedAt: CREATED,
  };
}

function stateView(data: LinearFakeData, state: LinearFakeState) {
  return {
    id: state.id,
    name: state.name,
    type: state.type,
    color: state.color,
    position: state.position,
    team: () => teamView(data, teamOf(data, state.teamId)),
    createdAt: CREATED,
    updatedAt: CREATED,
  };
}

function issueView(data: LinearFakeData, issue: LinearFakeIssue) {
  const identifier = identifierOf(data, issue);
  const assignee = issue.assigneeId ? data.users.find((user) => user.id === issue.assigneeId) : undefined;
  const creator = issue.creatorId ? data.users.find((user) => user.id === issue.creatorId) : undefined;
  return {
    id: issue.id,
    identifier,
    number: issue.number,
    title: issue.title,
    description: issue.description,
    priority: issue.priority,
    priorityLabel: PRIORITY_LABELS[issue.priority] ?? 'No priority',
    prioritySortOrder: issue.priority,
    url: `https://linear.app/${data.organization.urlKey}/issue/${identifier}/${slug(issue.title)}`,
    branchName: `${assignee?.displayName ?? 'unassigned'}/${identifier.toLowerCase()}-${slug(issue.title)}`,
    team: () => teamView(data, teamOf(data, issue.teamId)),
    state: () => stateView(data, stateOf(data, issue.stateId)),
    assignee: () => (assignee ? userView(data, assignee) : null),
    creator: () => (creator ? userView(data, creator) : null),
    createdAt: issue.createdAt,
    updatedAt: issue.updatedAt,
    boardOrder: 0,
    sortOrder: -issue.number,
    customerTicketCount: 0,
    labelIds: [],
    previousIdentifiers: [],
    reactionData: [],
    reactions: [],
    inheritsSharedAccess: false,
    sharedAccess: {
      disallowedIssueFields: [],
      sharedWithCount: 0,
      sharedWithUsers: [],
      viewerHasOnlySharedAccess: false,
      isShared: false,
    },
  };
}

/** Workspace settings the fake does not model, at Linear's defaults. */
const ORGANIZATION_SETTINGS = {
  allowedAuthServices: [],
  authSettings: {},
  customersConfiguration: {},
  pullRequestIssueMode: 'default',
  previousUrlKeys: [],
  periodUploadVolume: 0,
  securitySettings: {},
  initiativeUpdateRemindersDay: 'Friday',
  projectUpdateRemindersDay: 'Friday',
  releaseChannel: 'public',
  initiativeUpdateRemindersHour: 14,
  projectUpdateRemindersHour: 14,
  customerCount: 0,
  slackProjectChannelPrefix: 'proj',
  projectStatuses: [],
  fiscalYearStartMonth: 0,
  hipaaComplianceEnabled: false,
  samlEnabled: false,
  scimEnabled: false,
  gitLinkbackDescriptionsEnabled: true,
  releasesEnabled: false,
  customersEnabled: false,
  gitLinkbackMessagesEnabled: true,
  gitPublicLinkbackMessagesEnabled: false,
  feedEnabled: true,
  suggestedBranchNameEnabled: true,
  roadmapEnabled: false,
  pullRequestTourEnabled: false,
  aiDiscussionSummariesEnabled: false,
  aiThreadSummariesEnabled: false,
  hideNonPrimaryOrganizations: false,
  projectUpdatesReminderFrequency: 'week',
  slaDayCount: 'all',
} as const;

function organizationView(data: LinearFakeData) {
  return {
    ...ORGANIZATION_SETTINGS,
    id: data.organization.id,
    name: data.organization.name,
    urlKey: data.organization.urlKey,
    userCount: data.users.length,
    createdIssueCount: data.issues.length,
    createdAt: CREATED,
    updatedAt: CREATED,
  };
}

function teamOf(data: LinearFakeData, id: string): LinearFakeTeam {
  const team = data.teams.find((t) => t.id === id);
  if (!team) throw notFound('Team');
  return team;
}

function stateOf(data: LinearFakeData, id: string): LinearFakeState {
  const state = data.states.find((s) => s.id === id);
  if (!state) throw notFound('WorkflowState');
  return state;
}

// Filters: the comparators and filter fields the schema's input types allow, evaluated as Linear
// does (every given condition must hold; `or` needs one of its filters to hold).

interface Comparator {
  readonly eq?: unknown;
  readonly eqIgnoreCase?: string;
  readonly in?: readonly unknown[];
  readonly containsIgnoreCase?: string;
}

function compare(value: string | boolean | null, comparator: Comparator | undefined): boolean {
  if (!comparator) return true;
  const text = typeof value === 'string' ? value.toLowerCase() : null;
  if (given(comparator.eq) && comparator.eq !== value) return false;
  if (given(comparator.in) && !comparator.in.includes(value)) return false;
  if (given(comparator.eqIgnoreCase) && text !== comparator.eqIgnoreCase.toLowerCase()) return false;
  return !given(comparator.containsIgnoreCase) || (text?.includes(comparator.containsIgnoreCase.toLowerCase()) ?? false);
}

interface TeamFilter {
  readonly id?: Comparator;
  readonly key?: Comparator;
}
interface StateFilter {
  readonly id?: Comparator;
  readonly name?: Comparator;
  readonly team?: TeamFilter;
}
interface UserFilter {
  readonly id?: Comparator;
  readonly email?: Comparator;
}
interface DateFilter {
  readonly gt?: string;
  readonly gte?: string;
  readonly lt?: string;
}
interface IssueFilter {
  readonly updatedAt?: DateFilter;
  readonly team?: TeamFilter;
  readonly state?: StateFilter;
  readonly assignee?: { readonly isMe?: Comparator };
  readonly title?: Comparator;
  readonly description?: Comparator;
  readonly or?: readonly IssueFilter[];
}

const teamMatches = (team: LinearFakeTeam, filter: TeamFilter | undefined) =>
  compare(team.id, filter?.id) && compare(team.key, filter?.key);

const stateMatches = (data: LinearFakeData, state: LinearFakeState, filter: StateFilter | undefined) =>
  compare(state.id, filter?.id) &&
  compare(state.name, filter?.name) &&
  (!filter?.team || teamMatches(teamOf(data, state.teamId), filter.team));

const userMatches = (user: LinearFakeUser, filter: UserFilter | undefined) =>
  compare(user.id, filter?.id) && compare(user.email, filter?.email);

function issueMatches(context: LinearFakeContext, issue: LinearFakeIssue, filter: IssueFilter | undefined): boolean {
  if (!filter) return true;
  const { data } = context;
  return (
    (!filter.team || teamMatches(teamOf(data, issue.teamId), filter.team)) &&
    (!filter.state || stateMatches(data, stateOf(data, issue.stateId), filter.state)) &&
    (!filter.assignee || compare(issue.assigneeId === context.viewerId, filter.assignee.isMe)) &&
    dateMatches(issue.updatedAt, filter.updatedAt) &&
    compare(issue.title, filter.title) &&
    compare(issue.description, filter.description) &&
    (!filter.or || filter.or.some((branch) => issueMatches(context, issue, branch)))
  );
}

function dateMatches(value: string, filter: DateFilter | undefined): boolean {
  if (!filter) return true;
  const at = Date.parse(value);
  return (
    (!given(filter.gt) || at > Date.parse(filter.gt)) &&
    (!given(filter.gte) || at >= Date.parse(filter.gte)) &&
    (!given(filter.lt) || at < Date.parse(filter.lt))
  );
}

/** Pagination beyond the first page is not implemented; a request for it is refused, not ignored. */
function firstPage<T extends { id: string }>(items: readonly T[], args: Args) {
  for (const unsupported of ['after', 'before', 'last', 'sort']) {
    if (given(args[unsupported])) {
      throw new GraphQLError(`The Linear fake does not implement \`${unsupported}\``, { extensions: { type: 'graphql error' } });
    }
  }
  const first = typeof args.first === 'number' ? args.first : 50;
  const nodes = items.slice(0, first);
  return {
    nodes,
    pageInfo: {
      hasNextPage: items.length > first,
      hasPreviousPage: false,
      startCursor: nodes[0]?.id ?? null,
      endCursor: nodes.at(-1)?.id ?? null,
    },
  };
}

const newestFirst = (by: 'createdAt' | 'updatedAt') => (a: LinearFakeIssue, b: LinearFakeIssue) => b[by].localeCompare(a[by]);

function checkPriority(priority: unknown): void {
  if (given(priority) && (typeof priority !== 'number' || priority < 0 || priority > 4)) {
    throw linearInputError('Argument Validation Error', 'priority must be between 0 and 4.');
  }
}

function checkTitle(title: unknown): void {
  if (typeof title !== 'string' || title.trim() === '') {
    throw linearInputError('Argument Validation Error', 'title must not be empty.');
  }
}

function userOf(data: LinearFakeData, id: string): LinearFakeUser {
  const user = data.users.find((u) => u.id === id);
  if (!user) throw notFound('User');
  return user;
}

/** The root value: one function per Query and Mutation field in the fake's schema. */
export function linearFakeRoot() {
  return {
    viewer: (_args: Args, { data, viewerId }: LinearFakeContext) => userView(data, userOf(data, viewerId)),

    organization: (_args: Args, { data }: LinearFakeContext) => organizationView(data),

    teams: (args: Args, { data }: LinearFakeContext) => {
      const page = firstPage(
        data.teams.filter((team) => teamMatches(team, args.filter as TeamFilter | undefined)),
        args,
      );
      return { ...page, nodes: page.nodes.map((team) => teamView(data, team)) };
    },

    workflowStates: (args: Args, { data }: LinearFakeContext) => {
      const page = firstPage(
        data.states.filter((state) => stateMatches(data, state, args.filter as StateFilter | undefined)),
        args,
      );
      return { ...page, nodes: page.nodes.map((state) => stateView(data, state)) };
    },

    users: (args: Args, { data }: LinearFakeContext) => {
      const page = firstPage(
        data.users.filter((user) => userMatches(user, args.filter as UserFilter | undefined)),
        args,
      );
      return { ...page, nodes: page.nodes.map((user) => userView(data, user)) };
    },

    issues: (args: Args, context: LinearFakeContext) => {
      const order = args.orderBy === 'updatedAt' ? 'updatedAt' : 'createdAt';
      const matching = context.data.issues
        .filter((issue) => issueMatches(context, issue, args.filter as IssueFilter | undefined))
        .sort(newestFirst(order));
      const page = firstPage(matching, args);
      return { ...page, nodes: page.nodes.map((issue) => issueView(context.data, issue)) };
    },

    issue: (args: Args, { data }: LinearFakeContext) => {
      const issue = findIssue(data, String(args.id));
      if (!issue) throw notFound('Issue');
      return issueView(data, issue);
    },

    issueCreate: (args: Args, context: LinearFakeContext) => {
      const { data } = context;
      const input = args.input as {
        teamId: string;
        title?: string | null;
        description?: string | null;
        priority?: number | null;
        assigneeId?: string | null;
      };
      const team = teamOf(data, input.teamId);
      checkTitle(input.title);
      checkPriority(input.priority);
      if (input.assigneeId) userOf(data, input.assigneeId);
      // New issues land in the team's first backlog-or-unstarted state, as with Linear's defaults.
      const state = data.states
        .filter((s) => s.teamId === team.id && (s.type === 'backlog' || s.type === 'unstarted'))
        .sort((a, b) => a.position - b.position)[0];
      if (!state) throw linearInputError('No default state', `Team ${team.key} has no backlog or unstarted state.`);
      const now = new Date().toISOString();
      const issue: LinearFakeIssue = {
        id: randomUUID(),
        teamId: team.id,
        number: Math.max(0, ...data.issues.filter((i) => i.teamId === team.id).map((i) => i.number)) + 1,
        title: String(input.title).trim(),
        description: input.description ?? null,
        priority: input.priority ?? 0,
        stateId: state.id,
        assigneeId: input.assigneeId ?? null,
        creatorId: context.viewerId,
        createdAt: now,
        updatedAt: now,
      };
      data.issues.push(issue);
      return { success: true, lastSyncId: context.nextSyncId(), issue: issueView(data, issue) };
    },

    issueUpdate: (args: Args, context: LinearFakeContext) => {
      const { data } = context;
      const issue = findIssue(data, String(args.id));
      if (!issue) throw notFound('Issue');
      const input = args.input as {
        title?: string | null;
        description?: string | null;
        priority?: number | null;
        stateId?: string | null;
        assigneeId?: string | null;
      };
      if (input.title !== undefined) checkTitle(input.title);
      checkPriority(input.priority);
      if (given(input.stateId) && stateOf(data, input.stateId).teamId !== issue.teamId) {
        throw linearInputError('Argument Validation Error', "The workflow state does not belong to the issue's team.");
      }
      if (input.assigneeId) userOf(data, input.assigneeId);
      if (given(input.title)) issue.title = input.title.trim();
      if (input.description !== undefined) issue.description = input.description;
      if (given(input.priority)) issue.priority = input.priority;
      if (given(input.stateId)) issue.stateId = input.stateId;
      if (input.assigneeId !== undefined) issue.assigneeId = input.assigneeId;
      issue.updatedAt = new Date().toISOString();
      return { success: true, lastSyncId: context.nextSyncId(), issue: issueView(data, issue) };
    },

    commentCreate: (args: Args, context: LinearFakeContext) => {
      const input = args.input as { issueId?: string | null; body?: string | null };
      const issue = input.issueId ? findIssue(context.data, input.issueId) : undefined;
      if (!issue) throw notFound('Issue');
      if (!input.body?.trim()) throw linearInputError('Argument Validation Error', 'body must not be empty.');
      const comment = {
        id: randomUUID(),
        issueId: issue.id,
        userId: context.viewerId,
        body: input.body,
        createdAt: new Date().toISOString(),
      };
      context.data.comments.push(comment);
      return { success: true, lastSyncId: context.nextSyncId(), comment: { id: comment.id } };
    },
  };
}
