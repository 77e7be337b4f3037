import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from '../../../test-support/free-port';
import { startHttpEchoServer, type HttpEchoServer } from '../../../test-support/mcp/http-echo-server';
import { managerKits, waitFor } from '../../../test-support/mcp/mcp-test-kit';
import type { ServerSpec } from './server-spec';

const TOKEN = 'Bearer not-a-real-token-7d2c';

function httpSpec(url: string, headers: Record<string, string>): ServerSpec {
  return { id: 'web', name: 'Web', kind: 'external', transport: 'http', url, headers: async () => headers };
}

const kits = managerKits();
let server: HttpEchoServer | undefined;
afterEach(async () => {
  await kits.stopAll();
  await server?.close();
  server = undefined;
});

const kit = () => kits.kit({ backoff: { initialMs: 10 } });

describe('McpManager with a Streamable HTTP server', () => {
  it('connects with the stored headers, lists and calls tools', async () => {
    server = await startHttpEchoServer({ requireHeader: { name: 'Authorization', value: TOKEN } });
    const { manager } = kit();
    manager.add(httpSpec(server.url, { Authorization: TOKEN }));
    await manager.start('web');

    expect(manager.snapshot('web')?.status).toBe('running');
    expect(manager.tools().map((t) => [t.name, t.info.actionClass])).toEqual([['web.echo', 'read']]);
    expect(await manager.callTool('web.echo', { text: 'over http' })).toEqual({ isError: false, text: 'over http' });
  });

  it('says the server refused the credentials when a header is wrong or missing, without showing it', async () => {
    server = await startHttpEchoServer({ requireHeader: { name: 'Authorization', value: TOKEN } });
    const { manager } = kit();
    const attempts: Record<string, string>[] = [{ Authorization: 'Bearer wrong-token-91' }, {}];
    for (const headers of attempts) {
      await manager.replace(httpSpec(`${server.url}?key=secret-in-query`, headers));
      await manager.start('web');

      const error = manager.snapshot('web')?.lastError;
      expect(manager.snapshot('web')?.status).toBe('crashed');
      expect(error?.message).toBe(`The MCP server at ${server.url} refused Izzie's credentials (HTTP 401).`);
      expect(error?.hint).toMatch(/Authorization/);
      expect(JSON.stringify(error)).not.toMatch(/wrong-token|secret-in-query/);
    }
  });

  it('says so when nothing listens at the address', async () => {
    const { manager } = kit();
    const url = `http://127.0.0.1:${await freePort()}/mcp`;
    manager.add(httpSpec(url, {}));
    await manager.start('web');

    expect(manager.snapshot('web')?.status).toBe('crashed');
    expect(manager.snapshot('web')?.lastError?.message).toBe(
      `Could not reach the MCP server at ${url}: the connection was refused.`,
    );
  });

  it('treats a server that went away as crashed and reconnects once it is back', async () => {
    server = await startHttpEchoServer();
    const { manager, fireNext } = kit();
    manager.add(httpSpec(server.url, {}));
    await manager.start('web');
    const url = server.url;
    await server.close();
    server = undefined;

    const call = await manager.callTool('web.echo', { text: 'anyone?' });
    expect(call.isError).toBe(true);
    expect(manager.snapshot('web')?.status).toBe('crashed');
    // Refused, or closed when the request went out on a kept-alive socket the server had just dropped.
    const message = manager.snapshot('web')?.lastError?.message ?? '';
    expect(message.startsWith(`Could not reach the MCP server at ${url}: `)).toBe(true);
    expect(message).toMatch(/: the connection was (refused|closed)\.$/);

    server = await startHttpEchoServer({ port: Number(new URL(url).port) });
    fireNext();
    await waitFor(() => manager.snapshot('web')?.status === 'running', 'the reconnect');
    expect(await manager.callTool('web.echo', { text: 'back' })).toEqual({ isError: false, text: 'back' });
  });
});
