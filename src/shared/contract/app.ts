import { z } from 'zod';
import { query } from '../rpc/define';

export const HostKind = z.enum(['electron', 'headless', 'test']);
export type HostKind = z.infer<typeof HostKind>;

export const AppInfo = z.strictObject({
  name: z.string(),
  version: z.string(),
  hostKind: HostKind,
  dataDir: z.string(),
  databaseFile: z.string(),
  logFile: z.string(),
  schemaVersion: z.number().int(),
  platform: z.string(),
  nodeVersion: z.string(),
  startedAt: z.number(),
  /** False until a model provider exists; the UI explains why chat replies are missing. */
  modelProviderConfigured: z.boolean(),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const appMethods = {
  'app.info': query(z.strictObject({}), AppInfo),
};
