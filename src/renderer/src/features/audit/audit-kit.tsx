import { render, screen, waitFor, within } from '@testing-library/react';
import { expect } from 'vitest';
import type { ChainLink } from '../../../../shared';
import { Shell } from '../../app/Shell';
import { useConnection } from '../../stores/connection';
import { useNavigation } from '../../stores/navigation';
import { auditEntry, auditLog } from '../../test-support/fake-audit';
import { createFakeCore, type FakeCoreOptions } from '../../test-support/fake-core';

/** What the Audit page tests share: a short log of one proxy email from event to effect, and how to open the page over it. */

const MINUTE = 60_000;
export const T0 = Date.now();

const RUN = { runId: 'run-email', eventId: 'gmail:msg-1' };
const APPROVAL = { runId: 'run-email', approvalId: 'a-email' };

export const LOG = auditLog([
  auditEntry({
    at: T0 - 3 * 86_400_000,
    actor: 'user',
    action: 'threads.create',
    mode: null,
    persona: null,
    input: '{"title":"Atlas"}',
  }),
  auditEntry({
    at: T0 - 50 * MINUTE,
    action: 'model.call',
    model: 'anthropic/claude-haiku-4',
    tokensIn: 1_200,
    tokensOut: 300,
    latencyMs: 850,
    costUsd: 0.0004,
    input: '{"messages":3,"tier":"cheap"}',
    output: '{"priority":"high","needsReply":true}',
    trace: RUN,
  }),
  auditEntry({
    at: T0 - 40 * MINUTE,
    action: 'policy.decision',
    mode: 'proxy',
    output: '{"decision":"ask","reason":"always-confirm"}',
    trace: APPROVAL,
  }),
  auditEntry({ at: T0 - 30 * MINUTE, actor: 'user', action: 'approval.approved', mode: 'proxy', trace: APPROVAL }),
  auditEntry({
    at: T0 - 29 * MINUTE,
    action: 'proxy.action',
    mode: 'proxy',
    input: '{"to":["dana@acme.com"],"subject":"Re: Atlas launch plan"}',
    output: '{"id":"18c2f"}',
    latencyMs: 1_400,
    trace: { ...APPROVAL, toolCallId: 'call-1' },
  }),
  auditEntry({
    at: T0 - 10 * MINUTE,
    action: 'tool.call',
    mode: 'proxy',
    persona: 'personal',
    success: false,
    error: 'Slack says the channel is archived.',
    input: '{"channel":"#family","text":"Dinner at 7"}',
  }),
]);

/** "Why did Izzie send the email?" as the core would answer for entry 5. */
export const EMAIL_CHAIN: ChainLink[] = [
  {
    kind: 'event',
    title: 'email/received',
    detail: 'Dana Reyes: Atlas launch plan',
    at: T0 - 51 * MINUTE,
    seq: null,
    target: null,
  },
  { kind: 'classification', title: 'Needs a reply (high priority)', detail: null, at: T0 - 50 * MINUTE, seq: 2, target: null },
  {
    kind: 'run',
    title: 'New email',
    detail: null,
    at: T0 - 50 * MINUTE,
    seq: null,
    target: { page: 'activity', id: 'run-email' },
  },
  {
    kind: 'policy',
    title: 'Asked you first',
    detail: 'You always confirm sending email.',
    at: T0 - 40 * MINUTE,
    seq: 3,
    target: null,
  },
  {
    kind: 'approval',
    title: 'Approved by you',
    detail: null,
    at: T0 - 30 * MINUTE,
    seq: 4,
    target: { page: 'approvals', id: 'a-email' },
  },
  { kind: 'effect', title: 'Email sent to dana@acme.com', detail: null, at: T0 - 29 * MINUTE, seq: 5, target: null },
];

export function auditOptions(overrides: FakeCoreOptions['audit'] = {}): FakeCoreOptions {
  return { audit: { entries: LOG, chains: { 5: EMAIL_CHAIN }, ...overrides } };
}

/** Opens the Audit page over a fake core and waits for its list and its check. */
export async function showAuditPage(options: FakeCoreOptions = auditOptions()) {
  const core = createFakeCore(options);
  useConnection.setState({ state: 'connected', everConnected: true });
  useNavigation.setState({ page: 'audit' });
  render(<Shell client={core.client} />);
  await screen.findByRole('heading', { level: 1, name: 'Audit' });
  await waitFor(() => expect(document.querySelector('.load-state[role="status"]')).toBeNull());
  await waitFor(() => expect(screen.queryByText('Checking the chain…')).toBeNull());
  return core;
}

export function rows(): HTMLElement[] {
  return within(screen.getByRole('table')).getAllByRole('row').slice(1);
}

/** Each row's cells as text. */
export function cells(): string[][] {
  return rows().map((row) =>
    within(row)
      .getAllByRole('cell')
      .map((cell) => cell.textContent ?? ''),
  );
}

export function actions(): string[] {
  return rows().map((row) => row.querySelector('.audit-row__open')?.textContent ?? '');
}
