import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCore, type Core, type CoreOptions } from '../src/core';
import { startHeadlessServer, type HeadlessServer } from '../src/headless/server';
import { quietMemory } from './quiet-memory';
import { makeTempDir } from './temp-dir';
import { testPorts } from './test-ports';

/**
 * A started core behind a real headless server (WebSocket RPC on 127.0.0.1), on a temp data dir,
 * with a one-line renderer. `dataDir` is inside `dir`; `close()` stops everything and deletes it.
 */
export async function startTestHost(token: string, options: CoreOptions = {}) {
  const dir = makeTempDir();
  const rendererDir = join(dir.path, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Izzie</title>');
  const dataDir = join(dir.path, 'data');
  const core: Core = createCore(testPorts(dataDir), { ...options, memory: options.memory ?? quietMemory() });
  await core.start();
  const refusals: Array<[number, string]> = [];
  const connections: Array<[string, Record<string, unknown>]> = [];
  const server: HeadlessServer = await startHeadlessServer({
    endpoint: core,
    subscribe: (listener) => core.subscribe(listener),
    rendererDir,
    token,
    onRefused: (status, reason) => refusals.push([status, reason]),
    onConnection: (event, detail) => connections.push([event, detail]),
  });
  return {
    core,
    server,
    dir,
    dataDir,
    rendererDir,
    refusals,
    connections,
    async close() {
      await server.close();
      await core.stop();
      dir.remove();
    },
  };
}
