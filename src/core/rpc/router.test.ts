import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../test-support/temp-dir';
import { testPorts } from '../../../test-support/test-ports';
import { createCore, type Core } from '../create-core';

describe('the RPC router', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let core: Core;
  beforeEach(async () => {
    dir = makeTempDir();
    core = createCore(testPorts(dir.path));
    await core.start();
  });
  afterEach(async () => {
    await core.stop();
    dir.remove();
  });

  it('answers a valid request with its id and value', async () => {
    const response = await core.handle({ id: 'abc', method: 'settings.get', params: {} });
    expect(response).toEqual({
      type: 'response',
      id: 'abc',
      ok: true,
      value: { proactivePaused: false, theme: 'system', digestTime: '07:00' },
    });
  });

  it('rejects unknown methods, including names that live on Object.prototype', async () => {
    for (const method of ['nope', '__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      expect(await core.handle({ id: 1, method })).toMatchObject({ id: 1, ok: false, error: { code: 'UNKNOWN_METHOD' } });
    }
  });

  it('parses params with the method schema and says what is wrong', async () => {
    const response = await core.handle({ id: 2, method: 'threads.rename', params: { id: 'not-a-uuid', title: '' } });
    expect(response).toMatchObject({ id: 2, ok: false, error: { code: 'INVALID_INPUT' } });
    if (response.ok) throw new Error('expected failure');
    expect(response.error.message).toMatch(/^Invalid input for threads\.rename: id: .*; title: A title cannot be empty/);
  });

  it('refuses unknown keys instead of ignoring them', async () => {
    const response = await core.handle({ id: 3, method: 'settings.set', params: { theme: 'dark', isAdmin: true } });
    expect(response).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await core.client.call('settings.get')).toEqual({ proactivePaused: false, theme: 'system', digestTime: '07:00' });
  });

  it('answers a malformed envelope with a null id when it has none', async () => {
    expect(await core.handle('hello')).toMatchObject({ id: null, ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await core.handle({ id: 7 })).toMatchObject({ id: 7, ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await core.handle({ id: 8, method: 'app.info', extra: 1 })).toMatchObject({
      id: 8,
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await core.handle({ id: 9, method: 'app.info', params: null })).toMatchObject({
      id: 9,
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });

  it('never echoes a huge input back in the error message', async () => {
    const response = await core.handle({ id: 9, method: 'x'.repeat(100_000) });
    expect(JSON.stringify(response).length).toBeLessThan(1000);
    const big = await core.handle({ id: 10, method: 'threads.create', params: { title: 'y'.repeat(1_000_000) } });
    expect(big).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(JSON.stringify(big).length).toBeLessThan(1000);
  });

  it('turns unexpected failures into INTERNAL without a stack, and logs the detail', async () => {
    const thread = await core.client.call('threads.create', {});
    await core.stop();
    // Sabotage: a trigger that fails every insert, so the handler throws a raw SQLite error.
    const { openDatabase } = await import('../store/database');
    const db = openDatabase(`${dir.path}/izzie.db`);
    db.exec("CREATE TRIGGER boom BEFORE INSERT ON messages BEGIN SELECT RAISE(ABORT, 'disk on fire'); END;");
    db.close();
    await core.start();
    const response = await core.handle({ id: 11, method: 'messages.send', params: { threadId: thread.id, content: 'hi' } });
    expect(response).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: expect.stringMatching(/log file/) } });
    expect(JSON.stringify(response)).not.toMatch(/disk on fire|at .*\.ts:\d+/);
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(core.logFile, 'utf8')).toContain('disk on fire');
  });

  it('finishes requests already running before it stops, and refuses new ones', async () => {
    const thread = await core.client.call('threads.create', {});
    const inFlight = core.handle({ id: 12, method: 'threads.rename', params: { id: thread.id, title: 'Renamed mid-shutdown' } });
    const stopping = core.stop();
    expect(await inFlight).toMatchObject({ ok: true, value: { title: 'Renamed mid-shutdown' } });
    await stopping;
    await core.start();
    expect((await core.client.call('threads.list'))[0]?.title).toBe('Renamed mid-shutdown');
  });
});
