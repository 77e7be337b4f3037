import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectRaw } from '../test-support/ws-rpc-client';
import { runCli, startHost } from './support/headless-process';

// The built `izzie` command as a real process: start-up refusals and shutdown behaviour.
test.describe('izzie serve (process)', () => {
  let home: string;
  test.beforeEach(() => {
    home = mkdtempSync(join(tmpdir(), 'izzie-e2e-'));
  });
  test.afterEach(() => rmSync(home, { recursive: true, force: true }));

  test('prints the version and usage', async () => {
    expect((await runCli(['--version'])).output).toMatch(/^izzie \d+\.\d+\.\d+/);
    const bad = await runCli(['serve', '--port', 'x']);
    expect(bad.code).toBe(2);
    expect(bad.output).toContain('Usage: izzie');
  });

  test('refuses a second instance on the same data directory, naming the first', async () => {
    const first = await startHost(home);
    try {
      const second = await runCli(['serve', '--home', home]);
      expect(second.code).toBe(1);
      expect(second.output).toMatch(
        /Izzie cannot start: another Izzie \(headless host, process \d+, started .*\) is already using the data directory/,
      );
    } finally {
      expect(await first.stop()).toBe(0);
    }
  });

  test('refuses a database written by a newer Izzie, and leaves it untouched', async () => {
    const host = await startHost(home);
    await host.stop();
    const db = new Database(join(home, 'izzie.db'));
    db.pragma('user_version = 99');
    db.close();
    const run = await runCli(['serve', '--home', home]);
    expect(run.code).toBe(1);
    expect(run.output).toMatch(
      /written by a newer version of Izzie \(schema version 99; this version knows up to \d+\)\. Update Izzie/,
    );
    const after = new Database(join(home, 'izzie.db'), { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(99);
    after.close();
  });

  test('answers in-flight writes before stopping on SIGTERM, and they are all there after a restart', async () => {
    const host = await startHost(home);
    const socket = await connectRaw(host.port, host.token);
    const created = await socket.call('threads.create', { title: 'Burst' });
    if (created.type !== 'response' || !created.ok) throw new Error('could not create a thread');
    const threadId = (created.value as { id: string }).id;
    const sends = Array.from({ length: 200 }, (_, i) => socket.call('threads.rename', { id: threadId, title: `Burst ${i}` }));
    const exitCode = host.stop('SIGTERM');
    const answers = await Promise.all(sends.map((p) => p.catch(() => null)));
    expect(await exitCode).toBe(0);
    const acknowledged = answers.filter((a) => a?.type === 'response' && a.ok).length;
    const refused = answers.filter((a) => a?.type === 'response' && !a.ok);
    test.info().annotations.push({ type: 'shutdown', description: `${acknowledged} acknowledged, ${refused.length} refused` });
    expect(acknowledged + refused.length).toBe(200);
    for (const r of refused) expect(r).toMatchObject({ error: { code: expect.stringMatching(/UNAVAILABLE/) } });
    expect(host.output()).toContain('Izzie stopped.');

    const again = await startHost(home);
    try {
      const socket2 = await connectRaw(again.port, again.token);
      const list = await socket2.call('threads.list', {});
      const lastAcknowledged = [...answers].reverse().find((a) => a?.type === 'response' && a.ok);
      const expectedTitle = (lastAcknowledged as { value: { title: string } }).value.title;
      expect(list).toMatchObject({ ok: true, value: [{ id: threadId, title: expectedTitle }] });
      await socket2.close();
    } finally {
      await again.stop();
    }
    expect(readFileSync(join(home, 'logs', 'izzie.log'), 'utf8')).not.toContain(host.token);
  });
});
