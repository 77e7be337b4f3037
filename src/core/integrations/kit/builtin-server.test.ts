import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type BuiltinConnection, connectBuiltinServer } from '../../../../test-support/mcp/builtin-client';
import { META_ACTION_CLASS, META_GROUP } from './builtin-server';
import { defineBuiltinTool } from './builtin-tool';
import { ServiceError } from './service-error';

const calls: unknown[] = [];
const echo = defineBuiltinTool({
  name: 'echo',
  title: 'Echo',
  description: 'Echoes a word.',
  group: 'test',
  actionClass: 'read',
  input: z.object({ word: z.string().min(1) }),
  run: async ({ word }) => {
    calls.push(word);
    if (word === 'limit') throw new ServiceError('Testy', 'rate_limited', '', { retryAfterSeconds: 30 });
    if (word === 'boom') throw new Error('kaput');
    return { word };
  },
});

let connection: BuiltinConnection | undefined;
afterEach(async () => {
  await connection?.close();
  calls.length = 0;
});

async function connect(): Promise<BuiltinConnection> {
  connection = await connectBuiltinServer({ name: 'testy', version: '1.0.0' }, [echo]);
  return connection;
}

describe('createBuiltinServer', () => {
  it('lists tools with annotations and the action class in _meta', async () => {
    const c = await connect();
    const { tools } = await c.client.listTools();
    expect(tools).toHaveLength(1);
    expect(tools[0]?.annotations).toMatchObject({
      readOnlyHint: true,
      destructiveHint: false,
      idempotentHint: true,
      openWorldHint: true,
    });
    expect(tools[0]?._meta).toEqual({ [META_ACTION_CLASS]: 'read', [META_GROUP]: 'test' });
    expect(tools[0]?.inputSchema.properties).toHaveProperty('word');
  });

  it('returns JSON text on success', async () => {
    const c = await connect();
    const result = await c.client.callTool({ name: 'echo', arguments: { word: 'hi' } });
    expect(result.isError).toBeFalsy();
    expect(result.content).toEqual([{ type: 'text', text: '{"word":"hi"}' }]);
  });

  it('rejects bad input before the tool runs', async () => {
    const c = await connect();
    const result = await c.client.callTool({ name: 'echo', arguments: { word: '' } });
    expect(result.isError).toBe(true);
    expect(calls).toEqual([]);
  });

  it('turns service errors into readable tool errors and reports them', async () => {
    const c = await connect();
    const result = await c.client.callTool({ name: 'echo', arguments: { word: 'limit' } });
    expect(result.isError).toBe(true);
    expect(result.content).toEqual([{ type: 'text', text: 'Testy is rate-limiting requests; try again in 30 seconds.' }]);
    expect(c.serviceErrors.map((e) => e.kind)).toEqual(['rate_limited']);
  });

  it('reports unexpected failures as tool errors naming the server', async () => {
    const c = await connect();
    const result = await c.client.callTool({ name: 'echo', arguments: { word: 'boom' } });
    expect(result).toMatchObject({ isError: true, content: [{ type: 'text', text: 'testy failed unexpectedly: kaput' }] });
  });
});
