// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetStores } from '../../test-support/reset-stores';
import { LOG, actions, auditOptions, showAuditPage } from './audit-kit';

/** What was handed to the browser to save: the file name, and the Blob behind the link clicked. */
const saved: { filename: string; blob: Blob }[] = [];
const blobs = new Map<string, Blob>();

beforeEach(() => {
  resetStores();
  saved.length = 0;
  // jsdom has no object URLs and does not download; stand in for both and record what was saved.
  URL.createObjectURL = (blob: Blob | MediaSource) => {
    const url = `blob:fake/${blobs.size + 1}`;
    blobs.set(url, blob as Blob);
    return url;
  };
  URL.revokeObjectURL = (url: string) => void blobs.delete(url);
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    const blob = blobs.get(this.href);
    if (blob && this.download && this.isConnected) saved.push({ filename: this.download, blob });
  });
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('Audit page: the chain check', () => {
  it('says the chain is intact and how many entries it holds', async () => {
    const core = await showAuditPage();
    const badge = document.querySelector('.verify-badge') as HTMLElement;
    expect(badge.getAttribute('role')).toBe('status');
    expect(badge.textContent).toContain('Chain intact · 6 entries');
    expect(core.callsTo('audit.verify')).toHaveLength(1);
  });

  it('names the entry where the chain breaks and why, and checks again on request', async () => {
    const core = await showAuditPage(auditOptions({ entries: [...LOG] }));
    core.audit.state.entries[2] = { ...(LOG[2] as (typeof LOG)[number]), output: '{"decision":"allow"}' };
    fireEvent.click(screen.getByRole('button', { name: 'Check again' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The audit log was tampered with at entry 3. Entry 3 was modified after it was written.');
    expect(core.callsTo('audit.verify')).toHaveLength(2);

    fireEvent.click(within(alert).getByRole('button', { name: 'Show entry 3' }));
    await screen.findByRole('region', { name: /^Entry 3/ });

    core.audit.state.entries = LOG.slice(0, 5);
    fireEvent.click(within(alert).getByRole('button', { name: 'Check again' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('at entry 6'));
    expect(screen.getByRole('alert').textContent).toContain(
      'The newest entries were deleted: the log ends at entry 5, but entry 6 was written.',
    );

    core.audit.state.entries = [...LOG];
    fireEvent.click(screen.getByRole('button', { name: 'Check again' }));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    expect(document.querySelector('.verify-badge')?.textContent).toContain('Chain intact · 6 entries');
  });
});

describe('Audit page: export', () => {
  it('exports what the filters let through as JSON, then as CSV, and saves each as a file', async () => {
    const core = await showAuditPage();
    fireEvent.change(screen.getByRole('combobox', { name: 'Mode' }), { target: { value: 'proxy' } });
    await waitFor(() => expect(actions()).toHaveLength(4));

    fireEvent.click(screen.getByRole('button', { name: 'Export JSON' }));
    await screen.findByText(/^Saved 4 entries as izzie-audit-.*\.json\.$/);
    expect(core.callsTo('audit.export').map((c) => c.params)).toEqual([{ mode: 'proxy', format: 'json' }]);
    expect(saved.map((s) => s.filename)).toEqual([expect.stringMatching(/^izzie-audit-[\d-]+\.json$/)]);
    expect(saved[0]?.blob.type).toBe('application/json');
    const json = JSON.parse(await (saved[0]?.blob as Blob).text()) as { seq: number }[];
    expect(json.map((e) => e.seq)).toEqual([3, 4, 5, 6]);

    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    await screen.findByText(/^Saved 4 entries as izzie-audit-.*\.csv\.$/);
    expect(core.callsTo('audit.export')[1]?.params).toEqual({ mode: 'proxy', format: 'csv' });
    expect(saved[1]?.blob.type).toBe('text/csv');
    expect((await (saved[1]?.blob as Blob).text()).split('\r\n')[0]).toMatch(/^seq,id,at,actor,action,/);
    // The temporary link is gone once clicked.
    expect(document.querySelector('a[download]')).toBeNull();
  });

  it('says why an export failed', async () => {
    await showAuditPage({ ...auditOptions(), failures: { 'audit.export': { code: 'INTERNAL', message: 'The disk is full.' } } });
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    const toast = await within(screen.getByRole('region', { name: 'Notifications' })).findByText(
      'Couldn’t export the audit log as CSV.',
    );
    expect(toast.parentElement?.textContent).toContain('The disk is full.');
    expect(saved).toEqual([]);
  });
});
