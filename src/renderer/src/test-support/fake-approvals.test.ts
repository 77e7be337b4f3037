import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RpcError, type Approval } from '../../../shared';
import { approval, grant } from './fake-approvals';
import { createFakeCore } from './fake-core';
import { payloadHash } from './fake-payload';

const EMAIL = approval({ id: 'email' });

function start(options: Parameters<typeof createFakeCore>[0] = {}) {
  const core = createFakeCore({ approvals: { approvals: [EMAIL], ...options.approvals }, ...options });
  const changed: Approval[] = [];
  const pending: number[] = [];
  core.client.on('approvals.changed', ({ approval: a }) => changed.push(a));
  core.client.on('approvals.pending', ({ pending: n }) => pending.push(n));
  return { core, changed, pending };
}

async function refusal(call: Promise<unknown>): Promise<{ code: string; message: string }> {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof RpcError)) throw new Error('expected the call to be refused');
  return { code: error.code, message: error.message };
}

beforeEach(() => vi.useFakeTimers({ toFake: ['Date'] }));
afterEach(() => vi.useRealTimers());

describe('fake core: approvals', () => {
  it('approves only the payload the person saw, then waits out the undo window before sending', async () => {
    const { core, changed, pending } = start();
    expect(await refusal(core.client.call('approvals.approve', { id: 'email', payloadHash: 'f'.repeat(64) }))).toMatchObject({
      code: 'CONFLICT',
      message: 'This action changed since you looked at it. Review it again before approving.',
    });
    expect(changed).toEqual([]);

    const approved = await core.client.call('approvals.approve', { id: 'email', payloadHash: EMAIL.payloadHash });
    expect(approved).toMatchObject({ status: 'approved', decidedBy: 'user', sendAt: Date.now() + 10_000 });
    expect(changed).toEqual([approved]);
    expect(pending).toEqual([0]);
    expect(await refusal(core.client.call('approvals.approve', { id: 'email', payloadHash: EMAIL.payloadHash }))).toMatchObject({
      code: 'CONFLICT',
      message: 'This action is already approved.',
    });

    expect(core.approvals.sendDue()).toEqual([]);
    vi.advanceTimersByTime(10_000);
    // It answers as Gmail's send tool does: JSON text.
    expect(core.approvals.sendDue()).toEqual([
      expect.objectContaining({
        id: 'email',
        status: 'done',
        result: '{"id":"18c2f0a1b2c3d4e5","threadId":"18c2f0a1b2c3d4e5","labelIds":["SENT"]}',
      }),
    ]);
    expect(changed.at(-1)?.status).toBe('done');
  });

  it('undoes inside the window only, back to pending', async () => {
    const { core } = start();
    await core.client.call('approvals.approve', { id: 'email', payloadHash: EMAIL.payloadHash });
    vi.advanceTimersByTime(9_000);
    expect(await core.client.call('approvals.undo', { id: 'email' })).toMatchObject({
      status: 'pending',
      sendAt: null,
      decidedBy: null,
    });
    await core.client.call('approvals.approve', { id: 'email', payloadHash: EMAIL.payloadHash });
    vi.advanceTimersByTime(10_000);
    expect(await refusal(core.client.call('approvals.undo', { id: 'email' }))).toEqual({
      code: 'CONFLICT',
      message: 'It is going out now; it is too late to undo.',
    });
  });

  it('expires an item asked about after its expiry, instead of deciding it', async () => {
    const stale = approval({ id: 'stale', expiresAt: Date.now() - 1 });
    const { core, changed } = start({ approvals: { approvals: [stale] } });
    expect(await refusal(core.client.call('approvals.approve', { id: 'stale', payloadHash: stale.payloadHash }))).toEqual({
      code: 'CONFLICT',
      message: 'This action is already expired.',
    });
    expect(changed.map((a) => a.status)).toEqual(['expired']);
  });

  it('saves an edit as a new pending item with its own hash and preview, superseding the old one', async () => {
    const { core, changed, pending } = start();
    const payload = { ...EMAIL.payload, subject: 'Friday works' };
    const edited = await core.client.call('approvals.edit', { id: 'email', payload });
    expect(edited).toMatchObject({ status: 'pending', editedFrom: 'email', payload, payloadHash: payloadHash(payload) });
    expect(edited.payloadHash).toMatch(/^[0-9a-f]{64}$/);
    expect(edited.payloadHash).not.toBe(EMAIL.payloadHash);
    expect(edited.preview).toMatchObject({ kind: 'email', subject: 'Friday works', from: 'ada@acme.com' });
    expect(changed.map((a) => [a.id, a.status, a.replacedBy])).toEqual([
      ['email', 'superseded', edited.id],
      [edited.id, 'pending', null],
    ]);
    expect(pending).toEqual([1]);
    expect(
      await refusal(core.client.call('approvals.edit', { id: edited.id, payload: { ...payload, to: ['not an address'] } })),
    ).toEqual({
      code: 'INVALID_INPUT',
      message: 'google.gmail_send would refuse this: to.0: must match format "email"',
    });
  });

  it('denies with a reason, and approving for N days creates a class grant', async () => {
    const other = approval({ id: 'other' });
    const { core } = start({ approvals: { approvals: [EMAIL, other] } });
    expect(await core.client.call('approvals.deny', { id: 'email', reason: ' Not yet ' })).toMatchObject({
      status: 'denied',
      denyReason: 'Not yet',
    });
    await core.client.call('approvals.approve', { id: 'other', payloadHash: other.payloadHash, grantDays: 7 });
    expect(core.approvals.state.grants).toEqual([
      expect.objectContaining({ scope: 'class', persona: 'work', actionClass: 'send', fromApproval: 'other', state: 'active' }),
    ]);
    expect(core.approvals.state.grants[0]?.expiresAt).toBe(Date.now() + 7 * 86_400_000);
  });

  it('revokes a grant at once, cancelling what it approved and has not sent', async () => {
    const standing = grant({ id: 'g1', scope: 'standing', expiresAt: null });
    const byGrant = approval({
      id: 'by-grant',
      status: 'approved',
      decidedBy: 'grant',
      grantId: 'g1',
      sendAt: Date.now() + 5_000,
    });
    const { core } = start({ approvals: { approvals: [byGrant], grants: [standing] } });
    expect(await core.client.call('grants.revoke', { id: 'g1' })).toMatchObject({ state: 'revoked', revokedAt: Date.now() });
    expect(core.approvals.state.approvals[0]).toMatchObject({ id: 'by-grant', status: 'cancelled' });
    expect(await core.client.call('grants.revoke', { id: 'g1' })).toMatchObject({ state: 'revoked' });
    expect(await refusal(core.client.call('grants.revoke', { id: 'nope' }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(
      await refusal(core.client.call('grants.create', { scope: 'class', persona: 'work', actionClass: 'send' })),
    ).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('days: A class grant needs an expiry') });
  });

  it('keeps the seed’s policy until changed', async () => {
    const { core } = start();
    expect(await core.client.call('policy.get')).toMatchObject({ undoSeconds: 10, approvalTtlHours: 24 });
    expect(await core.client.call('policy.update', { alwaysConfirm: ['send_email'] })).toMatchObject({
      alwaysConfirm: ['send_email'],
      undoSeconds: 10,
    });
  });
});
