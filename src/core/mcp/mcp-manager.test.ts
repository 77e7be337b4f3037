import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { managerKits, waitFor } from '../../../test-support/mcp/mcp-test-kit';
import { createBuiltinServer } from '../integrations/kit/builtin-server';
import { defineBuiltinTool } from '../integrations/kit/builtin-tool';
import type { ServerSpec } from './server-spec';

const lookup = defineBuiltinTool({
  name: 'lookup',
  title: 'Look up',
  description: 'Looks a word up.',
  group: 'dictionary',
  actionClass: 'read',
  input: z.object({ word: z.string().min(1) }),
  run: async ({ word }) => ({ word, meaning: `the meaning of ${word}` }),
});

const publish = defineBuiltinTool({
  name: 'publish',
  title: 'Publish',
  description: 'Publishes a word.',
  group: 'dictionary',
  actionClass: 'send',
  input: z.object({ word: z.string() }),
  run: async () => 'published',
});

/** Waits until the call is cancelled; never answers on its own. */
const hang = defineBuiltinTool({
  name: 'hang',
  title: 'Hang',
  description: 'Never answers.',
  group: 'dictionary',
  actionClass: 'read',
  input: z.object({}),
  run: (_input, signal) => new Promise((resolve) => signal.addEventListener('abort', () => resolve('aborted'))),
});

/** A built-in spec whose created servers are kept, so a test can kill one from the server side. */
function builtin(id = 'dict', tools = [lookup, publish, hang]) {
  const created: McpServer[] = [];
  const failures = { next: 0 };
  const spec: ServerSpec = {
    id,
    name: 'Dictionary',
    kind: 'builtin',
    transport: 'in-process',
    create: () => {
      if (failures.next > 0) {
        failures.next -= 1;
        throw new Error('the dictionary is not ready');
      }
      const server = createBuiltinServer({ name: id, version: '1.0.0', tools });
      created.push(server);
      return server;
    },
  };
  return { spec, created, failures, latest: () => created[created.length - 1] };
}

const { kit, stopAll } = managerKits();
afterEach(stopAll);

describe('McpManager with an in-process server', () => {
  it('lists namespaced tools with action class and group from the built-in _meta, and calls them', async () => {
    const { manager, changes } = kit();
    const dict = builtin();
    manager.add(dict.spec);
    expect(manager.snapshot('dict')).toMatchObject({ status: 'stopped', tools: [] });
    expect(manager.tools()).toEqual([]);

    await manager.start('dict');

    expect(manager.snapshot('dict')?.status).toBe('running');
    const tools = manager.tools();
    expect(tools.map((t) => [t.name, t.tool, t.serverId, t.group, t.info.actionClass])).toEqual([
      ['dict.lookup', 'lookup', 'dict', 'dictionary', 'read'],
      ['dict.publish', 'publish', 'dict', 'dictionary', 'send'],
      ['dict.hang', 'hang', 'dict', 'dictionary', 'read'],
    ]);
    expect(tools[0]?.info).toEqual({
      name: 'dict.lookup',
      title: 'Look up',
      description: 'Looks a word up.',
      actionClass: 'read',
      readOnly: true,
      destructive: false,
      idempotent: true,
      openWorld: true,
    });
    expect(tools[0]?.inputSchema).toMatchObject({ type: 'object', properties: { word: { type: 'string' } } });

    expect(await manager.callTool('dict.lookup', { word: 'izzie' })).toEqual({
      isError: false,
      text: '{"word":"izzie","meaning":"the meaning of izzie"}',
    });
    expect(await manager.callTool('dict.lookup', { word: '' })).toMatchObject({ isError: true });
    expect(await manager.callTool('dict.nothing', {})).toEqual({
      isError: true,
      text: 'There is no MCP tool named "dict.nothing".',
    });
    expect(changes.filter((id) => id === 'dict').length).toBeGreaterThanOrEqual(3);
  });

  it('refuses ids that cannot namespace tools, and a second server with the same id', () => {
    const { manager } = kit();
    expect(() => manager.add(builtin('Dict.Two').spec)).toThrow(/cannot be an MCP server id/);
    manager.add(builtin().spec);
    expect(() => manager.add(builtin().spec)).toThrow(/already an MCP server/);
  });

  it('refreshes the cached tools when the server says its list changed', async () => {
    const { manager, changes } = kit();
    let server: McpServer | undefined;
    manager.add({
      id: 'live',
      name: 'Live',
      kind: 'builtin',
      transport: 'in-process',
      create: () => {
        server = new McpServer({ name: 'live', version: '1.0.0' });
        server.registerTool('first', { description: 'First.', annotations: { readOnlyHint: true } }, async () => ({
          content: [{ type: 'text', text: 'one' }],
        }));
        return server;
      },
    });
    await manager.start('live');
    expect(manager.tools().map((t) => t.name)).toEqual(['live.first']);
    const before = changes.length;

    server?.registerTool('second', { description: 'Second.' }, async () => ({ content: [{ type: 'text', text: 'two' }] }));

    await waitFor(() => manager.tools().length === 2, 'the refreshed listing');
    expect(manager.tools().map((t) => [t.name, t.info.actionClass, t.group])).toEqual([
      ['live.first', 'read', 'live'],
      ['live.second', 'send', 'live'],
    ]);
    expect(changes.length).toBeGreaterThan(before);
    expect(await manager.callTool('live.second', {})).toEqual({ isError: false, text: 'two' });
  });

  it('answers calls to a server that is not running with an error result', async () => {
    const { manager } = kit();
    const dict = builtin();
    manager.add(dict.spec);
    await manager.start('dict');
    await manager.stop('dict');

    expect(manager.snapshot('dict')?.status).toBe('stopped');
    expect(manager.tools()).toEqual([]);
    expect(await manager.callTool('dict.lookup', { word: 'x' })).toEqual({ isError: true, text: 'Dictionary is not running.' });
  });

  it('cancels a call when the signal fires, and gives up on one that outlasts the timeout', async () => {
    const { manager } = kit({ requestTimeoutMs: 200 });
    manager.add(builtin().spec);
    await manager.start('dict');

    const controller = new AbortController();
    const call = manager.callTool('dict.hang', {}, controller.signal);
    setTimeout(() => controller.abort(), 20);
    expect(await call).toEqual({ isError: true, text: 'The call to dict.hang was cancelled.' });

    expect(await manager.callTool('dict.hang', {})).toEqual({ isError: true, text: 'dict.hang did not answer within 200 ms.' });
    expect(manager.snapshot('dict')?.status).toBe('running');
  });

  it('restarts a server that closed with doubling delays, reset by a successful connect', async () => {
    const { manager, pendingDelays, fireNext, now } = kit({ backoff: { initialMs: 1_000, maxMs: 3_000, maxCrashes: 10 } });
    const dict = builtin();
    manager.add(dict.spec);
    await manager.start('dict');

    await dict.latest()?.close();
    await waitFor(() => manager.snapshot('dict')?.status === 'crashed', 'the crash');
    const crashed = manager.snapshot('dict');
    expect(crashed).toMatchObject({ restarts: 0, nextRestartAt: now() + 1_000, tools: expect.any(Array) });
    expect(crashed?.lastError?.message).toBe('Dictionary closed the connection unexpectedly.');
    expect(manager.tools()).toEqual([]);
    expect(await manager.callTool('dict.lookup', { word: 'x' })).toMatchObject({
      isError: true,
      text: /has crashed and is restarting/,
    });
    expect(pendingDelays()).toEqual([1_000]);

    // Starting fails three times in a row: the delay doubles up to the cap.
    dict.failures.next = 3;
    const delays: number[] = [];
    for (let i = 0; i < 3; i++) {
      fireNext();
      await waitFor(() => manager.snapshot('dict')?.status === 'crashed', 'the failed start');
      delays.push(...pendingDelays());
      expect(manager.snapshot('dict')?.lastError?.message).toBe('Could not start Dictionary: the dictionary is not ready');
    }
    expect(delays).toEqual([2_000, 3_000, 3_000]);

    fireNext();
    await waitFor(() => manager.snapshot('dict')?.status === 'running', 'the restart');
    expect(manager.snapshot('dict')?.restarts).toBe(4);
    expect(manager.tools()).toHaveLength(3);
    expect(await manager.callTool('dict.lookup', { word: 'back' })).toMatchObject({ isError: false });

    await dict.latest()?.close();
    await waitFor(() => manager.snapshot('dict')?.status === 'crashed', 'the second crash');
    expect(pendingDelays()).toEqual([1_000]);
  });

  it('marks a server failed after too many crashes in the window, until the person restarts it', async () => {
    const { manager, pendingDelays, fireNext, advance } = kit({ backoff: { initialMs: 10, maxCrashes: 3, windowMs: 60_000 } });
    const dict = builtin();
    manager.add(dict.spec);
    await manager.start('dict');

    // A crash that has left the window does not count.
    await dict.latest()?.close();
    await waitFor(() => manager.snapshot('dict')?.status === 'crashed', 'crash 1');
    advance(61_000);
    fireNext();
    await waitFor(() => manager.snapshot('dict')?.status === 'running', 'restart 1');

    for (let crash = 1; crash <= 3; crash++) {
      await dict.latest()?.close();
      await waitFor(() => manager.snapshot('dict')?.status !== 'running', `crash ${crash} in the window`);
      if (crash < 3) {
        fireNext();
        await waitFor(() => manager.snapshot('dict')?.status === 'running', 'the restart');
      }
    }

    const failed = manager.snapshot('dict');
    expect(failed?.status).toBe('failed');
    expect(failed?.nextRestartAt).toBeNull();
    expect(failed?.lastError?.hint).toContain('Restart it from the Integrations page after fixing the problem.');
    expect(failed?.lastError?.hint).toContain('failed 3 times within 1 minute');
    expect(pendingDelays()).toEqual([]);
    await manager.start('dict');
    expect(manager.snapshot('dict')?.status).toBe('failed');

    await manager.restart('dict');
    expect(manager.snapshot('dict')).toMatchObject({ status: 'running', restarts: 0, lastError: null, nextRestartAt: null });
    expect(await manager.callTool('dict.lookup', { word: 'again' })).toMatchObject({ isError: false });
  });

  it('stop cancels a pending restart; replace restarts on the new spec; remove forgets the server', async () => {
    const { manager, pendingDelays } = kit();
    const dict = builtin();
    manager.add(dict.spec);
    await manager.start('dict');
    await dict.latest()?.close();
    await waitFor(() => manager.snapshot('dict')?.status === 'crashed', 'the crash');
    await manager.stop('dict');
    expect(pendingDelays()).toEqual([]);
    expect(manager.snapshot('dict')).toMatchObject({ status: 'stopped', nextRestartAt: null });

    await manager.start('dict');
    await manager.replace(builtin('dict', [lookup]).spec);
    expect(manager.snapshot('dict')?.status).toBe('running');
    expect(manager.tools().map((t) => t.name)).toEqual(['dict.lookup']);
    expect(dict.latest()?.isConnected()).toBe(false);

    await manager.replace(builtin('other').spec);
    expect(manager.snapshot('other')?.status).toBe('stopped');

    await manager.remove('dict');
    expect(manager.snapshot('dict')).toBeNull();
    expect([...manager.snapshots().keys()]).toEqual(['other']);
    await expect(manager.remove('dict')).resolves.toBeUndefined();
    await expect(manager.start('dict')).rejects.toThrow('There is no MCP server with the id "dict".');
  });
});
