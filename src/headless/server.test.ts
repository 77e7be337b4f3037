import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHost } from '../../test-support/test-host';
import { connectRaw, upgradeStatus } from '../../test-support/ws-rpc-client';
import { WS_PROTOCOL, WS_TOKEN_PROTOCOL_PREFIX } from '../shared';
import type { HeadlessServer } from './server';

const TOKEN = 'a'.repeat(40);

describe('the headless host', () => {
  let host: Awaited<ReturnType<typeof startTestHost>>;
  let server: HeadlessServer;

  beforeAll(async () => {
    host = await startTestHost(TOKEN);
    server = host.server;
    mkdirSync(join(host.rendererDir, 'assets'));
    writeFileSync(join(host.rendererDir, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(host.dir.path, 'secret.txt'), 'outside the renderer');
  });
  afterAll(async () => host.close());

  const protocols = (token: string) => [WS_PROTOCOL, WS_TOKEN_PROTOCOL_PREFIX + token];
  const origin = () => `http://127.0.0.1:${server.port}`;

  it('listens on 127.0.0.1 only, and its URL carries the token in the fragment', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/#token=${TOKEN}`);
  });

  it('accepts the right token from its own origin', async () => {
    expect(await upgradeStatus(server.port, { protocols: protocols(TOKEN), origin: origin() })).toBe(101);
    expect(
      await upgradeStatus(server.port, {
        protocols: protocols(TOKEN),
        origin: `http://localhost:${server.port}`,
        host: `localhost:${server.port}`,
      }),
    ).toBe(101);
  });

  it('reports each renderer connecting and going, with the close code, so a drop leaves a trace', async () => {
    const before = host.connections.length;
    const socket = await connectRaw(server.port, TOKEN);
    expect(host.connections.slice(before)).toContainEqual(['connected', { connections: expect.any(Number) }]);
    socket.socket.close(4001, 'test is done');
    await expect
      .poll(() => host.connections.slice(before))
      .toContainEqual(['disconnected', { code: 4001, reason: 'test is done', connections: expect.any(Number) }]);
  });

  it('refuses a missing or wrong token with 401', async () => {
    expect(await upgradeStatus(server.port, { protocols: [WS_PROTOCOL], origin: origin() })).toBe(401);
    expect(await upgradeStatus(server.port, { protocols: protocols('b'.repeat(40)), origin: origin() })).toBe(401);
    expect(await upgradeStatus(server.port, { protocols: protocols(TOKEN.slice(1)), origin: origin() })).toBe(401);
    expect(await upgradeStatus(server.port, { protocols: [WS_TOKEN_PROTOCOL_PREFIX + TOKEN], origin: origin() })).toBe(401);
  });

  it('refuses a foreign or missing Origin with 403, even with the right token', async () => {
    for (const foreign of [
      'http://evil.example',
      `http://127.0.0.1:${server.port + 1}`,
      `https://127.0.0.1:${server.port}`,
      'null',
      `http://127.0.0.1:${server.port}.evil.example`,
    ]) {
      expect(await upgradeStatus(server.port, { protocols: protocols(TOKEN), origin: foreign }), foreign).toBe(403);
    }
    expect(await upgradeStatus(server.port, { protocols: protocols(TOKEN) })).toBe(403);
  });

  it('refuses a rebound Host header (DNS rebinding) on HTTP and WebSocket', async () => {
    expect(
      await upgradeStatus(server.port, {
        protocols: protocols(TOKEN),
        origin: 'http://attacker.example',
        host: 'attacker.example',
      }),
    ).toBe(403);
    expect((await get(server.port, '/', 'attacker.example')).status).toBe(403);
  });

  it('never logs or echoes the token when refusing', () => {
    expect(host.refusals.length).toBeGreaterThan(0);
    expect(JSON.stringify(host.refusals)).not.toContain(TOKEN);
  });

  it('serves the renderer with a strict CSP, and refuses paths outside it', async () => {
    const page = await get(server.port, '/');
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain(`connect-src 'self' ws://127.0.0.1:${server.port}`);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['x-frame-options']).toBe('DENY');
    expect((await get(server.port, '/assets/app.js')).headers['content-type']).toMatch(/javascript/);
    expect((await get(server.port, '/chat/some-thread')).body).toContain('<title>Izzie</title>');
    expect((await get(server.port, '/assets/missing.js')).status).toBe(404);
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/%2e%2e/%2e%2e/secret.txt', '/..%2fsecret.txt']) {
      const res = await get(server.port, path);
      expect(res.body, path).not.toContain('outside the renderer');
    }
  });

  it('runs RPC over the socket and pushes events to every connection', async () => {
    const a = await connectRaw(server.port, TOKEN);
    const b = await connectRaw(server.port, TOKEN);
    const created = await a.call('threads.create', { title: 'From A' });
    expect(created).toMatchObject({ type: 'response', ok: true, value: { title: 'From A' } });
    await new Promise((r) => setTimeout(r, 50));
    expect(b.events).toContainEqual(expect.objectContaining({ type: 'event', event: 'threads.changed' }));
    await Promise.all([a.close(), b.close()]);
  });
});

function get(
  port: number,
  path: string,
  host = `127.0.0.1:${port}`,
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { host } }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}
