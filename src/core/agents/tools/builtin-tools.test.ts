import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { makeTempDir } from '../../../../test-support/temp-dir';
import { policyHarness } from '../../../../test-support/policy-harness';
import { openDatabase, type Db } from '../../store/database';
import { MessagesRepo } from '../../store/messages-repo';
import { sqlMigrations } from '../../store/migration-files';
import { migrate } from '../../store/migrations';
import { builtinTools } from './builtin-tools';
import { ToolRegistry } from './tool-registry';

describe('built-in tools', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let db: Db;
  let registry: ToolRegistry;
  let h: ReturnType<typeof policyHarness>;
  const ctx = (id: 'work' | 'personal') => h.context(id);

  beforeEach(() => {
    dir = makeTempDir();
    db = openDatabase(join(dir.path, 'izzie.db'));
    migrate(db, sqlMigrations);
    const insertThread = db.prepare(
      'INSERT INTO threads (id, title, persona, mode, created_at, updated_at) VALUES (?, ?, ?, ?, 1, 1)',
    );
    insertThread.run('w', 'Atlas launch', 'work', 'assistant');
    insertThread.run('p', 'Birthday', 'personal', 'assistant');
    const insertMessage = db.prepare(
      "INSERT INTO messages (id, thread_id, role, content, created_at) VALUES (?, ?, 'user', ?, ?)",
    );
    insertMessage.run('m1', 'w', 'Dana wants the Atlas budget by Friday', 2);
    insertMessage.run('m2', 'p', 'Buy Dana a birthday present', 3);
    registry = new ToolRegistry().register(
      ...builtinTools({ clock: { now: () => Date.UTC(2026, 10, 24, 9) }, messages: new MessagesRepo(db) }),
    );
    h = policyHarness({ registry, db });
  });
  afterEach(() => {
    db.close();
    dir.remove();
  });

  it('current_time answers in a named time zone and refuses unknown ones', async () => {
    const ok = await h.gate.call('current_time', '{"timeZone":"Asia/Tokyo"}', ctx('work'));
    expect(JSON.parse(ok.result)).toMatchObject({
      iso: '2026-11-24T09:00:00.000Z',
      timeZone: 'Asia/Tokyo',
      local: expect.stringMatching(/18:00:00/),
    });
    expect(await h.gate.call('current_time', '{"timeZone":"Mars/Olympus"}', ctx('work'))).toMatchObject({
      status: 'error',
      result: expect.stringMatching(/not a time zone I know/),
    });
  });

  it('thread_search finds past messages of the same persona only', async () => {
    const work = JSON.parse((await h.gate.call('thread_search', '{"query":"Dana"}', ctx('work'))).result);
    expect(work.results.map((r: { thread: string }) => r.thread)).toEqual(['Atlas launch']);
    expect(work.results[0].snippet).toContain('«Dana»');
    const home = JSON.parse((await h.gate.call('thread_search', '{"query":"Dana"}', ctx('personal'))).result);
    expect(home.results.map((r: { thread: string }) => r.thread)).toEqual(['Birthday']);
  });

  it('thread_search treats FTS syntax in a query as plain words', async () => {
    const result = await h.gate.call('thread_search', '{"query":"budget\\" OR NEAR(* AND"}', ctx('work'));
    expect(result.status).toBe('ok');
    expect(JSON.parse(result.result).results).toHaveLength(0);
  });
});
