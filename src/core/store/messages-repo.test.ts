import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ToolCall } from '../../shared';
import { makeTempDir } from '../../../test-support/temp-dir';
import { openDatabase, type Db } from './database';
import { MessagesRepo } from './messages-repo';
import { sqlMigrations } from './migration-files';
import { migrate } from './migrations';
import { ThreadsRepo } from './threads-repo';

describe('tool cards waiting on an approval', () => {
  const dir = makeTempDir();
  let db: Db;
  let repo: MessagesRepo;
  const card: ToolCall = {
    id: 'call-1',
    name: 'google.gmail_send',
    arguments: '{}',
    result: null,
    status: 'running',
    startedAt: 1,
    durationMs: null,
  };

  beforeEach(() => {
    db = openDatabase(join(dir.path, `${Math.random()}.db`));
    migrate(db, sqlMigrations);
    new ThreadsRepo(db).insert({ id: 't-1', title: 'T', persona: 'work', mode: 'proxy' }, 1);
    repo = new MessagesRepo(db);
    repo.insert({
      id: 'm-1',
      threadId: 't-1',
      role: 'assistant',
      content: '',
      createdAt: 2,
      deliveryError: null,
      status: 'streaming',
      usage: null,
      toolCalls: [],
    });
    repo.upsertToolCall('m-1', 0, card);
  });
  afterEach(() => db.close());
  afterAll(() => dir.remove());

  it('settles a waiting card once, and only a waiting or running one', () => {
    repo.upsertToolCall('m-1', 0, { ...card, status: 'pending', result: 'Not sent: waiting' });
    expect(repo.settleToolCall('call-1', 'denied', 'The user denied it.')).toBe('m-1');
    expect(repo.settleToolCall('call-1', 'ok', 'Sent')).toBeNull();
    expect(repo.settleToolCall('nope', 'ok', 'Sent')).toBeNull();
    expect(repo.get('m-1')?.toolCalls[0]).toMatchObject({ status: 'denied', result: 'The user denied it.' });
  });

  it('keeps an outcome that arrived before the reply recorded the card as waiting', () => {
    // No undo window: the granted send finished while the tool call was still "running".
    expect(repo.settleToolCall('call-1', 'ok', "Sent under the user's grant.")).toBe('m-1');
    const stored = repo.upsertToolCall('m-1', 0, { ...card, status: 'pending', result: 'Queued', durationMs: 5 });
    expect(stored).toMatchObject({ status: 'ok', result: "Sent under the user's grant.", durationMs: 5 });
    expect(repo.get('m-1')?.toolCalls[0]).toMatchObject({ status: 'ok', result: "Sent under the user's grant." });
  });
});
