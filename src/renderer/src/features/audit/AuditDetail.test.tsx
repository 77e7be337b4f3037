// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useNavigation } from '../../stores/navigation';
import { resetStores } from '../../test-support/reset-stores';
import { EMAIL_CHAIN, LOG, T0, auditOptions, showAuditPage } from './audit-kit';

beforeEach(() => resetStores());
afterEach(() => cleanup());

const open = (name: string) => fireEvent.click(screen.getByRole('button', { name }));
const detail = () => screen.getByRole('region', { name: /^Entry \d+/ });
const facts = (region: HTMLElement) =>
  Object.fromEntries(
    [...region.querySelectorAll('.audit-facts__row')].map((row) => [
      row.querySelector('dt')?.textContent,
      row.querySelector('dd')?.textContent,
    ]),
  );

describe('Audit page: one entry and why it happened', () => {
  it('shows every field of the entry, its input and output as indented JSON, and its hashes', async () => {
    await showAuditPage();
    open('Entry 2: model.call');
    const region = await waitFor(detail);
    expect(within(region).getByRole('heading', { level: 2 }).textContent).toBe('Entry 2 · model.call');
    expect(document.activeElement).toBe(within(region).getByRole('heading', { level: 2 }));
    expect(facts(region)).toMatchObject({
      Actor: 'Izzie',
      Mode: 'Assistant',
      Persona: 'Work',
      Outcome: 'Succeeded',
      Model: 'anthropic/claude-haiku-4',
      Tokens: '1,200 in, 300 out',
      Latency: '850 ms',
      Cost: '$0.0004',
      runId: 'run-email',
      eventId: 'gmail:msg-1',
      Hash: LOG[1]?.hash,
      'Previous hash': LOG[0]?.hash,
    });
    expect(region.querySelectorAll('pre')[1]?.textContent).toBe('{\n  "priority": "high",\n  "needsReply": true\n}');
    expect(screen.getByRole('button', { name: 'Entry 2: model.call' }).getAttribute('aria-current')).toBe('true');

    // Escape closes it, and focus goes back to its row.
    fireEvent.keyDown(within(region).getByRole('heading', { level: 2 }), { key: 'Escape' });
    expect(screen.queryByRole('region', { name: /^Entry \d+/ })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Entry 2: model.call' }));
  });

  it('shows why Izzie did it, from the event to the effect, in order', async () => {
    const core = await showAuditPage();
    open('Entry 5: proxy.action');
    const chain = await within(await waitFor(detail)).findByRole('list', { name: 'Why did Izzie do this?' });
    expect(core.callsTo('audit.chain').map((c) => c.params)).toEqual([{ seq: 5 }]);
    const links = within(chain).getAllByRole('listitem');
    expect(
      links.map((li) => [li.querySelector('.why-chain__kind')?.textContent, li.querySelector('.why-chain__title')?.textContent]),
    ).toEqual([
      ['Event', 'email/received'],
      ['Classification', 'Needs a reply (high priority)'],
      ['Run', 'New email'],
      ['Policy decision', 'Asked you first'],
      ['Approval', 'Approved by you'],
      ['Effect', 'Email sent to dana@acme.com'],
    ]);
    expect(links[5]?.getAttribute('aria-current')).toBe('step');
    expect(links[3]?.textContent).toContain('You always confirm sending email.');
    // The approval is an entry of its own and an item on the Approvals page: both open.
    expect(
      within(links[4] as HTMLElement)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Open in Approvals', 'Show entry 4']);

    // A link that is another entry opens it here, with its own chain.
    fireEvent.click(within(links[3] as HTMLElement).getByRole('button', { name: 'Show entry 3' }));
    await waitFor(() =>
      expect(within(detail()).getByRole('heading', { level: 2 }).textContent).toBe('Entry 3 · policy.decision'),
    );
    expect(core.callsTo('audit.chain').at(-1)?.params).toEqual({ seq: 3 });
  });

  it('says what the effect’s service answered in words, not the tool’s raw JSON', async () => {
    // As the core words an effect: the tool's name in the title, its raw answer in the detail.
    const effect = (title: string, detail: string) => ({
      kind: 'effect' as const,
      title,
      detail,
      at: T0 - 29 * 60_000,
      seq: 5,
      target: null,
    });
    const chainWith = async (link: ReturnType<typeof effect>) => {
      cleanup();
      resetStores();
      await showAuditPage(auditOptions({ chains: { 5: [...EMAIL_CHAIN.slice(0, -1), link] } }));
      open('Entry 5: proxy.action');
      const chain = await within(await waitFor(detail)).findByRole('list', { name: 'Why did Izzie do this?' });
      return within(chain).getAllByRole('listitem').at(-1) as HTMLElement;
    };

    let last = await chainWith(
      effect('google.gmail_send went out', '{"id":"18c2f0a1b2c3d4e5","threadId":"18c2f0a1b2c3d4e5","labelIds":["SENT"]}'),
    );
    expect(last.querySelector('.why-chain__detail')?.textContent).toBe('Sent (Gmail message 18c2f0a1b2c3d4e5)');
    expect(within(last).queryByRole('link')).toBeNull();

    last = await chainWith(
      effect(
        'github.issue_create went out',
        JSON.stringify({ number: 12, title: 'Login loops', url: 'https://github.com/octocat/hello-world/issues/12' }),
      ),
    );
    expect(last.querySelector('.why-chain__detail')?.textContent).toBe('Created octocat/hello-world#12 Open in GitHub');
    expect(within(last).getByRole('link', { name: 'Open in GitHub' }).getAttribute('href')).toBe(
      'https://github.com/octocat/hello-world/issues/12',
    );

    // One that did not go out keeps the core's words for why.
    last = await chainWith(effect('slack.message_send did not go out', 'slack.message_send failed: channel_not_found'));
    expect(last.querySelector('.why-chain__detail')?.textContent).toBe('slack.message_send failed: channel_not_found');
  });

  it('opens a link’s target: the approval, the run in Activity', async () => {
    const core = await showAuditPage();
    open('Entry 5: proxy.action');
    const chain = await within(await waitFor(detail)).findByRole('list', { name: 'Why did Izzie do this?' });
    fireEvent.click(within(chain).getByRole('button', { name: 'Open in Approvals' }));
    await screen.findByRole('heading', { level: 1, name: 'Approvals' });
    // The Approvals page looks for the item it was sent to.
    await waitFor(() => expect(core.callsTo('approvals.get').map((c) => c.params)).toEqual([{ id: 'a-email' }]));

    useNavigation.setState({ page: 'audit' });
    const again = await screen.findByRole('list', { name: 'Why did Izzie do this?' });
    fireEvent.click(within(again).getByRole('button', { name: 'Open in Activity' }));
    await screen.findByRole('heading', { level: 1, name: 'Activity' });
    await waitFor(() => expect(core.callsTo('activity.run').map((c) => c.params)).toEqual([{ id: 'run-email' }]));
  });

  it('opens an entry the list does not show, from a link elsewhere', async () => {
    const core = await showAuditPage();
    fireEvent.click(screen.getByRole('radio', { name: 'Last hour' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Entry 1: threads.create' })).toBeNull());
    useNavigation.getState().navigate('audit', { section: '1' });
    await waitFor(() => expect(within(detail()).getByRole('heading', { level: 2 }).textContent).toBe('Entry 1 · threads.create'));
    expect(core.callsTo('audit.entry').map((c) => c.params)).toEqual([{ seq: 1 }]);
  });
});
