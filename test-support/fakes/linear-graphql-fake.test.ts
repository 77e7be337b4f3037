import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findIssue } from './linear-fake-data';
import { LINEAR_FAKE_API_KEY, type LinearGraphqlFake, startLinearGraphqlFake } from './linear-graphql-fake';

let fake: LinearGraphqlFake;
beforeEach(async () => {
  fake = await startLinearGraphqlFake();
});
afterEach(() => fake.close());

async function post(query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(fake.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: LINEAR_FAKE_API_KEY },
    body: JSON.stringify({ query, variables }),
  });
  return {
    status: response.status,
    body: (await response.json()) as { data?: unknown; errors?: Array<{ message: string; extensions?: unknown }> },
  };
}

describe('the Linear GraphQL fake', () => {
  it('refuses a field outside the operations it covers, as a GraphQL validation error', async () => {
    const { status, body } = await post('query viewer { viewer { id organization { id } } }');
    expect(status).toBe(400);
    expect(body.errors?.[0]).toMatchObject({
      message: 'Cannot query field "organization" on type "User".',
      extensions: { type: 'graphql error' },
    });
  });

  it('refuses pagination it does not implement instead of ignoring it', async () => {
    const { body } = await post('query issues($after: String) { issues(first: 2, after: $after) { nodes { id } } }', {
      after: 'x',
    });
    expect(body.errors?.[0]?.message).toBe('The Linear fake does not implement `after`');
  });

  it('checks mutations the way Linear does', async () => {
    const otherTeamsState = fake.data.states.find((state) => state.teamId !== findIssue(fake.data, 'ENG-1')?.teamId);
    const update =
      'mutation updateIssue($id: String!, $input: IssueUpdateInput!) { issueUpdate(id: $id, input: $input) { success } }';
    const moved = await post(update, { id: 'ENG-1', input: { stateId: otherTeamsState?.id } });
    expect(moved.body.errors?.[0]?.extensions).toMatchObject({
      type: 'invalid input',
      userPresentableMessage: "The workflow state does not belong to the issue's team.",
    });
    const urgent = await post(update, { id: 'ENG-1', input: { priority: 9 } });
    expect(urgent.body.errors?.[0]?.extensions).toMatchObject({ type: 'invalid input' });
    const create = 'mutation createIssue($input: IssueCreateInput!) { issueCreate(input: $input) { success } }';
    const nowhere = await post(create, { input: { teamId: 'no-such-team', title: 'Hi' } });
    expect(nowhere.body.errors?.[0]?.message).toBe('Entity not found: Team');
    expect(findIssue(fake.data, 'ENG-1')).toMatchObject({ priority: 1 });
    expect(fake.data.issues).toHaveLength(8);
  });
});
