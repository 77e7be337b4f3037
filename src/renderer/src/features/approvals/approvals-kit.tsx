import { render, screen, waitFor, within } from '@testing-library/react';
import { expect } from 'vitest';
import { Shell } from '../../app/Shell';
import { useConnection } from '../../stores/connection';
import { useNavigation, type PageId } from '../../stores/navigation';
import { approval } from '../../test-support/fake-approvals';
import { createFakeCore, type FakeCoreOptions } from '../../test-support/fake-core';

/** What the Approvals page tests share: one waiting action of each kind, and how to open the page over them. */

const MINUTE = 60_000;

export const EMAIL = approval({
  id: 'a-email',
  payload: {
    to: ['dana@acme.com'],
    cc: ['sam@acme.com'],
    subject: 'Re: Atlas launch plan',
    body: 'Hi Dana,\n\nFriday works. I will bring the numbers.\n\nAda',
    replyToMessageId: 'msg-1',
  },
  createdAt: Date.now() - 30 * MINUTE,
});

export const SLACK = approval({
  id: 'a-slack',
  tool: 'slack.message_send',
  payload: { channel: '#launch', text: 'Atlas ships Friday.' },
  reason: 'tainted',
  reasonText: 'Izzie read outside content before it asked to post this.',
  taintedBy: ['email from mallory@evil.test'],
  trigger: {
    kind: 'engine',
    threadId: null,
    runId: 'run-email',
    eventId: 'gmail:1',
    summary: 'email/received: Mallory — Invoice',
  },
  createdAt: Date.now() - 20 * MINUTE,
});

export const ISSUE = approval({
  id: 'a-issue',
  tool: 'github.issue_create',
  actionClass: 'create',
  payload: { owner: 'acme', repo: 'app', title: 'Login loops after reset', body: 'Steps:\n1. Reset the password\n2. Sign in' },
  reason: 'always-confirm',
  reasonText: 'You always confirm creating issues.',
  createdAt: Date.now() - 10 * MINUTE,
});

export const EVENT = approval({
  id: 'a-event',
  tool: 'google.calendar_create',
  actionClass: 'create',
  persona: 'personal',
  payload: { summary: 'Dentist', start: '2024-03-04T10:00', attendees: ['ada@home.example'] },
  reason: 'no-grant',
  reasonText: 'No grant lets Izzie create calendar events as you.',
  createdAt: Date.now() - 5 * MINUTE,
});

export function approvalOptions(overrides: FakeCoreOptions['approvals'] = {}): FakeCoreOptions {
  return { approvals: { approvals: [EMAIL, SLACK, ISSUE, EVENT], ...overrides } };
}

/** Opens the Approvals page over a fake core (or `page` first) and waits for its lists. */
export async function showApprovalsPage(options: FakeCoreOptions = approvalOptions(), page: PageId = 'approvals') {
  const core = createFakeCore(options);
  useConnection.setState({ state: 'connected', everConnected: true });
  useNavigation.setState({ page });
  render(<Shell client={core.client} />);
  if (page === 'approvals') {
    await screen.findByRole('heading', { level: 1, name: 'Approvals' });
    await waitFor(() => expect(document.querySelector('.load-state[role="status"]')).toBeNull());
  }
  return core;
}

export const queueList = () => screen.getByRole('list', { name: 'Waiting for you' });
export const recentList = () => screen.getByRole('list', { name: 'Recent' });

/** The item with this id, wherever it is. */
export function item(id: string): HTMLElement {
  const found = document.querySelector<HTMLElement>(`[data-approval-id="${id}"]`);
  if (!found) throw new Error(`no approval ${id} on the page`);
  return found;
}

/** The preview's rows as [label, value]. */
export function previewRows(card: HTMLElement): [string, string][] {
  return [...card.querySelectorAll('.approval-preview__row')].map((row) => [
    row.querySelector('dt')?.textContent ?? '',
    row.querySelector('dd')?.textContent ?? '',
  ]);
}

export function previewBody(card: HTMLElement): string {
  return card.querySelector('.approval-preview__body')?.textContent ?? '';
}

export const button = (card: HTMLElement, name: string | RegExp) => within(card).getByRole('button', { name });
