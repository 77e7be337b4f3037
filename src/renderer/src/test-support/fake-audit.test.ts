import { describe, expect, it } from 'vitest';
import { auditEntry, auditLog } from './fake-audit';
import { createFakeCore } from './fake-core';

const T = 1_700_000_000_000;

const LOG = auditLog([
  auditEntry({ at: T, action: 'model.call', model: 'anthropic/claude-haiku-4', output: '{"priority":"high"}' }),
  auditEntry({ at: T + 1_000, action: 'tool.call', mode: 'proxy', output: 'Sent to dana@acme.com', trace: { runId: 'r1' } }),
  auditEntry({ at: T + 2_000, action: 'policy.decision', persona: 'personal', success: false, error: 'Needs approval' }),
  auditEntry({ at: T + 3_000, action: 'approval.approved', actor: 'user', trace: { runId: 'r1' } }),
]);

const seqs = (page: { entries: { seq: number }[] }) => page.entries.map((e) => e.seq);

describe('fake core: audit', () => {
  it('lists newest first, filtered, with the total over the filter and paging by `before`', async () => {
    const { client } = createFakeCore({ audit: { entries: LOG } });
    expect(seqs(await client.call('audit.list', {}))).toEqual([4, 3, 2, 1]);
    expect(seqs(await client.call('audit.list', { action: 'approval.' }))).toEqual([4]);
    expect(seqs(await client.call('audit.list', { action: 'approval' }))).toEqual([]);
    expect(seqs(await client.call('audit.list', { mode: 'proxy' }))).toEqual([2]);
    expect(seqs(await client.call('audit.list', { persona: 'personal', outcome: 'failure' }))).toEqual([3]);
    expect(seqs(await client.call('audit.list', { from: T + 1_000, to: T + 2_000 }))).toEqual([3, 2]);
    expect(seqs(await client.call('audit.list', { q: 'DANA sent' }))).toEqual([2]);
    expect(await client.call('audit.list', { before: 3, limit: 1 })).toMatchObject({ entries: [{ seq: 2 }], total: 4 });
  });

  it('finds an edited, deleted or cut-off entry and names it', async () => {
    const core = createFakeCore({ audit: { entries: [...LOG] } });
    expect(await core.client.call('audit.verify')).toMatchObject({ ok: true, entries: 4 });
    core.audit.state.entries[1] = { ...LOG[1]!, output: 'Sent to mallory@evil.test' };
    expect(await core.client.call('audit.verify')).toMatchObject({
      ok: false,
      brokenAt: 2,
      reason: 'entry 2 was modified after it was written',
    });
    core.audit.state.entries = LOG.filter((e) => e.seq !== 2);
    expect(await core.client.call('audit.verify')).toMatchObject({
      ok: false,
      brokenAt: 2,
      reason: expect.stringContaining('deleted'),
    });
    core.audit.state.entries = LOG.slice(0, 3);
    expect(await core.client.call('audit.verify')).toMatchObject({ ok: false, brokenAt: 4 });
  });

  it('follows an entry’s trace into its chain, and exports the filtered log as JSON or CSV', async () => {
    const { client } = createFakeCore({ audit: { entries: LOG } });
    const chain = await client.call('audit.chain', { seq: 4 });
    expect(chain.map((l) => [l.kind, l.seq, l.target])).toEqual([
      ['run', null, { page: 'activity', id: 'r1' }],
      ['tool_call', 2, null],
      ['approval', 4, null],
    ]);
    const json = await client.call('audit.export', { format: 'json', action: 'tool.' });
    expect(json).toMatchObject({ mimeType: 'application/json', entries: 1 });
    expect((JSON.parse(json.content) as { seq: number }[]).map((e) => e.seq)).toEqual([2]);
    const csv = await client.call('audit.export', { format: 'csv' });
    expect(csv.mimeType).toBe('text/csv');
    expect(csv.content.split('\r\n').map((line) => line.split(',')[0])).toEqual(['seq', '1', '2', '3', '4', '']);
    expect(csv.filename).toMatch(/^izzie-audit-\d{4}-\d{2}-\d{2}-\d{2}-\d{2}-\d{2}\.csv$/);
  });
});
