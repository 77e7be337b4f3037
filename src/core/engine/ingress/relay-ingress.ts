import { z } from 'zod';
import type { LinearIssueData, PullRequestData } from '../../../shared';
import type { Logger } from '../../log/logger';
import type { Published } from '../event-bus';
import type { PolledEvent } from './poll-source';
import { verifyDelivery, type RelayClient, type RelayDelivery } from './relay-client';

const GithubPullRequestHook = z.object({
  action: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/),
  pull_request: z.object({
    number: z.number().int().positive(),
    title: z.string(),
    html_url: z.string(),
    state: z.string(),
    draft: z.boolean().optional(),
    merged: z.boolean().nullable().optional(),
    updated_at: z.string(),
    user: z.object({ login: z.string() }),
    requested_reviewers: z.array(z.object({ login: z.string() })).default([]),
  }),
  repository: z.object({ full_name: z.string() }),
});

const LinearIssueHook = z.object({
  action: z.enum(['create', 'update', 'remove']),
  type: z.literal('Issue'),
  data: z.object({
    id: z.string(),
    identifier: z.string(),
    title: z.string(),
    priority: z.number(),
    updatedAt: z.string(),
    url: z.string(),
    state: z.object({ name: z.string() }).optional(),
    assigneeId: z.string().nullable().optional(),
  }),
});

export interface RelayIdentity {
  /** The person's GitHub login and Linear user id, to tell "for you" from "for someone else". */
  readonly githubLogin: string | null;
  readonly linearUserId: string | null;
}

/**
 * Webhooks through the relay onto the bus: each delivery's signature is checked against the
 * webhook secret first (an unsigned or forged one is dropped and logged), then it becomes an event
 * whose id is the delivery id, so a redelivery runs nothing twice. Kinds Izzie does not handle are
 * acknowledged and ignored.
 */
export class RelayIngress {
  constructor(
    private readonly deps: {
      client: RelayClient;
      secrets: (service: RelayDelivery['service']) => Promise<string | null>;
      identity: () => RelayIdentity;
      publish: (event: unknown) => Published;
      log: Logger;
    },
  ) {}

  start(): Promise<void> {
    return this.deps.client.start(async (delivery) => void (await this.deliver(delivery)));
  }

  stop(): Promise<void> {
    return this.deps.client.stop();
  }

  /** Handles one delivery; exposed for the relay's tests. Returns the published event id, or null. */
  async deliver(delivery: RelayDelivery): Promise<string | null> {
    const secret = await this.deps.secrets(delivery.service);
    if (!secret || !verifyDelivery(delivery, secret)) {
      this.deps.log.warn('dropped a relayed webhook with a missing or wrong signature', {
        service: delivery.service,
        deliveryId: delivery.deliveryId,
      });
      return null;
    }
    let body: unknown;
    try {
      body = JSON.parse(delivery.rawBody.toString('utf8'));
    } catch {
      this.deps.log.warn('dropped a relayed webhook that is not JSON', { deliveryId: delivery.deliveryId });
      return null;
    }
    const event = this.toEvent(delivery, body);
    if (!event) return null;
    this.deps.publish({ ...event, source: 'relay' });
    return event.id;
  }

  private toEvent(delivery: RelayDelivery, body: unknown): PolledEvent | null {
    const id = `${delivery.service}-hook:${delivery.deliveryId}`;
    const me = this.deps.identity();
    if (delivery.service === 'github' && delivery.headers['x-github-event'] === 'pull_request') {
      const hook = GithubPullRequestHook.safeParse(body);
      if (!hook.success) return null;
      const pr = hook.data.pull_request;
      const data: PullRequestData = {
        repo: hook.data.repository.full_name,
        number: pr.number,
        title: pr.title,
        author: pr.user.login,
        url: pr.html_url,
        state: pr.merged ? 'merged' : pr.state === 'closed' ? 'closed' : 'open',
        draft: pr.draft ?? false,
        reviewRequested: me.githubLogin !== null && pr.requested_reviewers.some((r) => r.login === me.githubLogin),
        reason: null,
        updatedAt: Date.parse(pr.updated_at),
      };
      return {
        id,
        type: `github/pull_request.${hook.data.action}`,
        timestamp: data.updatedAt,
        data,
        metadata: { personaContext: 'work', correlationId: `github:${data.repo}#${data.number}` },
      };
    }
    if (delivery.service === 'linear') {
      const hook = LinearIssueHook.safeParse(body);
      if (!hook.success) return null;
      const issue = hook.data.data;
      const data: LinearIssueData = {
        id: issue.id,
        identifier: issue.identifier,
        title: issue.title,
        state: issue.state?.name ?? 'Unknown',
        priority: Math.min(4, Math.max(0, Math.round(issue.priority))),
        assignedToViewer: me.linearUserId !== null && issue.assigneeId === me.linearUserId,
        url: issue.url,
        updatedAt: Date.parse(issue.updatedAt),
      };
      const action = { create: 'created', update: 'updated', remove: 'removed' }[hook.data.action];
      return {
        id,
        type: `linear/issue.${action}`,
        timestamp: data.updatedAt,
        data,
        metadata: { personaContext: 'work', correlationId: `linear:${issue.identifier}` },
      };
    }
    return null;
  }
}
