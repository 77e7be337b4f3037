import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../test-support/temp-dir';
import { testPorts, type TestPorts } from '../../test-support/test-ports';
import { RpcError, type RpcEventFrame } from '../shared';
import { createCore, type Core } from './create-core';
import { sqlMigrations } from './store/migration-files';

describe('the core', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let ports: TestPorts;
  let core: Core;
  beforeEach(async () => {
    dir = makeTempDir();
    ports = testPorts(dir.path);
    core = createCore(ports);
    await core.start();
  });
  afterEach(async () => {
    await core.stop();
    dir.remove();
  });

  it('reports what it is and where its data lives', async () => {
    const info = await core.client.call('app.info');
    expect(info).toMatchObject({
      name: 'Izzie',
      hostKind: 'test',
      dataDir: dir.path,
      schemaVersion: sqlMigrations.length,
      modelProviderConfigured: false,
    });
    expect(info.logFile.startsWith(dir.path)).toBe(true);
  });

  it('creates, lists, renames and deletes threads, newest activity first', async () => {
    const first = await core.client.call('threads.create', {});
    ports.advance(1000);
    const second = await core.client.call('threads.create', { title: 'Q3 planning' });
    expect(first.title).toBe('New chat');
    expect((await core.client.call('threads.list')).map((t) => t.id)).toEqual([second.id, first.id]);
    ports.advance(1000);
    const renamed = await core.client.call('threads.rename', { id: first.id, title: '  Travel  ' });
    expect(renamed.title).toBe('Travel');
    expect((await core.client.call('threads.list')).map((t) => t.id)).toEqual([first.id, second.id]);
    await core.client.call('threads.delete', { id: first.id });
    expect((await core.client.call('threads.list')).map((t) => t.id)).toEqual([second.id]);
    await expect(core.client.call('threads.delete', { id: first.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('stores a sent message, answers PROVIDER_NOT_CONFIGURED, and keeps the reason with the message', async () => {
    const thread = await core.client.call('threads.create', {});
    const error = await core.client
      .call('messages.send', { threadId: thread.id, content: 'Draft a reply to Dana' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RpcError);
    expect(error).toMatchObject({
      code: 'PROVIDER_NOT_CONFIGURED',
      message: expect.stringMatching(/No model provider is set up/),
    });
    const { messages } = await core.client.call('messages.list', { threadId: thread.id });
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({
      role: 'user',
      content: 'Draft a reply to Dana',
      deliveryError: { code: 'PROVIDER_NOT_CONFIGURED' },
    });
    const [listed] = await core.client.call('threads.list');
    expect(listed).toMatchObject({
      title: 'Draft a reply to Dana',
      messageCount: 1,
      lastMessagePreview: 'Draft a reply to Dana',
    });
  });

  it('keeps threads, messages and settings across a restart', async () => {
    const thread = await core.client.call('threads.create', { title: 'Keep me' });
    await core.client.call('messages.send', { threadId: thread.id, content: 'still here?' }).catch(() => undefined);
    await core.client.call('settings.set', { proactivePaused: true });
    await core.stop();
    core = createCore(ports);
    await core.start();
    expect((await core.client.call('threads.list')).map((t) => t.title)).toEqual(['Keep me']);
    expect((await core.client.call('messages.list', { threadId: thread.id })).messages.map((m) => m.content)).toEqual([
      'still here?',
    ]);
    expect(await core.client.call('settings.get')).toEqual({ proactivePaused: true, theme: 'system', digestTime: '07:00' });
  });

  it('pages messages from newest to oldest', async () => {
    const thread = await core.client.call('threads.create', {});
    for (let i = 0; i < 5; i++)
      await core.client.call('messages.send', { threadId: thread.id, content: `m${i}` }).catch(() => undefined);
    const latest = await core.client.call('messages.list', { threadId: thread.id, limit: 2 });
    expect(latest.messages.map((m) => m.content)).toEqual(['m3', 'm4']);
    const older = await core.client.call('messages.list', {
      threadId: thread.id,
      limit: 2,
      before: latest.nextBefore ?? undefined,
    });
    expect(older.messages.map((m) => m.content)).toEqual(['m1', 'm2']);
    const oldest = await core.client.call('messages.list', {
      threadId: thread.id,
      limit: 2,
      before: older.nextBefore ?? undefined,
    });
    expect(oldest).toMatchObject({ messages: [{ content: 'm0' }], nextBefore: null });
  });

  it('pushes events for changes so every window stays in sync', async () => {
    const frames: RpcEventFrame[] = [];
    const off = core.subscribe((frame) => frames.push(frame));
    const thread = await core.client.call('threads.create', {});
    await core.client.call('messages.send', { threadId: thread.id, content: 'hello' }).catch(() => undefined);
    await core.client.call('settings.set', { theme: 'dark' });
    off();
    await core.client.call('threads.create', {});
    expect(frames.map((f) => f.event)).toEqual([
      'threads.changed',
      'threads.changed',
      'threads.changed',
      'messages.added',
      'settings.changed',
    ]);
  });

  it('audits every mutation, successful or not, without storing message bodies', async () => {
    const thread = await core.client.call('threads.create', { title: 'A' });
    await core.client.call('messages.send', { threadId: thread.id, content: 'secret plans' }).catch(() => undefined);
    await core.client.call('threads.list');
    const entries = await auditRows(core);
    expect(entries.map((e) => [e.action, e.success])).toEqual([
      ['threads.create', 1],
      ['messages.send', 0],
    ]);
    expect(JSON.stringify(entries)).not.toContain('secret plans');
    expect(entries[1]?.error).toMatch(/^PROVIDER_NOT_CONFIGURED/);
  });

  it('gives hosts a logger that writes to the log file, with registered secrets masked', async () => {
    core.redactInLogs('per-launch-token-123');
    core.log.warn('refused a connection', { reason: 'wrong token per-launch-token-123' });
    const { readFileSync } = await import('node:fs');
    const last = readFileSync(core.logFile, 'utf8').trim().split('\n').at(-1) ?? '';
    expect(JSON.parse(last)).toMatchObject({
      level: 'warn',
      scope: 'izzie.host',
      msg: 'refused a connection',
      reason: 'wrong token [redacted]',
    });
  });

  it('refuses requests once stopped', async () => {
    await core.stop();
    expect(await core.handle({ id: 1, method: 'app.info' })).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    await core.start();
  });
});

async function auditRows(core: Core) {
  const { openDatabase } = await import('./store/database');
  const db = openDatabase(`${core.dataDir}/izzie.db`, { readonly: true });
  try {
    return db.prepare('SELECT action, success, input, error FROM audit_log ORDER BY seq').all() as Array<{
      action: string;
      success: number;
      error: string | null;
    }>;
  } finally {
    db.close();
  }
}
