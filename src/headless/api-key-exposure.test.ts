import Database from 'better-sqlite3';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeModelServer, fakeStep, type FakeModelServer } from '../../test-support/fake-model-server';
import { startTestHost } from '../../test-support/test-host';
import { connectRaw, type RawRpcSocket } from '../../test-support/ws-rpc-client';

const API_KEY = 'sk-or-v1-7e3f9a1c5b2d4e6f8a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d';
const TOKEN = 'exposure-test-token-0001';

/**
 * Issue #3's acceptance: an API key, once given to Izzie, appears nowhere a person or another
 * program could read it — not in the SQLite file (or its WAL), not in the log, and not in any
 * frame the renderer receives — across saving it, testing the connection, chatting (with a tool
 * round) and a provider error that echoes the key back.
 */
describe('where the API key goes', () => {
  let host: Awaited<ReturnType<typeof startTestHost>>;
  let fake: FakeModelServer;
  let socket: RawRpcSocket;
  const received: string[] = [];

  beforeAll(async () => {
    fake = await startFakeModelServer({ requireApiKey: API_KEY });
    host = await startTestHost(TOKEN);
    socket = await connectRaw(host.server.port, TOKEN);
    socket.socket.on('message', (data) => received.push(data.toString()));
  });
  afterAll(async () => {
    await socket?.close();
    await host?.close();
    await fake?.close();
  });

  it('is used to call the provider but never stored, logged or sent to the renderer', async () => {
    const call = async (method: string, params: unknown) => {
      const frame = await socket.call(method, params);
      if (frame.type !== 'response') throw new Error('expected a response');
      return frame;
    };
    expect(
      await call('models.testConnection', { candidate: { kind: 'custom', baseUrl: fake.url, apiKey: API_KEY } }),
    ).toMatchObject({ ok: true, value: { ok: true } });
    expect(await call('models.setProvider', { kind: 'custom', baseUrl: fake.url, apiKey: API_KEY })).toMatchObject({
      ok: true,
      value: { provider: { kind: 'custom', apiKeySet: true } },
    });
    expect(await call('models.get', {})).toMatchObject({ ok: true, value: { provider: { apiKeySet: true } } });

    fake.enqueue(fakeStep.toolCalls([{ id: 'call_1', name: 'current_time', argumentChunks: ['{}'] }]));
    fake.enqueue(fakeStep.text(['It is ', 'morning.'], { usage: { promptTokens: 50, completionTokens: 4, cost: 0.0003 } }));
    const thread = await call('threads.create', {});
    const threadId = (thread as { value: { id: string } }).value.id;
    await call('messages.send', { threadId, content: 'What time is it?' });
    await expect
      .poll(async () => {
        const list = await call('messages.list', { threadId });
        return (list as { value: { messages: Array<{ status: string }> } }).value.messages.at(-1)?.status;
      })
      .toBe('complete');

    // A provider that echoes the key in its error body (some do) must not leak it either.
    fake.enqueue(fakeStep.error(400, { message: `Invalid request for key ${API_KEY}` }));
    await call('messages.send', { threadId, content: 'Again' });
    await expect
      .poll(async () => {
        const list = await call('messages.list', { threadId });
        return (list as { value: { messages: Array<{ status: string }> } }).value.messages.at(-1)?.status;
      })
      .toBe('error');

    // The key really was used: every model request carried it.
    const chatRequests = fake.requests.filter((r) => r.path.endsWith('/chat/completions'));
    expect(chatRequests.length).toBe(3);
    for (const r of chatRequests) expect(r.headers.authorization).toBe(`Bearer ${API_KEY}`);

    await host.core.stop();
    const dataDir = host.dataDir;
    const places = ['izzie.db', 'izzie.db-wal', 'izzie.db-shm', join('logs', 'izzie.log')]
      .map((f) => join(dataDir, f))
      .filter((f) => existsSync(f));
    expect(places.length).toBeGreaterThanOrEqual(2);
    const needles = [API_KEY, API_KEY.slice(10, 40), Buffer.from(API_KEY).toString('base64').slice(0, 40)];
    for (const file of places) {
      const bytes = readFileSync(file);
      for (const needle of needles) expect(bytes.includes(needle), `${needle.slice(0, 8)}… in ${file}`).toBe(false);
    }
    expect(received.length).toBeGreaterThan(10);
    for (const needle of needles) expect(received.join('\n')).not.toContain(needle);

    // Control: the scan does find what is there (the chat text is in the database).
    expect(
      readFileSync(join(dataDir, 'izzie.db')).includes('What time is it?') ||
        readFileSync(join(dataDir, 'izzie.db-wal')).includes('What time is it?'),
    ).toBe(true);
    await host.core.start();
  });

  it('records one audit entry per model call, with tokens and latency', async () => {
    await host.core.stop();
    const db = new Database(join(host.dataDir, 'izzie.db'), { readonly: true });
    const rows = db
      .prepare(
        "SELECT model, tokens_in, tokens_out, latency_ms, cost_usd, success, input FROM audit_log WHERE action = 'model.call' ORDER BY seq",
      )
      .all() as Array<{
      model: string;
      tokens_in: number | null;
      tokens_out: number | null;
      latency_ms: number;
      cost_usd: number | null;
      success: number;
      input: string;
    }>;
    db.close();
    await host.core.start();
    // two calls for the first reply (tool round + answer), one failed call for the second
    expect(rows.map((r) => r.success)).toEqual([1, 1, 0]);
    expect(rows[1]).toMatchObject({ tokens_in: 50, tokens_out: 4, cost_usd: 0.0003 });
    for (const r of rows) expect(r.latency_ms).toBeGreaterThanOrEqual(0);
    expect(JSON.parse(rows[0]?.input ?? '{}')).toMatchObject({
      provider: 'custom',
      tier: 'standard',
      task: 'chat',
      purpose: 'chat.reply',
    });
  });
});
