import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectRaw } from '../test-support/ws-rpc-client';
import { runCli, startHost } from './support/headless-process';

// `izzie audit verify` as a person runs it, on a data directory the real headless host wrote.
test.describe('izzie audit verify', () => {
  let home: string;
  test.beforeEach(async () => {
    home = mkdtempSync(join(tmpdir(), 'izzie-e2e-audit-'));
    const host = await startHost(home);
    const socket = await connectRaw(host.port, host.token);
    // Every RPC mutation is audited by the router, so these three are at least three entries.
    for (const title of ['Trip plans', 'Quarterly numbers', 'Gift ideas']) {
      expect(await socket.call('threads.create', { title })).toMatchObject({ ok: true });
    }
    await socket.close();
    expect(await host.stop()).toBe(0);
  });
  test.afterEach(() => {
    rmSync(home, { recursive: true, force: true });
  });

  test('says the log is intact and exits 0, then names the row someone edited and exits 1', async () => {
    const intact = await runCli(['audit', 'verify', '--home', home]);
    expect(intact.output).toMatch(/^Audit log intact: \d+ entries checked\.\n$/);
    expect(Number(/(\d+) entries/.exec(intact.output)?.[1])).toBeGreaterThanOrEqual(3);
    expect(intact.code).toBe(0);

    // Someone with the file edits entry 2 by hand (the append-only triggers must go first).
    const db = new Database(join(home, 'izzie.db'));
    db.exec('DROP TRIGGER audit_log_no_update');
    db.prepare('UPDATE audit_log SET input = ? WHERE seq = 2').run('{"title":"Forged"}');
    db.close();

    const broken = await runCli(['audit', 'verify', '--home', home]);
    expect(broken.output).toContain('Audit log broken at entry 2: entry 2 was modified after it was written\n');
    expect(broken.output).toMatch(/The log has \d+ entries; those before entry 2 are intact\./);
    expect(broken.code).toBe(1);
  });

  test('works while Izzie is running on the same directory', async () => {
    const host = await startHost(home);
    try {
      const run = await runCli(['audit', 'verify', '--home', home]);
      expect(run.output).toMatch(/^Audit log intact: \d+ entries checked\.\n$/);
      expect(run.code).toBe(0);
    } finally {
      await host.stop();
    }
  });

  test('explains a directory with no Izzie data and exits 2', async () => {
    const empty = join(home, 'nothing-here');
    const run = await runCli(['audit', 'verify', '--home', empty]);
    expect(run.output).toContain(`No Izzie data in ${empty}`);
    expect(run.output).not.toMatch(/\n\s+at /);
    expect(run.code).toBe(2);
  });
});
