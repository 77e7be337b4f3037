import { LinearClient } from '@linear/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  LINEAR_FAKE_API_KEY,
  type LinearGraphqlFake,
  startLinearGraphqlFake,
} from '../../../../test-support/fakes/linear-graphql-fake';
import { LinearIssueData } from '../../../shared';
import { linearIssuesSource } from './linear-poller';

let fake: LinearGraphqlFake;
const signal = new AbortController().signal;

beforeAll(async () => {
  fake = await startLinearGraphqlFake();
});
afterAll(() => fake.close());

describe('the Linear poller (real SDK against the local GraphQL fake)', () => {
  it('starts from now, then delivers issues assigned to the person as they change', async () => {
    const connection = { apiKey: LINEAR_FAKE_API_KEY, apiUrl: fake.url };
    const source = linearIssuesSource({ connection, now: () => Date.now() - 5_000 });
    const baseline = await source.poll(null, signal);
    expect(baseline.events).toEqual([]);

    const client = new LinearClient({ apiKey: LINEAR_FAKE_API_KEY, apiUrl: fake.url });
    const mine = fake.data.issues.find((i) => i.title === 'Flaky test: motor controller timeout');
    const theirs = fake.data.issues.find((i) => i.title === 'Upgrade the CI runners to Node 22');
    await client.updateIssue(mine?.id ?? '', { priority: 1 });
    await client.updateIssue(theirs?.id ?? '', { priority: 1 });

    const polled = await source.poll(baseline.cursor, signal);
    expect(polled.events).toHaveLength(1);
    const [event] = polled.events;
    expect(event?.type).toBe('linear/issue.updated');
    expect(LinearIssueData.parse(event?.data)).toMatchObject({
      title: 'Flaky test: motor controller timeout',
      state: 'Todo',
      priority: 1,
      assignedToViewer: true,
    });
    expect(polled.cursor > baseline.cursor).toBe(true);
  });

  it('reports a revoked key as an unauthorized service error', async () => {
    const source = linearIssuesSource({ connection: { apiKey: 'lin_api_revoked', apiUrl: fake.url }, now: () => Date.now() });
    await expect(source.poll(new Date().toISOString(), signal)).rejects.toMatchObject({ kind: 'unauthorized' });
  });
});
