import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isAlive, managerKits, waitFor } from '../../../test-support/mcp/mcp-test-kit';
import { makeTempDir } from '../../../test-support/temp-dir';
import type { McpManager } from './mcp-manager';
import type { ServerSpec } from './server-spec';

const ECHO_SERVER = resolve(__dirname, '../../../test-support/mcp/echo-server.mjs');

function echoSpec(env: Record<string, string> = {}, id = 'echo'): Extract<ServerSpec, { transport: 'stdio' }> {
  return {
    id,
    name: 'Echo',
    kind: 'external',
    transport: 'stdio',
    command: process.execPath,
    args: [ECHO_SERVER],
    env: async () => env,
  };
}

const { kit, stopAll } = managerKits();
afterEach(stopAll);

async function pidOf(manager: McpManager, id = 'echo'): Promise<number> {
  const result = await manager.callTool(`${id}.pid`, {});
  expect(result.isError).toBe(false);
  return Number(result.text);
}

describe('McpManager with a stdio server', () => {
  beforeAll(() => {
    process.env.IZZIE_SECRET_TEST = 'must-not-leak';
  });
  afterAll(() => {
    delete process.env.IZZIE_SECRET_TEST;
  });

  it("starts the process, lists its tools with classes from the annotations, calls them, and passes only the spec's environment", async () => {
    const { manager } = kit();
    manager.add(echoSpec({ SERVICE_TOKEN: 'from-the-vault' }));
    await manager.start('echo');

    expect(manager.snapshot('echo')?.status).toBe('running');
    expect(manager.tools().map((t) => [t.name, t.info.actionClass, t.group])).toEqual([
      ['echo.echo', 'read', 'echo'],
      ['echo.env_value', 'read', 'echo'],
      ['echo.crash', 'delete', 'echo'],
      ['echo.pid', 'read', 'echo'],
    ]);
    expect(await manager.callTool('echo.echo', { text: 'hello there' })).toEqual({ isError: false, text: 'hello there' });
    expect(await manager.callTool('echo.env_value', { name: 'SERVICE_TOKEN' })).toEqual({
      isError: false,
      text: 'from-the-vault',
    });
    expect(await manager.callTool('echo.env_value', { name: 'IZZIE_SECRET_TEST' })).toEqual({ isError: false, text: '(unset)' });
    expect((await manager.callTool('echo.env_value', { name: 'PATH' })).text).toBe(process.env.PATH);
  });

  it('shows a crash with the last stderr lines, restarts the server and lists its tools again', async () => {
    const { manager, pendingDelays, fireNext } = kit({ backoff: { initialMs: 50 } });
    manager.add(echoSpec());
    await manager.start('echo');
    const firstPid = await pidOf(manager);

    const call = await manager.callTool('echo.crash', {});
    expect(call.isError).toBe(true);
    await waitFor(() => manager.snapshot('echo')?.status === 'crashed', 'the crash');
    const crashed = manager.snapshot('echo');
    expect(crashed?.lastError?.message).toBe(
      'Echo stopped unexpectedly.\nIts last output:\necho-server: ready\necho-server: crashing on purpose',
    );
    expect(pendingDelays()).toEqual([50]);
    expect(isAlive(firstPid)).toBe(false);

    fireNext();
    await waitFor(() => manager.snapshot('echo')?.status === 'running', 'the restart');
    expect(manager.snapshot('echo')?.restarts).toBe(1);
    expect(manager.tools()).toHaveLength(4);
    const secondPid = await pidOf(manager);
    expect(secondPid).not.toBe(firstPid);
    expect(await manager.callTool('echo.echo', { text: 'back' })).toEqual({ isError: false, text: 'back' });
  });

  it('gives up after repeated crashes, and restart() brings it back', async () => {
    const { manager, fireNext } = kit({ backoff: { initialMs: 10, maxCrashes: 2 } });
    manager.add(echoSpec());
    await manager.start('echo');

    await manager.callTool('echo.crash', {});
    await waitFor(() => manager.snapshot('echo')?.status === 'crashed', 'the first crash');
    fireNext();
    await waitFor(() => manager.snapshot('echo')?.status === 'running', 'the restart');
    await manager.callTool('echo.crash', {});
    await waitFor(() => manager.snapshot('echo')?.status === 'failed', 'giving up');
    expect(manager.snapshot('echo')?.lastError?.hint).toMatch(/Restart it from the Integrations page/);

    await manager.restart('echo');
    expect(manager.snapshot('echo')).toMatchObject({ status: 'running', restarts: 0, lastError: null });
    expect(await manager.callTool('echo.echo', { text: 'recovered' })).toEqual({ isError: false, text: 'recovered' });
  });

  it('says so when the command does not exist', async () => {
    const { manager } = kit();
    manager.add({ ...echoSpec(), command: 'izzie-no-such-command-4e1f', args: [] });
    await manager.start('echo');

    const snapshot = manager.snapshot('echo');
    expect(snapshot?.status).toBe('crashed');
    expect(snapshot?.lastError?.message).toBe('Could not start `izzie-no-such-command-4e1f`: command not found.');
    expect(snapshot?.lastError?.hint).toMatch(/installed and on the PATH/);
  });

  it('reports a server that exits during the handshake with what it wrote', async () => {
    const { manager } = kit();
    manager.add({ ...echoSpec(), args: ['-e', 'console.error("bad config: no API key"); process.exit(2)'] });
    await manager.start('echo');

    const snapshot = manager.snapshot('echo');
    expect(snapshot?.status).toBe('crashed');
    expect(snapshot?.lastError?.message).toBe(
      `\`${process.execPath}\` exited while starting, before it completed the MCP handshake.\nIts last output:\nbad config: no API key`,
    );
  });

  it('stopAll ends every child process, also one still starting', async () => {
    const dir = makeTempDir();
    try {
      const { manager } = kit();
      manager.add(echoSpec());
      await manager.start('echo');
      const runningPid = await pidOf(manager);

      const pidFile = join(dir.path, 'pid');
      manager.add(echoSpec({ ECHO_PID_FILE: pidFile, ECHO_DELAY_MS: '600' }, 'late'));
      const starting = manager.start('late');
      await waitFor(() => existsSync(pidFile) && readFileSync(pidFile, 'utf8') !== '', 'the second process');
      const startingPid = Number(readFileSync(pidFile, 'utf8'));
      expect(isAlive(startingPid)).toBe(true);
      expect(manager.snapshot('late')?.status).toBe('starting');

      await manager.stopAll();
      await starting;

      expect(isAlive(runningPid)).toBe(false);
      expect(isAlive(startingPid)).toBe(false);
      expect(manager.snapshot('echo')?.status).toBe('stopped');
      expect(manager.snapshot('late')?.status).toBe('stopped');
    } finally {
      dir.remove();
    }
  });
});
