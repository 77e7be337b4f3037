/**
 * The schema of the Linear GraphQL fake: exactly the operations `@linear/sdk` sends for Izzie's
 * Linear tools and identity check (queries `issues`, `issue`, `teams`, `workflowStates`, `users`,
 * `viewer`, `organization`; mutations `issueCreate`, `issueUpdate`, `commentCreate`).
 *
 * The output types hold every field the SDK's documents select for those operations (its fragments
 * select far more than Izzie reads) and nothing else; each field's type and nullability is copied
 * from the SDK's generated type declarations, so a response the fake builds is one the real API
 * could send. Regenerate by logging the documents the SDK sends (they are fixed strings in its
 * dist) when the SDK is upgraded: any field a new version selects and this schema lacks fails the
 * fake's validation loudly instead of being answered with made-up data.
 */
export const LINEAR_FAKE_SDL = /* GraphQL */ `
  type Query {
    issue(id: String!): Issue!
    issues(
      after: String
      before: String
      filter: IssueFilter
      first: Int
      includeArchived: Boolean
      last: Int
      orderBy: PaginationOrderBy
      sort: [IssueSortInput!]
    ): IssueConnection!
    organization: Organization!
    teams(
      after: String
      before: String
      filter: TeamFilter
      first: Int
      includeArchived: Boolean
      last: Int
      orderBy: PaginationOrderBy
    ): TeamConnection!
    users(
      after: String
      before: String
      filter: UserFilter
      first: Int
      includeArchived: Boolean
      includeDisabled: Boolean
      last: Int
      orderBy: PaginationOrderBy
      sort: [UserSortInput!]
    ): UserConnection!
    viewer: User!
    workflowStates(
      after: String
      before: String
      filter: WorkflowStateFilter
      first: Int
      includeArchived: Boolean
      last: Int
      orderBy: PaginationOrderBy
    ): WorkflowStateConnection!
  }

  type Mutation {
    commentCreate(input: CommentCreateInput!): CommentPayload!
    issueCreate(input: IssueCreateInput!): IssuePayload!
    issueUpdate(id: String!, input: IssueUpdateInput!): IssuePayload!
  }

  type ActorBot {
    avatarUrl: String
    id: ID
    name: String
    subType: String
    type: String!
    userDisplayName: String
  }

  type Comment {
    id: ID!
  }

  type CommentPayload {
    comment: Comment!
    lastSyncId: Float!
    success: Boolean!
  }

  type Cycle {
    id: ID!
  }

  scalar DateTime

  enum Day {
    Friday
    Monday
    Saturday
    Sunday
    Thursday
    Tuesday
    Wednesday
  }

  type ExternalEntityInfo {
    id: String!
    metadata: ExternalEntityInfoMetadata
    service: ExternalSyncService!
  }

  type ExternalEntityInfoGithubMetadata {
    number: Float
    owner: String
    repo: String
  }

  type ExternalEntityInfoJiraMetadata {
    issueKey: String
    issueTypeId: String
    projectId: String
  }

  union ExternalEntityInfoMetadata =
    | ExternalEntityInfoGithubMetadata
    | ExternalEntityInfoJiraMetadata
    | ExternalEntitySlackMetadata

  type ExternalEntitySlackMetadata {
    channelId: String
    channelName: String
    isFromSlack: Boolean!
    messageUrl: String
  }

  enum ExternalSyncService {
    github
    jira
    slack
  }

  type ExternalUser {
    id: ID!
  }

  type Favorite {
    id: ID!
  }

  enum FeedSummarySchedule {
    daily
    never
    weekly
  }

  type InitiativeUpdate {
    id: ID!
  }

  type Integration {
    id: ID!
  }

  enum IntegrationService {
    airbyte
    asksWeb
    datadog
    discord
    email
    figma
    figmaPlugin
    front
    github
    githubCodeAccessPersonal
    githubCommit
    githubEnterpriseServer
    githubImport
    githubPersonal
    gitlab
    gong
    googleCalendarPersonal
    googleSheets
    intercom
    jira
    jiraPersonal
    launchDarkly
    launchDarklyPersonal
    loom
    mcpServer
    mcpServerPersonal
    microsoftPersonal
    microsoftTeams
    microsoftTeamsProjectPost
    notion
    opsgenie
    origin
    pagerDuty
    salesforce
    sentry
    slack
    slackAsks
    slackCustomViewNotifications
    slackInitiativePost
    slackOrgInitiativeUpdatesPost
    slackOrgProjectUpdatesPost
    slackPersonal
    slackPost
    slackProjectPost
    slackProjectUpdatesPost
    zendesk
  }

  type IntegrationsSettings {
    id: ID!
  }

  type Issue {
    addedToCycleAt: DateTime
    addedToProjectAt: DateTime
    addedToTeamAt: DateTime
    archivedAt: DateTime
    asksExternalUserRequester: ExternalUser
    asksRequester: User
    assignee: User
    autoArchivedAt: DateTime
    autoClosedAt: DateTime
    boardOrder: Float!
    botActor: ActorBot
    branchName: String!
    canceledAt: DateTime
    completedAt: DateTime
    createdAt: DateTime!
    creator: User
    customerTicketCount: Int!
    cycle: Cycle
    delegate: User
    description: String
    dueDate: TimelessDate
    estimate: Float
    externalUserCreator: ExternalUser
    favorite: Favorite
    id: ID!
    identifier: String!
    inheritsSharedAccess: Boolean!
    integrationSourceType: IntegrationService
    labelIds: [String!]!
    lastAppliedTemplate: Template
    number: Float!
    parent: Issue
    previousIdentifiers: [String!]!
    priority: Float!
    priorityLabel: String!
    prioritySortOrder: Float!
    project: Project
    projectMilestone: ProjectMilestone
    reactionData: JSONObject!
    reactions: [Reaction!]!
    recurringIssueTemplate: Template
    sharedAccess: IssueSharedAccess!
    slaBreachesAt: DateTime
    slaHighRiskAt: DateTime
    slaMediumRiskAt: DateTime
    slaStartedAt: DateTime
    slaType: String
    snoozedBy: User
    snoozedUntilAt: DateTime
    sortOrder: Float!
    sourceComment: Comment
    startedAt: DateTime
    startedTriageAt: DateTime
    state: WorkflowState!
    subIssueSortOrder: Float
    syncedWith: [ExternalEntityInfo!]
    team: Team!
    title: String!
    trashed: Boolean
    triagedAt: DateTime
    updatedAt: DateTime!
    url: String!
  }

  type IssueConnection {
    nodes: [Issue!]!
    pageInfo: PageInfo!
  }

  type IssuePayload {
    issue: Issue
    lastSyncId: Float!
    success: Boolean!
  }

  type IssueSharedAccess {
    disallowedIssueFields: [IssueSharedAccessDisallowedField!]!
    isShared: Boolean!
    sharedWithCount: Int!
    sharedWithUsers: [User!]!
    viewerHasOnlySharedAccess: Boolean!
  }

  enum IssueSharedAccessDisallowedField {
    cycleId
    projectId
    projectMilestoneId
    teamId
  }

  scalar JSONObject

  type Organization {
    aiDiscussionSummariesEnabled: Boolean!
    aiThreadSummariesEnabled: Boolean!
    allowMembersToInvite: Boolean
    allowedAuthServices: [String!]!
    allowedFileUploadContentTypes: [String!]
    archivedAt: DateTime
    authSettings: JSONObject!
    createdAt: DateTime!
    createdIssueCount: Int!
    customerCount: Int!
    customersConfiguration: JSONObject!
    customersEnabled: Boolean!
    defaultFeedSummarySchedule: FeedSummarySchedule
    defaultHomeView: String
    defaultHomeViewTargetId: String
    deletionRequestedAt: DateTime
    feedEnabled: Boolean!
    fiscalYearStartMonth: Float!
    gitBranchFormat: String
    gitLinkbackDescriptionsEnabled: Boolean!
    gitLinkbackMessagesEnabled: Boolean!
    gitPublicLinkbackMessagesEnabled: Boolean!
    hideNonPrimaryOrganizations: Boolean!
    hipaaComplianceEnabled: Boolean!
    id: ID!
    initiativeUpdateReminderFrequencyInWeeks: Float
    initiativeUpdateRemindersDay: Day!
    initiativeUpdateRemindersHour: Float!
    logoUrl: String
    name: String!
    periodUploadVolume: Float!
    previousUrlKeys: [String!]!
    projectStatuses: [ProjectStatus!]!
    projectUpdateReminderFrequencyInWeeks: Float
    projectUpdateRemindersDay: Day!
    projectUpdateRemindersHour: Float!
    projectUpdatesReminderFrequency: ProjectUpdateReminderFrequency!
    pullRequestIssueMode: String!
    pullRequestTourEnabled: Boolean!
    releaseChannel: ReleaseChannel!
    releasesEnabled: Boolean!
    restrictLabelManagementToAdmins: Boolean
    restrictTeamCreationToAdmins: Boolean
    roadmapEnabled: Boolean!
    samlEnabled: Boolean!
    scimEnabled: Boolean!
    securitySettings: JSONObject!
    slaDayCount: SLADayCountType!
    slackProjectChannelIntegration: Integration
    slackProjectChannelPrefix: String!
    subscription: PaidSubscription
    suggestedBranchNameEnabled: Boolean!
    trialEndsAt: DateTime
    trialStartsAt: DateTime
    updatedAt: DateTime!
    urlKey: String!
    userCount: Int!
  }

  type PageInfo {
    endCursor: String
    hasNextPage: Boolean!
    hasPreviousPage: Boolean!
    startCursor: String
  }

  enum PaginationOrderBy {
    createdAt
    updatedAt
  }

  type PaidSubscription {
    archivedAt: DateTime
    cancelAt: DateTime
    canceledAt: DateTime
    collectionMethod: String!
    createdAt: DateTime!
    creator: User
    id: ID!
    nextBillingAt: DateTime
    pendingChangeType: String
    seats: Float!
    seatsMaximum: Float
    seatsMinimum: Float
    type: String!
    updatedAt: DateTime!
  }

  type Project {
    id: ID!
  }

  type ProjectMilestone {
    id: ID!
  }

  type ProjectStatus {
    archivedAt: DateTime
    color: String!
    createdAt: DateTime!
    description: String
    id: ID!
    indefinite: Boolean!
    name: String!
    position: Float!
    type: ProjectStatusType!
    updatedAt: DateTime!
  }

  enum ProjectStatusType {
    backlog
    canceled
    completed
    paused
    planned
    started
  }

  type ProjectUpdate {
    id: ID!
  }

  enum ProjectUpdateReminderFrequency {
    month
    never
    twoWeeks
    week
  }

  type Reaction {
    archivedAt: DateTime
    comment: Comment
    createdAt: DateTime!
    emoji: String!
    externalUser: ExternalUser
    id: ID!
    initiativeUpdate: InitiativeUpdate
    issue: Issue
    projectUpdate: ProjectUpdate
    updatedAt: DateTime!
    user: User
  }

  enum ReleaseChannel {
    beta
    development
    internal
    preRelease
    privateBeta
    public
  }

  enum SLADayCountType {
    all
    onlyBusinessDays
  }

  type Team {
    activeCycle: Cycle
    aiDiscussionSummariesEnabled: Boolean!
    aiThreadSummariesEnabled: Boolean!
    allMembersCanJoin: Boolean
    archivedAt: DateTime
    autoArchivePeriod: Float!
    autoCloseChildIssues: Boolean
    autoCloseParentIssues: Boolean
    autoClosePeriod: Float
    autoCloseStateId: String
    color: String
    createdAt: DateTime!
    cycleCalenderUrl: String!
    cycleCooldownTime: Float!
    cycleDuration: Float!
    cycleIssueAutoAssignCompleted: Boolean!
    cycleIssueAutoAssignStarted: Boolean!
    cycleLockToActive: Boolean!
    cycleStartDay: Float!
    cyclesEnabled: Boolean!
    defaultIssueEstimate: Float!
    defaultIssueState: WorkflowState
    defaultProjectTemplate: Template
    defaultTemplateForMembers: Template
    defaultTemplateForMembersId: String
    defaultTemplateForNonMembers: Template
    defaultTemplateForNonMembersId: String
    description: String
    displayName: String!
    draftWorkflowState: WorkflowState
    groupIssueHistory: Boolean!
    icon: String
    id: ID!
    inheritIssueEstimation: Boolean!
    inheritWorkflowStatuses: Boolean!
    initiativesEnabled: Boolean!
    integrationsSettings: IntegrationsSettings
    inviteHash: String!
    issueCount: Int!
    issueEstimationAllowZero: Boolean!
    issueEstimationExtended: Boolean!
    issueEstimationType: String!
    issueOrderingNoPriorityFirst: Boolean!
    issueSortOrderDefaultToBottom: Boolean!
    key: String!
    ledInitiativeCount: Int!
    markedAsDuplicateWorkflowState: WorkflowState
    mergeWorkflowState: WorkflowState
    mergeableWorkflowState: WorkflowState
    name: String!
    parent: Team
    private: Boolean!
    requirePriorityToLeaveTriage: Boolean!
    retiredAt: DateTime
    reviewWorkflowState: WorkflowState
    scimGroupName: String
    scimManaged: Boolean!
    securitySettings: JSONObject!
    setIssueSortOrderOnStateChange: String!
    slackIssueComments: Boolean!
    slackIssueStatuses: Boolean!
    slackNewIssue: Boolean!
    startWorkflowState: WorkflowState
    timezone: String!
    triageEnabled: Boolean!
    triageIssueState: WorkflowState
    triageResponsibility: TriageResponsibility
    upcomingCycleCount: Float!
    updatedAt: DateTime!
    viewerCanJoin: Boolean!
    viewerCanLeave: Boolean!
    viewerMembership: TeamMembership
    visibility: TeamVisibility!
  }

  type TeamConnection {
    nodes: [Team!]!
    pageInfo: PageInfo!
  }

  type TeamMembership {
    id: ID!
  }

  enum TeamVisibility {
    private
    public
    restricted
  }

  type Template {
    id: ID!
  }

  scalar TimelessDate

  type TriageResponsibility {
    id: ID!
  }

  type User {
    active: Boolean!
    admin: Boolean!
    app: Boolean!
    archivedAt: DateTime
    avatarBackgroundColor: String!
    avatarUrl: String
    calendarHash: String
    canAccessAnyPublicTeam: Boolean!
    createdAt: DateTime!
    createdIssueCount: Int!
    description: String
    disableReason: String
    displayName: String!
    email: String!
    gitHubUserId: String
    guest: Boolean!
    id: ID!
    initials: String!
    inviteHash: String!
    isAssignable: Boolean!
    isMe: Boolean!
    isMentionable: Boolean!
    lastSeen: DateTime
    name: String!
    owner: Boolean!
    statusEmoji: String
    statusLabel: String
    statusUntilAt: DateTime
    supportsAgentSessions: Boolean!
    timezone: String
    title: String
    updatedAt: DateTime!
    url: String!
  }

  type UserConnection {
    nodes: [User!]!
    pageInfo: PageInfo!
  }

  type WorkflowState {
    archivedAt: DateTime
    color: String!
    createdAt: DateTime!
    description: String
    id: ID!
    inheritedFrom: WorkflowState
    name: String!
    position: Float!
    team: Team!
    type: String!
    updatedAt: DateTime!
  }

  type WorkflowStateConnection {
    nodes: [WorkflowState!]!
    pageInfo: PageInfo!
  }

  # Inputs: Linear's input types of the same names, cut down to the fields Izzie's tools send. An
  # input the tools do not send (the sort inputs) keeps one real field, because a GraphQL input type
  # must have one and the SDK's documents declare those variables.

  input StringComparator {
    containsIgnoreCase: String
    eq: String
    eqIgnoreCase: String
    in: [String!]
  }

  input NullableStringComparator {
    containsIgnoreCase: String
    eq: String
    eqIgnoreCase: String
    in: [String!]
  }

  input IDComparator {
    eq: ID
    in: [ID!]
  }

  input BooleanComparator {
    eq: Boolean
  }

  input TeamFilter {
    id: IDComparator
    key: StringComparator
  }

  input WorkflowStateFilter {
    id: IDComparator
    name: StringComparator
    team: TeamFilter
  }

  input UserFilter {
    email: StringComparator
    id: IDComparator
  }

  input NullableUserFilter {
    isMe: BooleanComparator
  }

  input DateComparator {
    gt: DateTime
    gte: DateTime
    lt: DateTime
  }

  input IssueFilter {
    assignee: NullableUserFilter
    updatedAt: DateComparator
    description: NullableStringComparator
    or: [IssueFilter!]
    state: WorkflowStateFilter
    team: TeamFilter
    title: StringComparator
  }

  enum PaginationSortOrder {
    Ascending
    Descending
  }

  input UpdatedAtSort {
    order: PaginationSortOrder
  }

  input IssueSortInput {
    updatedAt: UpdatedAtSort
  }

  input UserNameSort {
    order: PaginationSortOrder
  }

  input UserSortInput {
    name: UserNameSort
  }

  input IssueCreateInput {
    assigneeId: String
    description: String
    priority: Int
    teamId: String!
    title: String
  }

  input IssueUpdateInput {
    assigneeId: String
    description: String
    priority: Int
    stateId: String
    title: String
  }

  input CommentCreateInput {
    body: String
    issueId: String
  }
`;
