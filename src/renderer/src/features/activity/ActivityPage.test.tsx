// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SourceView } from '../../../../shared';
import { useConnection } from '../../stores/connection';
import { digest, notification, run, step } from '../../test-support/fake-activity';
import { resetStores } from '../../test-support/reset-stores';
import {
  EMAIL_RUN,
  PR_RUN,
  T0,
  activityOptions,
  chip,
  expand,
  retryingRun,
  runItem,
  runList,
  runNames,
  showActivityPage,
} from './activity-kit';

beforeEach(() => resetStores());
afterEach(() => cleanup());

const toasts = () => screen.getByRole('region', { name: 'Notifications' });

function source(overrides: Partial<SourceView>): SourceView {
  return {
    id: 'google:gmail',
    label: 'Gmail',
    intervalMs: 60_000,
    polledAt: T0,
    nextPollAt: T0 + 60_000,
    failures: 0,
    lastError: null,
    delivered: 0,
    ...overrides,
  };
}

describe('Activity page: runs', () => {
  it('lists runs newest first with their trigger, status, time, duration and model usage', async () => {
    const core = await showActivityPage();
    expect(runNames()).toEqual(['Linear issue changed', 'Pull request activity', 'New email']);
    expect(core.callsTo('activity.runs')[0]?.params).toEqual({ limit: 50 });

    const email = runItem(/^New email Completed$/);
    expect(within(email).getByText('Dana Reyes: Atlas launch plan')).toBeTruthy();
    expect(within(email).getByText('took 4.2 s')).toBeTruthy();
    expect(within(email).getByText('1,500 tokens · $0.0042 · 2 model calls')).toBeTruthy();
    expect(email.querySelector('time')?.getAttribute('dateTime')).toBe(new Date(EMAIL_RUN.createdAt).toISOString());

    const failed = runItem(/^Pull request activity Failed$/);
    expect(within(failed).getByText(/failed after 3 tries: GitHub answered 502/)).toBeTruthy();
    expect(failed.querySelector('.run__usage')).toBeNull();

    expect(runItem(/^Linear issue changed Retrying at .*\d{1,2}:\d{2}/)).toBeTruthy();
    expect(chip(/^All/).textContent).toBe('All 3');
    expect(chip(/^Active/).textContent).toBe('Active 1');
    expect(chip(/^Failed/).textContent).toBe('Failed 1');
    expect(chip(/^Completed/).textContent).toBe('Completed 1');
  });

  it('takes in a pushed run live, then its steps and status as it goes', async () => {
    const core = await showActivityPage();
    const queued = run({
      id: 'run-live',
      functionId: 'calendar-changed',
      functionName: 'Calendar changed',
      status: 'queued',
      trigger: { eventId: 'cal:1', eventType: 'calendar/event.updated', source: 'google', summary: 'Design review moved' },
      createdAt: T0,
      startedAt: null,
      finishedAt: null,
    });
    act(() => void core.activity.pushRun(queued));
    expect(runNames()[0]).toBe('Calendar changed');
    const item = runItem(/^Calendar changed Queued$/);
    const steps = () => within(item).queryByRole('list', { name: /^Steps of/ });
    fireEvent.click(within(item).getByRole('button', { expanded: false }));
    expect(within(item).getByText('No step has run yet.')).toBeTruthy();
    await waitFor(() => expect(chip(/^Active/).textContent).toBe('Active 2'));

    const live = step({
      key: 'check conflicts (running)',
      name: 'check conflicts',
      status: 'running',
      startedAt: T0 + 1_000,
      finishedAt: null,
    });
    act(() => void core.activity.pushRun({ ...queued, status: 'running', startedAt: T0 + 500, steps: [live] }));
    expect(runItem(/^Calendar changed Running$/)).toBe(item);
    expect(within(steps() as HTMLElement).getByRole('listitem', { name: 'check conflicts: Running' }).textContent).toContain(
      'running…',
    );

    const done = step({ key: 'check conflicts', name: 'check conflicts', startedAt: T0 + 1_000, finishedAt: T0 + 2_200 });
    act(
      () =>
        void core.activity.pushRun({
          ...queued,
          status: 'completed',
          startedAt: T0 + 500,
          finishedAt: T0 + 2_500,
          steps: [done],
        }),
    );
    expect(runItem(/^Calendar changed Completed$/)).toBe(item);
    const saved = within(steps() as HTMLElement).getByRole('listitem', { name: 'check conflicts: Completed' });
    expect(saved.textContent).toContain('1.2 s');
    expect(saved.textContent).not.toContain('running…');
    expect(chip(/^Active/).textContent).toBe('Active 1');
    expect(chip(/^Completed/).textContent).toBe('Completed 2');
    expect(runNames()).toHaveLength(4);
  });

  it('opens a run’s steps with their tries, errors and output', async () => {
    await showActivityPage();
    const pr = runItem(/^Pull request activity/);
    const prSteps = expand(pr);
    const fetch = within(prSteps).getByRole('listitem', { name: 'fetch pull request: Failed' });
    expect(fetch.textContent).toContain('3 tries');
    expect(fetch.textContent).toContain('GitHub answered 502 Bad Gateway');
    expect(fetch.textContent).toContain('5 min 0 s');

    const emailSteps = expand(runItem(/^New email/));
    // One run open at a time.
    expect(
      within(pr)
        .getByRole('button', { name: /Pull request activity/ })
        .getAttribute('aria-expanded'),
    ).toBe('false');
    const classify = within(emailSteps).getByRole('listitem', { name: 'classify: Completed' });
    expect(classify.textContent).not.toContain('tries');
    const output = classify.querySelector('details');
    expect(output?.open).toBe(false);
    expect(within(classify).getByText('Output').tagName).toBe('SUMMARY');
    expect(output?.querySelector('pre')?.textContent).toBe('{\n  "priority": "high",\n  "needsReply": true\n}');
    expect(
      within(emailSteps)
        .getAllByRole('listitem')
        .map((li) => li.getAttribute('aria-label')),
    ).toEqual(['classify: Completed', 'notify: Completed']);
  });

  it('cancels an unfinished run only after asking', async () => {
    const core = await showActivityPage();
    const linear = runItem(/^Linear issue changed/);
    expect(within(runItem(/^New email/)).queryByRole('button', { name: 'Cancel' })).toBeNull();

    fireEvent.click(within(linear).getByRole('button', { name: 'Cancel' }));
    const dialog = screen.getByRole('dialog', { name: 'Cancel “Linear issue changed”?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(core.callsTo('activity.cancel')).toEqual([]);

    fireEvent.click(within(linear).getByRole('button', { name: 'Cancel' }));
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Cancel run' }));
    await waitFor(() => expect(runItem(/^Linear issue changed Cancelled$/)).toBe(linear));
    // The run's event arrives before the cancel call answers, and the answer closes the dialog.
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(core.callsTo('activity.cancel').map((c) => c.params)).toEqual([{ id: 'run-linear' }]);
    expect(core.activity.state.runs.find((r) => r.id === 'run-linear')?.status).toBe('cancelled');
    expect(within(linear).getByRole('button', { name: /Replay/ })).toBeTruthy();
  });

  it('shows the core’s reason when a run cannot be cancelled', async () => {
    const core = await showActivityPage();
    // It finished meanwhile, and the page has not heard yet.
    core.activity.state.runs = core.activity.state.runs.map((r) => (r.id === 'run-linear' ? { ...r, status: 'completed' } : r));
    fireEvent.click(within(runItem(/^Linear issue changed/)).getByRole('button', { name: 'Cancel' }));
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Cancel run' }));
    const toast = await within(toasts()).findByText('Couldn’t cancel “Linear issue changed”.');
    expect(toast.parentElement?.textContent).toContain('That run already completed.');
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('replays a finished run as a new run, opened at the top', async () => {
    const core = await showActivityPage();
    fireEvent.click(within(runItem(/^Pull request activity/)).getByRole('button', { name: /Replay/ }));
    await waitFor(() => expect(runNames()).toHaveLength(4));
    expect(core.callsTo('activity.replay').map((c) => c.params)).toEqual([{ id: 'run-pr' }]);
    const replay = within(runList()).getAllByRole('article')[0] as HTMLElement;
    expect(replay.getAttribute('data-run-id')).not.toBe('run-pr');
    expect(within(replay).getByText('replay of an earlier run')).toBeTruthy();
    expect(within(replay).getByText('acme/api#42 Add rate limits')).toBeTruthy();
    expect(runItem(/^Pull request activity Queued$/)).toBe(replay);
    const toggle = within(replay).getByRole('button', { name: /Pull request activity/ });
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(document.activeElement).toBe(toggle);
    expect(core.activity.state.runs.find((r) => r.replayOf === 'run-pr')?.status).toBe('queued');
  });

  it('filters by status and function, and a pushed run that does not fit stays out', async () => {
    const core = await showActivityPage();
    fireEvent.click(chip(/^Failed/));
    expect(chip(/^Failed/).getAttribute('aria-pressed')).toBe('true');
    await waitFor(() => expect(runNames()).toEqual(['Pull request activity']));
    expect(core.callsTo('activity.runs').at(-1)?.params).toEqual({ status: ['failed'], limit: 50 });

    act(() => void core.activity.pushRun(run({ id: 'run-new', createdAt: T0, status: 'running', finishedAt: null })));
    expect(runNames()).toEqual(['Pull request activity']);
    await waitFor(() => expect(chip(/^Active/).textContent).toBe('Active 2'));
    act(() => void core.activity.pushRun({ ...PR_RUN, error: 'GitHub is down for maintenance' }));
    expect(within(runList()).getByText('GitHub is down for maintenance')).toBeTruthy();

    fireEvent.click(chip(/^Active/));
    await waitFor(() => expect(runNames()).toEqual(['New email', 'Linear issue changed']));
    expect(core.callsTo('activity.runs').at(-1)?.params).toEqual({ status: ['queued', 'running', 'sleeping'], limit: 50 });

    fireEvent.click(chip(/^All/));
    fireEvent.change(screen.getByRole('combobox', { name: 'Function' }), { target: { value: 'email-received' } });
    await waitFor(() => expect(runNames()).toEqual(['New email', 'New email']));
    expect(core.callsTo('activity.runs').at(-1)?.params).toEqual({ functionId: 'email-received', limit: 50 });

    fireEvent.change(screen.getByRole('combobox', { name: 'Function' }), { target: { value: 'izzie-escalate' } });
    expect(await screen.findByText('No runs match these filters.')).toBeTruthy();
  });

  it('shows older runs a page at a time', async () => {
    const many = Array.from({ length: 55 }, (_, i) => run({ id: `run-${i}`, createdAt: T0 - i * 60_000 }));
    const core = await showActivityPage(activityOptions({ runs: many }));
    expect(runNames()).toHaveLength(50);
    fireEvent.click(screen.getByRole('button', { name: 'Show older' }));
    await waitFor(() => expect(runNames()).toHaveLength(55));
    expect(core.callsTo('activity.runs').at(-1)?.params).toEqual({ before: T0 - 49 * 60_000, limit: 50 });
    expect(screen.queryByRole('button', { name: 'Show older' })).toBeNull();
  });

  it('says so when nothing has run, and shows a list it could not read in the core’s words', async () => {
    await showActivityPage(activityOptions({ runs: [] }));
    expect(screen.getByRole('heading', { name: 'Nothing has run yet' })).toBeTruthy();
    expect(screen.queryByRole('list', { name: 'Runs' })).toBeNull();
    cleanup();
    resetStores();

    const core = await showActivityPage({
      ...activityOptions(),
      failures: { 'activity.runs': { code: 'INTERNAL', message: 'The database is locked.' } },
    });
    expect(screen.getByRole('alert').textContent).toContain('Couldn’t load the runs. The database is locked.');
    delete core.failures['activity.runs'];
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(runNames()).toHaveLength(3));
  });

  it('lists the functions on a schedule with their next run, and runs one now', async () => {
    const core = await showActivityPage();
    const panel = screen.getByRole('region', { name: 'Scheduled' });
    const items = within(panel).getAllByRole('listitem');
    expect(items.map((li) => li.querySelector('.scheduled__name')?.textContent)).toEqual(['Morning digest', 'Memory retention']);
    expect(items[0]?.textContent).toContain('every day at 07:00 · next');
    expect(items[0]?.querySelector('time')?.getAttribute('dateTime')).toBe(new Date(1_700_031_600_000).toISOString());

    fireEvent.click(chip(/^Failed/));
    await waitFor(() => expect(runNames()).toEqual(['Pull request activity']));
    fireEvent.click(within(items[1] as HTMLElement).getByRole('button', { name: 'Run now' }));
    await waitFor(() => expect(runNames()[0]).toBe('Memory retention'));
    expect(core.callsTo('activity.runNow').map((c) => c.params)).toEqual([{ functionId: 'memory-retention' }]);
    // The new run does not fit "Failed": the list shows every run again, the new one open.
    expect(chip(/^All/).getAttribute('aria-pressed')).toBe('true');
    const started = runItem(/^Memory retention Queued$/);
    expect(within(started).getByText('started by you')).toBeTruthy();
    expect(
      within(started)
        .getByRole('button', { name: /Memory retention/ })
        .getAttribute('aria-expanded'),
    ).toBe('true');
  });

  it('shows what Izzie checks, when it last did, what failed, and checks now', async () => {
    const core = await showActivityPage(
      activityOptions({
        sources: [
          source({ id: 'google:gmail', label: 'Gmail', polledAt: Date.now() - 120_000 }),
          source({
            id: 'github:notifications',
            label: 'GitHub notifications',
            failures: 3,
            lastError: 'GitHub is unavailable (503).',
          }),
          source({ id: 'linear:issues', label: 'Linear issues', polledAt: null }),
        ],
      }),
    );
    const panel = screen.getByRole('region', { name: 'Checking for new activity' });
    const items = within(panel).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual([
      expect.stringMatching(/^Gmailchecked 2 minutes ago · every 1 min$/),
      expect.stringContaining('Failed 3 times in a row: GitHub is unavailable (503).'),
      'Linear issuesnot checked yet',
    ]);
    fireEvent.click(within(panel).getByRole('button', { name: 'Check now' }));
    await waitFor(() => expect(core.callsTo('activity.pollNow')).toHaveLength(1));
    await waitFor(() => expect(within(panel).getAllByRole('listitem')[2]?.textContent).not.toContain('not checked yet'));
  });

  it('says how to get sources when no account is connected', async () => {
    await showActivityPage(activityOptions({ sources: [] }));
    const panel = screen.getByRole('region', { name: 'Checking for new activity' });
    expect(panel.textContent).toContain('Connect an account on the Integrations page');
    expect(within(panel).queryByRole('button', { name: 'Check now' })).toBeNull();
  });

  it('shows why a function could not start', async () => {
    await showActivityPage({
      ...activityOptions(),
      failures: { 'activity.runNow': { code: 'CONFLICT', message: 'Morning digest was started a moment ago already.' } },
    });
    const panel = screen.getByRole('region', { name: 'Scheduled' });
    fireEvent.click(within(panel).getAllByRole('button', { name: 'Run now' })[0] as HTMLElement);
    const title = await within(toasts()).findByText('Couldn’t start “Morning digest”.');
    expect(title.parentElement?.textContent).toContain('Morning digest was started a moment ago already.');
  });
});

const DIGEST = digest({
  sections: [
    {
      id: 'mail',
      title: 'Mail that needs you',
      items: [
        {
          title: 'Dana Reyes: Atlas launch plan',
          detail: 'asks for a decision today',
          url: 'https://mail.google.com/mail/u/0/#inbox/1',
        },
      ],
      note: null,
    },
    { id: 'calendar', title: 'Today', items: [{ title: 'Design review', detail: '10:00–11:00', url: null }], note: null },
    { id: 'pull_requests', title: 'Pull requests', items: [], note: 'GitHub is not connected' },
    { id: 'approvals', title: 'Approvals', items: [], note: null },
  ],
});

const digestTab = () => screen.getByRole('radio', { name: 'Digest' });

describe('Activity page: digest', () => {
  it('shows the latest digest: summary, sections, items as links, and why a section is empty', async () => {
    await showActivityPage(activityOptions({ digest: DIGEST }));
    fireEvent.click(digestTab());
    const article = screen.getByRole('article', { name: /^Digest for/ });
    expect(article.textContent).toContain(DIGEST.summary);
    expect(within(article).getByRole('heading', { level: 2 }).textContent).toMatch(/2023/);

    const mail = within(article).getByRole('region', { name: /Mail that needs you/ });
    const link = within(mail).getByRole('link', { name: 'Dana Reyes: Atlas launch plan' });
    expect(link.getAttribute('href')).toBe('https://mail.google.com/mail/u/0/#inbox/1');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noreferrer');
    expect(mail.textContent).toContain('asks for a decision today');

    const today = within(article).getByRole('region', { name: /Today/ });
    expect(within(today).queryByRole('link')).toBeNull();
    expect(today.textContent).toContain('Design review');
    expect(within(article).getByRole('region', { name: /Pull requests/ }).textContent).toContain('GitHub is not connected');
    expect(within(article).getByRole('region', { name: /Approvals/ }).textContent).toContain('Nothing here.');
  });

  it('says there is none yet, runs it now, and shows a new one as soon as it is ready', async () => {
    const core = await showActivityPage();
    fireEvent.click(digestTab());
    expect(screen.getByRole('heading', { name: 'No digest yet' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Run the digest now' }));
    await waitFor(() => expect(runNames()[0]).toBe('Morning digest'));
    expect(core.callsTo('activity.runNow').map((c) => c.params)).toEqual([{ functionId: 'morning-digest' }]);
    expect(screen.getByRole<HTMLInputElement>('radio', { name: 'Runs' }).checked).toBe(true);

    act(() => core.activity.pushDigest(DIGEST));
    fireEvent.click(digestTab());
    expect(screen.getByRole('article', { name: /^Digest for/ }).textContent).toContain(DIGEST.summary);
  });
});

describe('Activity page: notifications', () => {
  it('opens the run a notification is about, even one the page had not loaded', async () => {
    const old = run({ id: 'run-old', functionName: 'New email', createdAt: T0 - 86_400_000 * 30, status: 'completed' });
    const core = await showActivityPage(
      activityOptions({ runs: [...Array.from({ length: 50 }, (_, i) => run({ id: `r${i}`, createdAt: T0 - i })), old] }),
      'chat',
    );
    act(() =>
      core.activity.notify(
        notification({ id: 'n1', title: 'Dana needs an answer today', target: { page: 'activity', id: 'run-old' } }),
      ),
    );
    fireEvent.click(within(toasts()).getByRole('button', { name: /Dana needs an answer today/ }));
    await screen.findByRole('heading', { level: 1, name: 'Activity' });
    const opened = await waitFor(() => {
      const item = document.querySelector<HTMLElement>('[data-run-id="run-old"]');
      expect(item).toBeTruthy();
      return item as HTMLElement;
    });
    expect(core.callsTo('activity.run').map((c) => c.params)).toEqual([{ id: 'run-old' }]);
    const toggle = within(opened).getByRole('button', { name: /New email/ });
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    await waitFor(() => expect(document.activeElement).toBe(toggle));
    expect(runNames()).toHaveLength(51);
  });

  it('opens the digest from its notification', async () => {
    const core = await showActivityPage(activityOptions({ digest: DIGEST }), 'memory');
    act(() =>
      core.activity.notify(
        notification({
          id: 'n2',
          kind: 'digest',
          title: 'Your digest for 2023-11-15',
          target: { page: 'activity', id: 'digest' },
        }),
      ),
    );
    fireEvent.click(within(toasts()).getByRole('button', { name: /Your digest/ }));
    expect(await screen.findByRole('article', { name: /^Digest for/ })).toBeTruthy();
    expect(digestTab()).toHaveProperty('checked', true);
  });

  it('counts unread notifications on the Activity item, and reads them when the page opens', async () => {
    const core = await showActivityPage(
      activityOptions({ notifications: [notification({ id: 'old', read: false }), notification({ id: 'older', read: true })] }),
      'chat',
    );
    const nav = screen.getByRole('navigation', { name: 'Main' });
    await waitFor(() => expect(within(nav).getByRole('button', { name: 'Activity 1 unread' })).toBeTruthy());
    act(() => core.activity.notify(notification({ id: 'new' })));
    expect(within(nav).getByRole('button', { name: 'Activity 2 unread' })).toBeTruthy();

    fireEvent.click(within(nav).getByRole('button', { name: /^Activity/ }));
    await waitFor(() => expect(within(nav).getByRole('button', { name: 'Activity' })).toBeTruthy());
    expect(core.callsTo('notifications.read').map((c) => c.params)).toEqual([{}]);
    expect(core.activity.state.notifications.every((n) => n.read)).toBe(true);
  });

  it('reads the runs again when the connection comes back', async () => {
    const core = await showActivityPage();
    const finished = { ...retryingRun(), status: 'completed' as const, wakeAt: null, finishedAt: T0 };
    core.activity.state.runs = core.activity.state.runs.map((r) => (r.id === finished.id ? finished : r));
    act(() => useConnection.setState({ state: 'reconnecting' }));
    act(() => useConnection.setState({ state: 'connected' }));
    await waitFor(() => expect(runItem(/^Linear issue changed Completed$/)).toBeTruthy());
    expect(core.callsTo('activity.runs')).toHaveLength(2);
    expect(core.callsTo('notifications.list')).toHaveLength(2);
  });
});
