import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { expect } from 'vitest';
import type { RunView } from '../../../../shared';
import { Shell } from '../../app/Shell';
import { useConnection } from '../../stores/connection';
import { useNavigation, type PageId } from '../../stores/navigation';
import { createFakeCore, type FakeCoreOptions } from '../../test-support/fake-core';
import { run, step } from '../../test-support/fake-activity';

/** What the Activity page tests share: a few realistic runs, and how to open the page over them. */

/** Before the fake core's clock, so runs it creates are the newest. */
export const T0 = 1_699_990_000_000;
const MINUTE = 60_000;

export const EMAIL_RUN = run({
  id: 'run-email',
  createdAt: T0 - 30 * MINUTE,
  startedAt: T0 - 30 * MINUTE + 500,
  finishedAt: T0 - 30 * MINUTE + 4_700,
  usage: { inputTokens: 1_200, outputTokens: 300, costUsd: 0.0042, calls: 2 },
  steps: [
    step({
      key: 'classify',
      name: 'classify',
      startedAt: T0 - 30 * MINUTE + 600,
      output: '{"priority":"high","needsReply":true}',
    }),
    step({ key: 'notify', name: 'notify', startedAt: T0 - 30 * MINUTE + 2_000 }),
  ],
});

export const PR_RUN = run({
  id: 'run-pr',
  functionId: 'github-pr',
  functionName: 'Pull request activity',
  status: 'failed',
  trigger: {
    eventId: 'gh:1',
    eventType: 'github/pull_request.review_requested',
    source: 'github',
    summary: 'acme/api#42 Add rate limits',
  },
  createdAt: T0 - 20 * MINUTE,
  startedAt: T0 - 20 * MINUTE,
  finishedAt: T0 - 15 * MINUTE,
  error: 'The function failed after 3 tries: GitHub answered 502 Bad Gateway',
  steps: [
    step({
      key: 'fetch pull request',
      name: 'fetch pull request',
      status: 'failed',
      attempts: 3,
      error: 'GitHub answered 502 Bad Gateway',
      startedAt: T0 - 20 * MINUTE,
      finishedAt: T0 - 15 * MINUTE,
    }),
  ],
});

/** Queued again after a failed step, to retry in ten minutes. */
export function retryingRun(): RunView {
  return run({
    id: 'run-linear',
    functionId: 'linear-issue',
    functionName: 'Linear issue changed',
    status: 'queued',
    trigger: { eventId: 'lin:1', eventType: 'linear/issue.updated', source: 'linear', summary: 'ENG-7 Fix the login loop' },
    createdAt: T0 - 10 * MINUTE,
    startedAt: T0 - 10 * MINUTE,
    finishedAt: null,
    wakeAt: Date.now() + 10 * MINUTE,
    steps: [
      step({ key: 'fetch issue', name: 'fetch issue', status: 'failed', error: 'Linear timed out', startedAt: T0 - 10 * MINUTE }),
    ],
  });
}

export function activityOptions(overrides: FakeCoreOptions['activity'] = {}): FakeCoreOptions {
  return { activity: { runs: [EMAIL_RUN, PR_RUN, retryingRun()], ...overrides } };
}

/** Opens the Activity page over a fake core (or `page` first) and waits for its list. */
export async function showActivityPage(options: FakeCoreOptions = activityOptions(), page: PageId = 'activity') {
  const core = createFakeCore(options);
  useConnection.setState({ state: 'connected', everConnected: true });
  useNavigation.setState({ page });
  render(<Shell client={core.client} />);
  if (page === 'activity') {
    await screen.findByRole('heading', { level: 1, name: 'Activity' });
    await waitFor(() => expect(document.querySelector('.load-state[role="status"]')).toBeNull());
  }
  return core;
}

export function runList(): HTMLElement {
  return screen.getByRole('list', { name: 'Runs' });
}

/** The run whose accessible name (function name, then status) matches. */
export function runItem(name: RegExp): HTMLElement {
  return within(runList()).getByRole('article', { name });
}

export function runNames(): string[] {
  return within(runList())
    .getAllByRole('article')
    .map((a) => a.querySelector('.run__name')?.textContent ?? '');
}

export function expand(item: HTMLElement): HTMLElement {
  const toggle = within(item).getByRole('button', { expanded: false });
  fireEvent.click(toggle);
  expect(toggle.getAttribute('aria-expanded')).toBe('true');
  return within(item).getByRole('list', { name: /^Steps of/ });
}

export function chip(name: RegExp): HTMLElement {
  return within(screen.getByRole('group', { name: 'Filter runs by status' })).getByRole('button', { name });
}
