import { join } from 'node:path';
import { AuditLog } from '../src/core/audit/audit-log';
import { AuditRepo, type AuditRow } from '../src/core/store/audit-repo';
import { openDatabase, type Db } from '../src/core/store/database';
import { sqlMigrations } from '../src/core/store/migration-files';
import { migrate } from '../src/core/store/migrations';
import { recordingLogger } from './recording-logger';
import { makeTempDir } from './temp-dir';
import { memorySecrets } from './memory-secrets';
import { startFakeModelServer, type FakeModelServer, type FakeModelServerOptions } from './fake-model-server';
import { createModelServices, type ModelServices } from '../src/core/models/model-services';
import type { RetryPolicy } from '../src/core/models/retry-policy';
import { apiKeySecretName } from '../src/core/models/providers';

export const TEST_API_KEY = 'sk-or-test-0123456789abcdef';

export interface ModelKit {
  readonly fake: FakeModelServer;
  readonly db: Db;
  readonly secrets: ReturnType<typeof memorySecrets>;
  readonly models: ModelServices;
  /** Every delay the router asked to wait, in order. */
  readonly sleeps: number[];
  readonly logLines: string[];
  /** Moves the clock the router measures latency with. */
  advance(ms: number): void;
  auditRows(): AuditRow[];
  close(): Promise<void>;
}

export interface ModelKitOptions extends FakeModelServerOptions {
  /** Stored for the custom provider; null stores none. */
  readonly apiKey?: string | null;
  readonly timeoutMs?: number;
  readonly retry?: Partial<RetryPolicy>;
  readonly random?: () => number;
  /** Replaces the recording no-wait sleep (it still records). */
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/**
 * Tests only: a fake model endpoint, a migrated SQLite file in a temp dir, a Map for the vault,
 * and the model services pointed at the fake as a `custom` provider.
 */
export async function startModelKit(options: ModelKitOptions = {}): Promise<ModelKit> {
  const fake = await startFakeModelServer({ requireApiKey: options.requireApiKey ?? TEST_API_KEY, models: options.models });
  const dir = makeTempDir('izzie-models-');
  const db = openDatabase(join(dir.path, 'izzie.db'));
  migrate(db, sqlMigrations);
  let now = Date.UTC(2026, 10, 24, 9, 0, 0);
  const clock = { now: () => now };
  const apiKey = options.apiKey === undefined ? TEST_API_KEY : options.apiKey;
  const secrets = memorySecrets(apiKey === null ? {} : { [apiKeySecretName('custom')]: apiKey });
  const sleeps: number[] = [];
  const logLines: string[] = [];
  const audit = new AuditLog(new AuditRepo(db), clock);
  const log = recordingLogger((level, message, fields) => void logLines.push(logLine(level, message, fields)));
  const models = createModelServices(
    { db, secrets, audit, clock, log },
    {
      retry: options.retry,
      random: options.random ?? (() => 0.5),
      sleep: async (ms, signal) => {
        sleeps.push(ms);
        await options.sleep?.(ms, signal);
      },
    },
  );
  models.config.setProvider({ kind: 'custom', baseUrl: fake.url, timeoutMs: options.timeoutMs ?? 2_000 });
  return {
    fake,
    db,
    secrets,
    models,
    sleeps,
    logLines,
    advance: (ms) => void (now += ms),
    auditRows: () => new AuditRepo(db).all(),
    close: async () => {
      await fake.close();
      db.close();
      dir.remove();
    },
  };
}

/** One JSON line, errors reduced to their message, so a test can search the text for a key. */
function logLine(level: string, message: string, fields: Record<string, unknown> | undefined): string {
  return JSON.stringify({ level, message, fields }, (_key, value: unknown) => (value instanceof Error ? value.message : value));
}
