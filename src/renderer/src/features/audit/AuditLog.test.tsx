// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditEntry, auditLog } from '../../test-support/fake-audit';
import { resetStores } from '../../test-support/reset-stores';
import { T0, actions, auditOptions, cells, showAuditPage } from './audit-kit';

beforeEach(() => resetStores());
afterEach(() => cleanup());

const HOUR = 3_600_000;
const type = (field: HTMLElement, value: string) => fireEvent.change(field, { target: { value } });

describe('Audit page: the log', () => {
  it('lists entries newest first: time, action, actor, mode, persona, outcome, model, tokens, latency, cost', async () => {
    const core = await showAuditPage();
    expect(core.callsTo('audit.list')[0]?.params).toEqual({ limit: 100 });
    expect(actions()).toEqual([
      'tool.call',
      'proxy.action',
      'approval.approved',
      'policy.decision',
      'model.call',
      'threads.create',
    ]);
    const [failed, , , , model, yours] = cells();
    expect(failed?.slice(1)).toEqual(['tool.call', 'Izzie', 'Proxy', 'Personal', 'Failed', '—none', '—none', '—none', '—none']);
    expect(model?.slice(1)).toEqual([
      'model.call',
      'Izzie',
      'Assistant',
      'Work',
      'OK',
      'anthropic/claude-haiku-4',
      '1,500',
      '850 ms',
      '$0.0004',
    ]);
    expect(yours?.slice(1, 4)).toEqual(['threads.create', 'You', '—none']);
    expect(yours?.[0]).toMatch(/\d{1,2}:\d{2}:\d{2}/);
    expect(screen.getByText('Showing 6 of 6')).toBeTruthy();
  });

  it('asks the core for the time window, action, mode, persona and outcome chosen', async () => {
    const core = await showAuditPage();
    const last = () => core.callsTo('audit.list').at(-1)?.params as Record<string, unknown>;

    fireEvent.click(screen.getByRole('radio', { name: 'Last hour' }));
    await waitFor(() => expect(actions()).not.toContain('threads.create'));
    expect(actions()).toEqual(['tool.call', 'proxy.action', 'approval.approved', 'policy.decision', 'model.call']);
    expect(last()).toEqual({ from: expect.any(Number), limit: 100 });
    expect(Math.abs((last().from as number) - (Date.now() - HOUR))).toBeLessThan(5_000);

    fireEvent.change(screen.getByRole('combobox', { name: 'Mode' }), { target: { value: 'proxy' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Outcome' }), { target: { value: 'success' } });
    await waitFor(() => expect(actions()).toEqual(['proxy.action', 'approval.approved', 'policy.decision']));
    expect(last()).toEqual({ from: expect.any(Number), mode: 'proxy', outcome: 'success', limit: 100 });

    type(screen.getByRole('combobox', { name: 'Action' }), 'approval.');
    await waitFor(() => expect(actions()).toEqual(['approval.approved']));
    expect(last()).toEqual({ from: expect.any(Number), action: 'approval.', mode: 'proxy', outcome: 'success', limit: 100 });

    fireEvent.click(screen.getByRole('radio', { name: 'All' }));
    fireEvent.change(screen.getByRole('combobox', { name: 'Persona' }), { target: { value: 'personal' } });
    expect(await screen.findByText('No entries match these filters.')).toBeTruthy();
    expect(last()).toEqual({ action: 'approval.', mode: 'proxy', persona: 'personal', outcome: 'success', limit: 100 });
  });

  it('searches the words typed once typing pauses, not on every key', async () => {
    const core = await showAuditPage();
    const box = screen.getByRole('searchbox', { name: 'Search the audit log' });
    const before = core.callsTo('audit.list').length;
    type(box, 'd');
    type(box, 'dana');
    type(box, 'dana subject');
    await waitFor(() => expect(actions()).toEqual(['proxy.action']));
    expect(
      core
        .callsTo('audit.list')
        .slice(before)
        .map((c) => c.params),
    ).toEqual([{ q: 'dana subject', limit: 100 }]);

    type(box, '');
    await waitFor(() => expect(actions()).toHaveLength(6));
    expect(core.callsTo('audit.list').at(-1)?.params).toEqual({ limit: 100 });
  });

  it('loads older entries a page at a time', async () => {
    const many = auditLog(Array.from({ length: 110 }, (_, i) => auditEntry({ at: T0 - (110 - i) * 1_000, action: 'tool.call' })));
    const core = await showAuditPage(auditOptions({ entries: many }));
    expect(actions()).toHaveLength(100);
    expect(screen.getByText('Showing 100 of 110')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Load older' }));
    await waitFor(() => expect(actions()).toHaveLength(110));
    expect(core.callsTo('audit.list').at(-1)?.params).toEqual({ before: 11, limit: 100 });
    const seqs = [...document.querySelectorAll('.audit-row')].map((row) => Number(row.getAttribute('data-seq')));
    expect(seqs[0]).toBe(110);
    expect(seqs.at(-1)).toBe(1);
    expect(screen.queryByRole('button', { name: 'Load older' })).toBeNull();
  });

  it('says so when nothing is recorded yet, and shows a log it could not read in the core’s words', async () => {
    await showAuditPage(auditOptions({ entries: [] }));
    expect(screen.getByRole('heading', { name: 'Nothing recorded yet' })).toBeTruthy();
    cleanup();
    resetStores();

    const core = await showAuditPage({
      ...auditOptions(),
      failures: { 'audit.list': { code: 'UNAVAILABLE', message: 'The database is busy.' } },
    });
    const problem = within(screen.getByRole('region', { name: 'Entries' })).getByRole('alert');
    expect(problem.textContent).toContain('Couldn’t load the audit log. The database is busy.');
    delete core.failures['audit.list'];
    fireEvent.click(within(problem).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(actions()).toHaveLength(6));
  });
});
