import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Approval } from '../../shared';
import { fakeStep } from '../../../test-support/fake-model-server';
import { calls, startProxyWorld, until, type ProxyWorld } from '../../../test-support/proxy-world';
import { payloadHash } from './payload-hash';

const SEND = 'google.gmail_send';

/**
 * Issue #7's approvals against the Google emulator, through the RPC the window uses: an approved
 * send goes out exactly once and exactly as approved; an edit needs its own approval; a payload
 * changed on disk after approval is refused; expired and revoked grants authorize nothing; Undo
 * inside the window sends nothing. Izzie's clock is real time, so the undo windows are real.
 */
describe('approving proxy actions', () => {
  let world: ProxyWorld;

  beforeAll(async () => {
    world = await startProxyWorld();
    await world.call('policy.update', { undoSeconds: 1 });
  }, 120_000);
  afterAll(async () => world?.close());

  /** A clean proxy conversation asks to send `subject`; the always-confirm list holds it for the person. */
  async function requestSend(subject: string, body = 'The contract is signed.'): Promise<Approval> {
    const threadId = await world.proxyThread(subject);
    const reply = await world.ask(threadId, `Email Sam: ${subject}`, [
      calls(['google__gmail_send', { to: ['sam@customer.test'], subject, body }]),
      fakeStep.text('It is waiting for your approval.'),
    ]);
    expect(reply.toolCalls[0]?.status).toBe('pending');
    const item = (await world.call('approvals.list', { status: ['pending'] })).approvals.find(
      (a) => a.trigger.threadId === threadId,
    );
    if (!item) throw new Error(`no approval for ${subject}`);
    return item;
  }

  const sendsOf = async (subject: string) => (await world.sentMail()).filter((m) => m.raw.includes(`Subject: ${subject}`));
  const sendRequests = () => world.writes().filter((w) => w.what.endsWith('/messages/send')).length;
  const statusOf = async (id: string) => (await world.call('approvals.get', { id })).status;
  /** The chat's tool card that asked for the approval (the reply's first tool call). */
  const cardOf = async (item: Approval) =>
    (await world.call('messages.list', { threadId: item.trigger.threadId ?? '' })).messages.at(-1)?.toolCalls[0];
  const conflict = async (promise: Promise<unknown>) => {
    const error = await promise.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: 'CONFLICT' });
    return (error as Error).message;
  };
  /** Plays an attacker who can write Izzie's database while it runs. */
  function tamper(id: string, payload: Record<string, unknown>, options: { rehash?: boolean } = {}): void {
    const db = new Database(join(world.dataDir, 'izzie.db'));
    try {
      db.prepare('UPDATE approvals SET payload = ? WHERE id = ?').run(JSON.stringify(payload), id);
      if (options.rehash) {
        db.prepare('UPDATE approvals SET payload_hash = ? WHERE id = ?').run(payloadHash(SEND, payload), id);
      }
    } finally {
      db.close();
    }
  }

  it('sends an approved email exactly once, after the undo window, exactly as shown', async () => {
    const item = await requestSend('Contract signed');
    expect(item).toMatchObject({
      reason: 'always-confirm',
      preview: { kind: 'email', from: 'alice@example.com', to: ['sam@customer.test'], subject: 'Contract signed' },
    });
    const before = sendRequests();
    const approved = await world.call('approvals.approve', { id: item.id, payloadHash: item.payloadHash });
    expect(approved).toMatchObject({ status: 'approved', decidedBy: 'user' });
    expect(approved.sendAt).toBeGreaterThan(approved.decidedAt ?? Infinity);
    expect(sendRequests()).toBe(before);

    await until(async () => (await statusOf(item.id)) === 'done');
    await conflict(world.call('approvals.approve', { id: item.id, payloadHash: item.payloadHash }));
    // The chat's tool card says what became of it (and the model reads that on the next turn).
    const card = await cardOf(item);
    expect(card).toMatchObject({ status: 'ok', result: expect.stringMatching(/^Sent after the user's approval\. \{"id":/) });
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const sent = await sendsOf('Contract signed');
    expect(sent).toHaveLength(1);
    expect(sent[0]?.raw).toContain('To: sam@customer.test');
    expect(sent[0]?.body).toBe('The contract is signed.');
    expect(sendRequests()).toBe(before + 1);
    const { entries } = await world.call('audit.list', { action: 'proxy.', limit: 20 });
    const effect = entries.find((e) => e.input?.includes(item.payloadHash));
    expect(effect).toMatchObject({ action: 'proxy.action', success: true, trace: { approvalId: item.id } });

    // "Why did Izzie do this?": from the conversation, through the model's request and the gate, to the send.
    const chain = await world.call('audit.chain', { seq: effect?.seq ?? 0 });
    expect(chain.map((link) => link.kind)).toEqual([
      'message',
      'model', // the round that asked to send
      'policy',
      'approval', // requested
      'model', // the reply that told the person it waits for them
      'approval', // approved
      'tool_call',
      'effect',
    ]);
    expect(chain.find((link) => link.kind === 'policy')?.title).toBe('Policy: needs-approval for google.gmail_send');
    expect(chain.at(-1)).toMatchObject({
      title: 'google.gmail_send went out',
      detail: expect.stringMatching(/^\{"id":"[^"]+","threadId"/),
    });
  });

  it('makes an edit a new item that needs its own approval, and sends the edit', async () => {
    const item = await requestSend('Renewal terms', 'We accept the terms.');
    const edited = await world.call('approvals.edit', {
      id: item.id,
      payload: { ...item.payload, body: 'We accept the terms, with net-30 payment.' },
    });
    expect(edited).toMatchObject({ status: 'pending', editedFrom: item.id });
    expect(edited.payloadHash).not.toBe(item.payloadHash);
    expect(await world.call('approvals.get', { id: item.id })).toMatchObject({ status: 'superseded', replacedBy: edited.id });

    // Neither the old item nor the old hash approves the edit.
    await conflict(world.call('approvals.approve', { id: item.id, payloadHash: item.payloadHash }));
    expect(await conflict(world.call('approvals.approve', { id: edited.id, payloadHash: item.payloadHash }))).toMatch(
      /changed since you looked/,
    );
    await world.call('approvals.approve', { id: edited.id, payloadHash: edited.payloadHash });
    await until(async () => (await statusOf(edited.id)) === 'done');
    const sent = await sendsOf('Renewal terms');
    expect(sent).toHaveLength(1);
    expect(sent[0]?.body).toBe('We accept the terms, with net-30 payment.');
  });

  it('refuses a payload changed on disk before or after approval, and sends nothing', async () => {
    const before = sendRequests();
    // Changed while waiting: the person approves what they saw, which is no longer what is stored.
    const waiting = await requestSend('Invoice question');
    tamper(waiting.id, { ...waiting.payload, to: ['attacker@evil.example'] });
    await conflict(world.call('approvals.approve', { id: waiting.id, payloadHash: waiting.payloadHash }));

    // Changed inside the undo window, hash column and all: execution recomputes and compares.
    await world.call('policy.update', { undoSeconds: 2 });
    const approved = await requestSend('Board deck');
    await world.call('approvals.approve', { id: approved.id, payloadHash: approved.payloadHash });
    tamper(approved.id, { ...approved.payload, to: ['attacker@evil.example'] }, { rehash: true });
    await until(async () => (await statusOf(approved.id)) === 'failed');
    expect((await world.call('approvals.get', { id: approved.id })).error).toMatch(/not what was approved/);

    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(sendRequests()).toBe(before);
    const { entries } = await world.call('audit.list', { action: 'proxy.refused', limit: 5 });
    expect(entries.find((e) => e.trace.approvalId === approved.id)).toMatchObject({ success: false });
    await world.call('policy.update', { undoSeconds: 1 });
  });

  it('sends nothing when the person undoes inside the window, and the item waits again', async () => {
    await world.call('policy.update', { undoSeconds: 2 });
    const before = sendRequests();
    const item = await requestSend('Offer letter');
    await world.call('approvals.approve', { id: item.id, payloadHash: item.payloadHash });
    expect(await world.call('approvals.undo', { id: item.id })).toMatchObject({ status: 'pending', sendAt: null });
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(await statusOf(item.id)).toBe('pending');
    expect(sendRequests()).toBe(before);
    expect(await sendsOf('Offer letter')).toEqual([]);
    await world.call('approvals.deny', { id: item.id, reason: 'Not yet' });
    const card = await cardOf(item);
    expect(card).toMatchObject({ status: 'denied', result: 'The user denied it: Not yet' });
    await world.call('policy.update', { undoSeconds: 1 });
  });

  describe('with grants and no always-confirm list', () => {
    beforeAll(async () => {
      await world.call('policy.update', { alwaysConfirm: [] });
    });

    async function sendUnderGrant(subject: string) {
      const threadId = await world.proxyThread(subject);
      const reply = await world.ask(threadId, `Email Sam: ${subject}`, [
        calls(['google__gmail_send', { to: ['sam@customer.test'], subject, body: '…' }]),
        fakeStep.text('Done.'),
      ]);
      const items = (await world.call('approvals.list', {})).approvals.filter((a) => a.trigger.threadId === threadId);
      return { call: reply.toolCalls[0], item: items[0] };
    }

    it('cancels what a revoked grant queued, and refuses it from then on', async () => {
      await world.call('policy.update', { undoSeconds: 3 });
      const grant = await world.call('grants.create', { scope: 'standing', persona: 'work', actionClass: 'send' });
      const before = sendRequests();
      const queued = await sendUnderGrant('Queued under a grant');
      expect(queued.call?.result).toMatch(/^Queued under the user's grant/);
      expect(queued.item).toMatchObject({ status: 'approved', decidedBy: 'grant', grantId: grant.id });

      expect(await world.call('grants.revoke', { id: grant.id })).toMatchObject({ state: 'revoked' });
      expect(await statusOf(queued.item?.id ?? '')).toBe('cancelled');
      const after = await sendUnderGrant('After the revocation');
      expect(after.item).toMatchObject({ status: 'pending', reason: 'no-grant' });
      await new Promise((resolve) => setTimeout(resolve, 3_500));
      expect(sendRequests()).toBe(before);
      await world.call('policy.update', { undoSeconds: 1 });
    });

    it('lets a class grant act until it expires, then refuses it', async () => {
      const grant = await world.call('grants.create', { scope: 'class', persona: 'work', actionClass: 'send', days: 1 });
      const within = await sendUnderGrant('Within the grant');
      expect(within.item).toMatchObject({ decidedBy: 'grant', grantId: grant.id });
      await until(async () => (await statusOf(within.item?.id ?? '')) === 'done');
      expect(await sendsOf('Within the grant')).toHaveLength(1);

      world.advance(25 * 3_600_000);
      expect((await world.call('grants.list')).find((g) => g.id === grant.id)?.state).toBe('expired');
      const before = sendRequests();
      const after = await sendUnderGrant('After the grant expired');
      expect(after.item).toMatchObject({ status: 'pending', reason: 'no-grant', grantId: null });
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(sendRequests()).toBe(before);
    });

    it('expires an approval nobody decided, and it can no longer be approved', async () => {
      const item = (await sendUnderGrant('Left waiting')).item;
      expect(item?.status).toBe('pending');
      world.advance(25 * 3_600_000);
      expect(await statusOf(item?.id ?? '')).toBe('expired');
      const card = item ? await cardOf(item) : undefined;
      expect(card).toMatchObject({ status: 'denied', result: expect.stringMatching(/expired and was not sent/) });
      await conflict(world.call('approvals.approve', { id: item?.id ?? '', payloadHash: item?.payloadHash ?? '' }));
    });
  });
});
