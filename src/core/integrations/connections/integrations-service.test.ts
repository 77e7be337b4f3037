import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { ConnectInput, Integration } from '../../../shared';
import { memorySecrets } from '../../../../test-support/memory-secrets';
import { managerKit } from '../../../../test-support/mcp/mcp-test-kit';
import { makeTempDir } from '../../../../test-support/temp-dir';
import { EventHub } from '../../events/event-hub';
import { createFileLogger } from '../../log/logger';
import { openDatabase, type Db } from '../../store/database';
import { IntegrationsRepo } from '../../store/integrations-repo';
import { sqlMigrations } from '../../store/migration-files';
import { migrate } from '../../store/migrations';
import { defineBuiltinTool } from '../kit/builtin-tool';
import type { Connection, Connector } from './connector';
import { IntegrationsService } from './integrations-service';

type LinearInput = Extract<ConnectInput, { id: 'linear' }>;

/** A connection that arrives when the test says so, like a browser sign-in. */
function deferred() {
  let resolve!: (connection: Connection) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<Connection>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const CONNECTION: Connection = {
  method: 'api_key',
  account: 'Ada (ada@example.com) @ Acme',
  scopes: [],
  baseUrl: null,
  settings: {},
  secrets: { 'api-key': 'lin_api_secret_value' },
};

const ping = defineBuiltinTool({
  name: 'ping',
  title: 'Ping',
  description: 'Answers pong.',
  group: 'linear',
  actionClass: 'read',
  input: z.object({}),
  run: async () => 'pong',
});

describe('IntegrationsService', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let db: Db;
  let kit: ReturnType<typeof managerKit>;
  let flow: ReturnType<typeof deferred>;
  let signals: AbortSignal[];
  let failTools: boolean;
  const events: Integration[] = [];

  const connector: Connector<LinearInput> = {
    id: 'linear',
    title: 'Linear',
    server: { name: 'linear', version: '1.0.0' },
    describeTools: () => [ping],
    connect: async (_input, context) => {
      signals.push(context.signal);
      return {
        kind: 'pending',
        flow: 'oauth',
        url: 'https://linear.example/authorize',
        userCode: null,
        expiresAt: 1,
        done: flow.promise,
      };
    },
    tools: async (state) => {
      if (failTools) throw new Error('the key is missing from the vault');
      expect(await state.secret('api-key')).toBe('lin_api_secret_value');
      return [ping];
    },
  };

  function service(secrets = memorySecrets()) {
    const hub = new EventHub(() => undefined);
    hub.subscribe((frame) => {
      if (frame.event === 'integrations.changed') events.push((frame.payload as { integration: Integration }).integration);
    });
    const log = createFileLogger(join(dir.path, 'test.log'));
    return {
      secrets,
      integrations: new IntegrationsService({
        repo: new IntegrationsRepo(db),
        secrets,
        mcp: kit.manager,
        connectors: new Map([['linear', connector as unknown as Connector]]),
        events: hub,
        clock: { now: () => 1_000 },
        log,
        openExternal: async () => undefined,
      }),
    };
  }

  beforeEach(() => {
    dir = makeTempDir('izzie-integrations-');
    db = openDatabase(join(dir.path, 'izzie.db'));
    migrate(db, sqlMigrations);
    kit = managerKit();
    flow = deferred();
    signals = [];
    failTools = false;
    events.length = 0;
  });
  afterEach(async () => {
    await kit.manager.stopAll();
    db.close();
    dir.remove();
  });

  it('shows a pending sign-in, then keeps the connection and starts the server when it arrives', async () => {
    const { integrations, secrets } = service();
    const started = await integrations.connect({ id: 'linear', apiKey: 'x' });
    expect(started).toMatchObject({ status: 'connecting', pending: { kind: 'oauth', url: 'https://linear.example/authorize' } });
    flow.resolve(CONNECTION);
    await expect.poll(() => integrations.view('linear').status).toBe('connected');
    expect(integrations.view('linear')).toMatchObject({ account: CONNECTION.account, method: 'api_key', pending: null });
    expect(secrets.values.get('integration.linear.api-key')).toBe('lin_api_secret_value');
    await expect.poll(() => kit.manager.snapshot('linear')?.status).toBe('running');
    expect(kit.manager.tools().map((t) => t.name)).toEqual(['linear.ping']);
    expect(events.map((e) => e.status)).toEqual(['connecting', 'connected']);
  });

  it('cancels a pending sign-in: the flow is aborted and its late result ignored', async () => {
    const { integrations } = service();
    await integrations.connect({ id: 'linear', apiKey: 'x' });
    expect(integrations.cancel('linear')).toMatchObject({ status: 'disconnected', pending: null });
    expect(signals[0]?.aborted).toBe(true);
    flow.resolve(CONNECTION);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(integrations.view('linear').status).toBe('disconnected');
  });

  it('shows why a sign-in failed', async () => {
    const { integrations } = service();
    await integrations.connect({ id: 'linear', apiKey: 'x' });
    flow.reject(new Error('You declined access on the sign-in page.'));
    await expect.poll(() => integrations.view('linear').lastError?.message).toBe('You declined access on the sign-in page.');
    expect(integrations.view('linear').status).toBe('disconnected');
  });

  it('keeps nothing when the vault refuses the credentials, and says so instead of crashing', async () => {
    const secrets = memorySecrets();
    const { integrations } = service({
      ...secrets,
      set: () => Promise.reject(new Error('The keychain is locked.')),
    } as typeof secrets);
    await integrations.connect({ id: 'linear', apiKey: 'x' });
    flow.resolve(CONNECTION);
    await expect.poll(() => integrations.view('linear').lastError?.message).toBe('The keychain is locked.');
    expect(integrations.view('linear')).toMatchObject({ status: 'disconnected', account: null });
    expect(kit.manager.snapshot('linear')).toBeNull();
  });

  it('marks a connection whose server cannot start as needing attention', async () => {
    failTools = true;
    const { integrations } = service();
    await integrations.connect({ id: 'linear', apiKey: 'x' });
    flow.resolve(CONNECTION);
    await expect.poll(() => integrations.view('linear').status).toBe('error');
    expect(integrations.view('linear').lastError?.message).toBe('the key is missing from the vault');
  });
});
