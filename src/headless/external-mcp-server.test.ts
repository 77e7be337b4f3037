import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatCommandLine, type McpServer, type Message, type ServerFrame } from '../shared';
import { fakeStep } from '../../test-support/fake-model-server';
import { startChatHost, type ChatHost } from '../../test-support/rpc-session';

const TOKEN = 'external-mcp-test-token-01';
const SECRET = 'echo-secret-4f1c9a7e2b6d8035';
const ECHO_SERVER = join(process.cwd(), 'test-support', 'mcp', 'echo-server.mjs');

/**
 * Issue #4: an external stdio server imported from a Claude Desktop config — consented to, started,
 * listed, called by the chat agent, killed, shown as crashed and restarted — all through the RPC a
 * renderer uses, on a real core with a real child process.
 */
describe('an external MCP server from a Claude Desktop config', () => {
  let chat: ChatHost;
  const call: ChatHost['call'] = (method, params) => chat.call(method, params);
  const failure: ChatHost['failure'] = (method, params) => chat.failure(method, params);
  const server = async (id: string) => (await call<McpServer[]>('mcp.list')).find((s) => s.id === id);

  async function ask(threadId: string, text: string): Promise<Message> {
    const reply = await chat.ask(threadId, text);
    expect(reply.status).toBe('complete');
    return reply;
  }

  beforeAll(async () => {
    chat = await startChatHost(TOKEN);
  });
  afterAll(() => chat?.close());

  it('asks for consent to the exact command before running it, and keeps its secrets out of sight', async () => {
    const config = {
      mcpServers: {
        'Echo Tools': { command: process.execPath, args: [ECHO_SERVER], env: { ECHO_SECRET: SECRET } },
        'Old SSE': { url: 'http://127.0.0.1:9/sse', type: 'sse' },
      },
    };
    const report = await call<{ added: McpServer[]; skipped: Array<{ name: string; reason: string }> }>('mcp.import', {
      json: JSON.stringify(config),
    });
    expect(report.added.map((s) => [s.id, s.status, s.secretEnv])).toEqual([['echo-tools', 'needs-consent', ['ECHO_SECRET']]]);
    expect(report.skipped).toEqual([{ name: 'Old SSE', reason: expect.stringMatching(/SSE/) }]);
    const added = report.added[0];
    if (!added?.command) throw new Error('expected a command');
    expect(added.command).toEqual({ command: process.execPath, args: [ECHO_SERVER], cwd: null });

    // Consent covers only the command the person was shown.
    expect(await failure('mcp.consent', { id: 'echo-tools', commandLine: `${process.execPath} other.mjs` })).toMatchObject({
      code: 'CONFLICT',
    });
    expect((await server('echo-tools'))?.status).toBe('needs-consent');

    await call('mcp.consent', { id: 'echo-tools', commandLine: formatCommandLine(added.command) });
    await expect.poll(async () => (await server('echo-tools'))?.status).toBe('running');
    const running = await server('echo-tools');
    expect(running?.tools.map((t) => [t.name, t.actionClass])).toEqual([
      ['echo-tools.echo', 'read'],
      ['echo-tools.env_value', 'read'],
      ['echo-tools.crash', 'delete'],
      ['echo-tools.pid', 'read'],
    ]);

    // The secret went to the vault: not to the renderer, not in the database file, not in the log.
    expect(chat.frames.join('\n')).not.toContain(SECRET);
    await chat.host.core.stop();
    for (const file of ['izzie.db', 'izzie.db-wal', join('logs', 'izzie.log')].map((f) => join(chat.host.dataDir, f))) {
      if (existsSync(file)) expect(readFileSync(file).includes(SECRET), file).toBe(false);
    }
    await chat.host.core.start();
    await chat.reconnect();
    await expect.poll(async () => (await server('echo-tools'))?.status).toBe('running');
  });

  it('is called by the chat agent, gets its secret by environment, and comes back after being killed', async () => {
    const threadId = (await call<{ id: string }>('threads.create', {})).id;
    chat.fake.enqueue(
      fakeStep.toolCalls([
        { id: 'c1', name: 'echo-tools__env_value', argumentChunks: ['{"name":"ECHO_SECRET"}'] },
        { id: 'c2', name: 'echo-tools__pid', argumentChunks: ['{}'] },
        { id: 'c3', name: 'echo-tools__crash', argumentChunks: ['{}'] },
      ]),
    );
    chat.fake.enqueue(fakeStep.text(['Done.']));
    const reply = await ask(threadId, 'Use the echo tools');
    const [envValue, pid, crash] = reply.toolCalls;
    expect(envValue).toMatchObject({ name: 'echo-tools.env_value', status: 'ok', result: SECRET });
    expect(pid).toMatchObject({ name: 'echo-tools.pid', status: 'ok' });
    // `crash` is not read-only, so it acts as the user: refused until the policy gate exists.
    expect(crash).toMatchObject({ name: 'echo-tools.crash', status: 'denied' });
    const firstPid = Number(pid?.result);
    expect(firstPid).toBeGreaterThan(0);

    const statuses: string[] = [];
    chat.socket().socket.on('message', (data) => {
      const frame = JSON.parse(data.toString()) as ServerFrame;
      if (frame.type === 'event' && frame.event === 'mcp.changed') {
        const changed = (frame.payload as { server: McpServer | null }).server;
        if (changed?.id === 'echo-tools') statuses.push(changed.status);
      }
    });
    process.kill(firstPid, 'SIGKILL');
    await expect.poll(() => statuses.includes('crashed'), { timeout: 5_000 }).toBe(true);
    const crashed = await server('echo-tools');
    expect(crashed?.restarts ?? 0).toBeGreaterThanOrEqual(0);
    await expect.poll(async () => (await server('echo-tools'))?.status, { timeout: 10_000 }).toBe('running');
    expect((await server('echo-tools'))?.restarts).toBeGreaterThanOrEqual(1);

    chat.fake.enqueue(fakeStep.toolCalls([{ id: 'c4', name: 'echo-tools__pid', argumentChunks: ['{}'] }]));
    chat.fake.enqueue(fakeStep.text(['Still here.']));
    const again = await ask(threadId, 'And now?');
    const secondPid = Number(again.toolCalls[0]?.result);
    expect(secondPid).toBeGreaterThan(0);
    expect(secondPid).not.toBe(firstPid);
  });

  it('can be disabled and removed, which stops its process', async () => {
    const threadId = (await call<{ id: string }>('threads.create', {})).id;
    chat.fake.enqueue(fakeStep.toolCalls([{ id: 'c5', name: 'echo-tools__pid', argumentChunks: ['{}'] }]));
    chat.fake.enqueue(fakeStep.text(['ok']));
    const pid = Number((await ask(threadId, 'pid?')).toolCalls[0]?.result);
    expect((await call<McpServer>('mcp.setEnabled', { id: 'echo-tools', enabled: false })).status).toBe('disabled');
    await expect.poll(() => alive(pid)).toBe(false);
    expect(await call('mcp.remove', { id: 'echo-tools' })).toEqual({ removed: true });
    expect(await server('echo-tools')).toBeUndefined();
    expect(await failure('mcp.remove', { id: 'github' })).toMatchObject({ code: 'INVALID_INPUT' });
  });
});

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
