import { createHmac } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { engineHarness } from '../../../../test-support/engine-harness';
import { recordingLogger } from '../../../../test-support/recording-logger';
import { PullRequestData } from '../../../shared';
import type { Engine } from '../engine';
import type { RelayClient, RelayDelivery } from './relay-client';
import { RelayIngress } from './relay-ingress';

const SECRET = 'whsec-test-0123456789';

let h: ReturnType<typeof engineHarness>;
let engine: Engine;
const warnings: string[] = [];

beforeEach(() => {
  h = engineHarness();
  engine = h.engine([]);
  warnings.length = 0;
});
afterEach(async () => {
  await h.close();
});

function github(deliveryId: string, body: unknown, secret = SECRET, event = 'pull_request'): RelayDelivery {
  const rawBody = Buffer.from(JSON.stringify(body));
  const signature = `sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`;
  return { service: 'github', deliveryId, rawBody, headers: { 'x-hub-signature-256': signature, 'x-github-event': event } };
}

const opened = {
  action: 'review_requested',
  pull_request: {
    number: 7,
    title: 'Add rate limits',
    html_url: 'https://github.com/acme/api/pull/7',
    state: 'open',
    draft: false,
    merged: false,
    updated_at: '2026-11-24T08:00:00Z',
    user: { login: 'monalisa' },
    requested_reviewers: [{ login: 'octocat' }],
  },
  repository: { full_name: 'acme/api' },
};

function ingress(client: RelayClient = { start: async () => undefined, stop: async () => undefined }) {
  return new RelayIngress({
    client,
    secrets: async (service) => (service === 'github' ? SECRET : null),
    identity: () => ({ githubLogin: 'octocat', linearUserId: null }),
    publish: (event) => engine.bus.publish(event),
    log: recordingLogger((level, message) => void (level === 'warn' && warnings.push(message))),
  });
}

describe('webhooks through the relay', () => {
  it('publishes a verified delivery once, by its delivery id, as relayed content', async () => {
    const relay = ingress();
    expect(await relay.deliver(github('d-1', opened))).toBe('github-hook:d-1');
    await relay.deliver(github('d-1', opened));
    const stored = h.events.get('github-hook:d-1');
    expect(stored).toMatchObject({ type: 'github/pull_request.review_requested', source: 'relay' });
    expect(PullRequestData.parse(stored?.data)).toMatchObject({ repo: 'acme/api', number: 7, reviewRequested: true });
  });

  it('drops a forged, unsigned or tampered delivery before reading it', async () => {
    const relay = ingress();
    expect(await relay.deliver(github('d-2', opened, 'another-secret'))).toBeNull();
    const tampered = github('d-3', opened);
    expect(
      await relay.deliver({ ...tampered, rawBody: Buffer.from(JSON.stringify({ ...opened, action: 'closed' })) }),
    ).toBeNull();
    expect(await relay.deliver({ ...github('d-4', opened), headers: { 'x-github-event': 'pull_request' } })).toBeNull();
    expect(await relay.deliver({ ...github('d-5', opened), service: 'linear' })).toBeNull();
    expect(h.events.get('github-hook:d-2')).toBeNull();
    expect(warnings.filter((w) => w.includes('signature'))).toHaveLength(4);
  });

  it('acknowledges kinds it does not handle without publishing', async () => {
    expect(await ingress().deliver(github('d-6', { zen: 'Keep it logically awesome.' }, SECRET, 'ping'))).toBeNull();
  });

  it('hands deliveries from the client to the bus', async () => {
    const handed: Array<(d: RelayDelivery) => Promise<void>> = [];
    const relay = ingress({ start: async (fn) => void handed.push(fn), stop: async () => undefined });
    await relay.start();
    await handed[0]?.(github('d-7', opened));
    expect(h.events.get('github-hook:d-7')).not.toBeNull();
  });
});
