import { randomBytes, randomUUID } from 'node:crypto';
import envPaths from 'env-paths';
import { createCore, insecureFileVaultRequested, resolveDataDir, type Core, type CoreOptions } from '../core';
import { headlessPorts } from './headless-ports';
import { openUrl } from './open-url';
import { startHeadlessServer, type HeadlessServer } from './server';

const TOKEN_FORMAT = /^[A-Za-z0-9_-]{16,128}$/;

export interface ServeOptions {
  readonly port: number;
  readonly home: string | null;
  readonly open: boolean;
  readonly verbose: boolean;
  readonly version: string;
  readonly rendererDir: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly print: (line: string) => void;
  /** Test seam: core options the CLI never sets (the kill trials add their engine functions). */
  readonly core?: Pick<CoreOptions, 'engine' | 'memory'>;
}

export interface RunningHost {
  readonly core: Core;
  readonly server: HeadlessServer;
  readonly url: string;
  /** Answers what is in flight, closes sockets, stops the core (database closed, lock released). */
  stop(): Promise<void>;
}

/** A person-readable refusal (bad token, port in use); the CLI prints it without a stack. */
export class ServeError extends Error {}

export async function serve(options: ServeOptions): Promise<RunningHost> {
  const token = options.env.IZZIE_TOKEN ?? randomBytes(32).toString('hex');
  if (!TOKEN_FORMAT.test(token)) {
    throw new ServeError('IZZIE_TOKEN must be 16 to 128 letters, digits, "-" or "_". Unset it to get a random token.');
  }
  const dataDir = options.home ?? resolveDataDir(options.env, envPaths('Izzie', { suffix: '' }).data);
  let server: HeadlessServer | null = null;
  const core = createCore(
    headlessPorts({
      dataDir,
      version: options.version,
      noBrowser: options.env.IZZIE_NO_BROWSER === '1',
      pushNotification: (n) =>
        server?.adapter.broadcast({ type: 'event', event: 'notification', payload: { ...n, id: n.id || randomUUID() } }),
    }),
    {
      ...options.core,
      echoLog: options.verbose ? options.print : undefined,
      insecureFileVault: insecureFileVaultRequested(options.env),
    },
  );
  core.redactInLogs(token);
  await core.start();
  try {
    server = await startHeadlessServer({
      endpoint: core,
      subscribe: (listener) => core.subscribe(listener),
      rendererDir: options.rendererDir,
      token,
      port: options.port,
      onRefused: (status, reason) => core.log.warn('refused a connection', { status, reason }),
      onConnection: (event, detail) => core.log.info(`renderer ${event}`, detail),
    });
  } catch (error) {
    await core.stop();
    if ((error as { code?: string }).code === 'EADDRINUSE') {
      throw new ServeError(
        `Port ${options.port} is already in use on 127.0.0.1. Choose another with --port, or leave it out to get a free one.`,
      );
    }
    throw error;
  }
  const running = server;
  if (options.open) {
    openUrl(running.url).catch((error: Error) =>
      options.print(`Could not open a browser (${error.message}); open the URL above yourself.`),
    );
  }
  let stopping: Promise<void> | null = null;
  return {
    core,
    server: running,
    url: running.url,
    stop() {
      stopping ??= running.close().then(() => core.stop());
      return stopping;
    },
  };
}
