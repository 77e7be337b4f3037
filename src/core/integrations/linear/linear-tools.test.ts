import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findIssue, type LinearFakeData } from '../../../../test-support/fakes/linear-fake-data';
import {
  LINEAR_FAKE_API_KEY,
  type LinearGraphqlFake,
  startLinearGraphqlFake,
} from '../../../../test-support/fakes/linear-graphql-fake';
import { builtinConnections } from '../../../../test-support/mcp/builtin-client';
import { META_ACTION_CLASS, META_GROUP } from '../kit/builtin-server';
import { HINTS_BY_CLASS } from '../kit/builtin-tool';
import { LINEAR_SERVER, linearTools } from './linear-tools';

let fake: LinearGraphqlFake;
const servers = builtinConnections();

beforeEach(async () => {
  fake = await startLinearGraphqlFake();
});

afterEach(async () => {
  await servers.closeAll();
  await fake.close();
});

const connect = (apiKey = LINEAR_FAKE_API_KEY) => servers.connect(LINEAR_SERVER, linearTools({ apiKey, apiUrl: fake.url }));

async function call(name: string, args: Record<string, unknown>, apiKey?: string) {
  return (await connect(apiKey)).call(name, args);
}

async function callOk(name: string, args: Record<string, unknown>) {
  const result = await call(name, args);
  expect(result.isError, result.text).toBe(false);
  return result.json<Record<string, unknown>>();
}

const operations = () => fake.requests.map((request) => request.operationName);
const issueIn = (data: LinearFakeData, identifier: string) => {
  const issue = findIssue(data, identifier);
  if (!issue) throw new Error(`no ${identifier} in the fake`);
  return issue;
};
const stateName = (data: LinearFakeData, id: string) => data.states.find((state) => state.id === id)?.name;
const userEmail = (data: LinearFakeData, id: string | null) => data.users.find((user) => user.id === id)?.email;

describe('the Linear server', () => {
  it('lists its four tools with their action classes and the hints of each class', async () => {
    const { tools } = await (await connect()).client.listTools();
    const classes = Object.fromEntries(tools.map((tool) => [tool.name, tool._meta?.[META_ACTION_CLASS]]));
    expect(classes).toEqual({ issues_list: 'read', issue_create: 'create', issue_update: 'update', comment_create: 'create' });
    for (const tool of tools) {
      expect(tool._meta?.[META_GROUP]).toBe('linear');
      const actionClass = tool._meta?.[META_ACTION_CLASS] as keyof typeof HINTS_BY_CLASS;
      expect(tool.annotations).toMatchObject(HINTS_BY_CLASS[actionClass]);
    }
    expect(fake.requests).toEqual([]);
  });
});

describe('issues_list', () => {
  it('lists a team’s issues, most recently updated first, with state and assignee names in three queries', async () => {
    const result = await callOk('issues_list', { team: 'ENG' });
    const issues = result.issues as Array<Record<string, unknown>>;
    expect(result.count).toBe(6);
    expect(issues.map((issue) => issue.identifier)).toEqual(['ENG-1', 'ENG-2', 'ENG-3', 'ENG-4', 'ENG-5', 'ENG-6']);
    expect(issues[0]).toEqual({
      identifier: 'ENG-1',
      title: 'Crash when the gripper calibrates twice',
      state: 'In Progress',
      priority: 'Urgent',
      assignee: 'Maya Chen',
      url: 'https://linear.app/acme/issue/ENG-1/crash-when-the-gripper-calibrates-twice',
      updatedAt: '2025-06-29T00:00:00.000Z',
    });
    expect(issues[3]).toMatchObject({ identifier: 'ENG-4', state: 'Backlog', priority: 'Low', assignee: null });
    // One query for the issues, one for all their states, one for all their assignees: no query per issue.
    expect(operations()).toEqual(['issues', 'workflowStates', 'users']);
  });

  it('narrows by state (any case), assignee and text, and honours the limit', async () => {
    const mine = await callOk('issues_list', { state: 'todo', assignedToMe: true });
    expect((mine.issues as Array<{ identifier: string }>).map((issue) => issue.identifier)).toEqual(['ENG-3', 'DES-2']);

    const flaky = await callOk('issues_list', { query: 'ARM runners' });
    expect((flaky.issues as Array<{ identifier: string }>).map((issue) => issue.identifier)).toEqual(['ENG-3']);

    const two = await callOk('issues_list', { limit: 2 });
    expect(two.count).toBe(2);
  });

  it('says so readably when the API key is refused, and reports the revoked grant', async () => {
    const result = await call('issues_list', {}, 'lin_api_wrong');
    expect(result).toEqual({
      isError: true,
      text: "Linear no longer accepts Izzie's credentials. Reconnect Linear on the Integrations page. Linear said: Authentication required, not authenticated.",
    });
    expect(servers.serviceErrors.map((error) => [error.kind, error.options.revoked])).toEqual([['unauthorized', true]]);
  });

  it('passes on how long to wait when Linear rate-limits', async () => {
    fake.failNext({ kind: 'ratelimited', retryAfterSeconds: 42 });
    const result = await call('issues_list', { team: 'ENG' });
    expect(result).toEqual({ isError: true, text: 'Linear is rate-limiting requests; try again in 42 seconds.' });
  });

  it('reports a Linear outage as unavailable', async () => {
    fake.failNext({ kind: 'internal' });
    const result = await call('issues_list', {});
    expect(result.isError).toBe(true);
    expect(result.text).toMatch(/^Linear is not answering properly right now; try again shortly\./);
  });

  it('rejects bad input before any request', async () => {
    for (const args of [{ limit: 51 }, { team: 'not a key' }, { assignedToMe: 'yes' }, { query: '' }]) {
      expect((await call('issues_list', args)).isError, JSON.stringify(args)).toBe(true);
    }
    expect(fake.requests).toEqual([]);
  });
});

describe('issue_create', () => {
  it('creates the issue in the team, assigned by email, and answers with it', async () => {
    const created = await callOk('issue_create', {
      team: 'eng',
      title: 'Gripper firmware hangs on boot',
      description: 'Seen on **three** units after the 2.4 update.',
      priority: 2,
      assigneeEmail: 'SAM@acme.example',
    });
    expect(created).toEqual({
      identifier: 'ENG-7',
      title: 'Gripper firmware hangs on boot',
      state: 'Backlog',
      priority: 'High',
      assignee: 'Sam Patel',
      url: 'https://linear.app/acme/issue/ENG-7/gripper-firmware-hangs-on-boot',
      updatedAt: expect.any(String),
    });
    const stored = issueIn(fake.data, 'ENG-7');
    expect(stored).toMatchObject({ description: 'Seen on **three** units after the 2.4 update.', priority: 2 });
    expect(userEmail(fake.data, stored.assigneeId)).toBe('sam@acme.example');
    expect(userEmail(fake.data, stored.creatorId)).toBe('maya@acme.example');
    expect(operations().slice(0, 2).sort()).toEqual(['teams', 'users']);
    expect(operations().slice(2)).toEqual(['createIssue', 'issue', 'workflowStates', 'users']);
  });

  it('takes a team ID instead of a key without looking the team up', async () => {
    const design = fake.data.teams.find((team) => team.key === 'DES');
    const created = await callOk('issue_create', { team: design?.id, title: 'New icon set' });
    expect(created).toMatchObject({ identifier: 'DES-3', priority: 'No priority', assignee: null });
    expect(operations()).toEqual(['createIssue', 'issue', 'workflowStates']);
  });

  it('says which team it could not find, and creates nothing', async () => {
    const result = await call('issue_create', { team: 'OPS', title: 'Rack the new servers' });
    expect(result).toEqual({
      isError: true,
      text: 'Linear could not find that. Linear said: There is no team with the key OPS in this workspace.',
    });
    expect(fake.data.issues).toHaveLength(8);
    expect(operations()).not.toContain('createIssue');
  });

  it('says which assignee it could not find', async () => {
    const result = await call('issue_create', { team: 'ENG', title: 'Calibrate', assigneeEmail: 'nobody@acme.example' });
    expect(result.text).toBe(
      'Linear could not find that. Linear said: No member of this workspace has the email address nobody@acme.example.',
    );
    expect(fake.data.issues).toHaveLength(8);
  });

  it('rejects bad input before any request', async () => {
    for (const args of [
      { team: 'ENG', title: 'Fine', priority: 5 },
      { team: 'ENG', title: '   ' },
      { team: 'ENG', title: 'Fine', assigneeEmail: 'sam' },
      { title: 'No team' },
    ]) {
      expect((await call('issue_create', args)).isError, JSON.stringify(args)).toBe(true);
    }
    expect(fake.requests).toEqual([]);
  });
});

describe('issue_update', () => {
  it('moves, reprioritises, reassigns and renames an issue', async () => {
    const updated = await callOk('issue_update', {
      issue: 'eng-2',
      title: 'Upgrade the CI runners to Node 22 LTS',
      state: 'done',
      priority: 1,
      assigneeEmail: 'jordan@acme.example',
    });
    expect(updated).toMatchObject({
      identifier: 'ENG-2',
      title: 'Upgrade the CI runners to Node 22 LTS',
      state: 'Done',
      priority: 'Urgent',
      assignee: 'Jordan Rivera',
      changed: ['title', 'state', 'priority', 'assigneeEmail'],
    });
    const stored = issueIn(fake.data, 'ENG-2');
    expect(stateName(fake.data, stored.stateId)).toBe('Done');
    expect(userEmail(fake.data, stored.assigneeId)).toBe('jordan@acme.example');
    expect(stored).toMatchObject({ title: 'Upgrade the CI runners to Node 22 LTS', priority: 1 });
    expect(stored.updatedAt > '2025-06-30').toBe(true);
  });

  it('finds an issue by its ID too', async () => {
    const { id } = issueIn(fake.data, 'DES-1');
    const updated = await callOk('issue_update', { issue: id.toUpperCase(), description: 'New brief attached.' });
    expect(updated).toMatchObject({ identifier: 'DES-1', changed: ['description'] });
    expect(issueIn(fake.data, 'DES-1').description).toBe('New brief attached.');
  });

  it('answers with the issue unchanged when nothing is given to change', async () => {
    const updated = await callOk('issue_update', { issue: 'ENG-4' });
    expect(updated).toMatchObject({ identifier: 'ENG-4', state: 'Backlog', changed: [] });
    expect(operations()).not.toContain('updateIssue');
  });

  it('says when the issue does not exist', async () => {
    const result = await call('issue_update', { issue: 'ENG-99', state: 'Done' });
    expect(result).toEqual({ isError: true, text: 'Linear could not find that. Linear said: Could not find referenced Issue.' });
    expect(servers.serviceErrors.map((error) => error.kind)).toEqual(['not_found']);
  });

  it('names the states there are when the state does not exist, and changes nothing', async () => {
    const before = { ...issueIn(fake.data, 'ENG-3') };
    const result = await call('issue_update', { issue: 'ENG-3', state: 'Shipped', priority: 1 });
    expect(result.text).toBe(
      'Linear could not find that. Linear said: The issue\'s team has no state called "Shipped"; its states are Backlog, Todo, In Progress, Done.',
    );
    expect(issueIn(fake.data, 'ENG-3')).toEqual(before);
  });

  it('passes on how long to wait when Linear rate-limits', async () => {
    fake.failNext({ kind: 'ratelimited', retryAfterSeconds: 1 });
    const result = await call('issue_update', { issue: 'ENG-1', priority: 2 });
    expect(result.text).toBe('Linear is rate-limiting requests; try again in 1 second.');
    expect(issueIn(fake.data, 'ENG-1').priority).toBe(1);
  });

  it('rejects bad input before any request', async () => {
    for (const args of [{ issue: 'not-an-issue' }, { issue: 'ENG-1', priority: -1 }, { issue: 'ENG-1', state: '' }, {}]) {
      expect((await call('issue_update', args)).isError, JSON.stringify(args)).toBe(true);
    }
    expect(fake.requests).toEqual([]);
  });
});

describe('comment_create', () => {
  it('comments on the issue as the connected user', async () => {
    const result = await callOk('comment_create', { issue: 'ENG-1', body: 'Reproduced on unit 7; logs attached.' });
    const issue = issueIn(fake.data, 'ENG-1');
    expect(fake.data.comments).toEqual([
      {
        id: result.id,
        issueId: issue.id,
        userId: fake.data.users.find((user) => user.email === 'maya@acme.example')?.id,
        body: 'Reproduced on unit 7; logs attached.',
        createdAt: expect.any(String),
      },
    ]);
    expect(result).toEqual({
      id: expect.any(String),
      issue: 'ENG-1',
      issueUrl: 'https://linear.app/acme/issue/ENG-1/crash-when-the-gripper-calibrates-twice',
    });
    expect(operations()).toEqual(['issue', 'createComment']);
  });

  it('says when the issue does not exist, and comments nowhere', async () => {
    const result = await call('comment_create', { issue: 'DES-42', body: 'Hello?' });
    expect(result.text).toBe('Linear could not find that. Linear said: Could not find referenced Issue.');
    expect(fake.data.comments).toEqual([]);
  });

  it('says so readably when the API key is refused', async () => {
    const result = await call('comment_create', { issue: 'ENG-1', body: 'Hi' }, 'lin_api_revoked');
    expect(result.text).toMatch(/^Linear no longer accepts Izzie's credentials\./);
    expect(fake.data.comments).toEqual([]);
  });

  it('rejects bad input before any request', async () => {
    for (const args of [{ issue: 'ENG-1', body: '  ' }, { issue: 'ENG-1' }, { issue: 'ENG 1', body: 'Hi' }]) {
      expect((await call('comment_create', args)).isError, JSON.stringify(args)).toBe(true);
    }
    expect(fake.requests).toEqual([]);
  });
});
