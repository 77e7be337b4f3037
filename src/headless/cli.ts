#!/usr/bin/env node
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { version } from '../../package.json';
import { InstanceLockedError, MigrationError } from '../core';
import { USAGE, parseCli } from './cli-args';
import { runAuditVerifyCommand } from './audit-verify-command';
import { runModelsTestCommand } from './models-test-command';
import { ServeError, serve } from './serve';

// Built to out/headless/cli.js; the renderer is built beside it to out/renderer.
const RENDERER_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'renderer');

/** A start-up refusal a person can act on is printed without a stack; anything else is a bug. */
function refusal(error: unknown): number {
  if (error instanceof InstanceLockedError || error instanceof MigrationError || error instanceof ServeError) {
    process.stderr.write(`Izzie cannot start: ${error.message}\n`);
    return 1;
  }
  throw error;
}

async function main(argv: readonly string[]): Promise<number> {
  const command = parseCli(argv);
  switch (command.kind) {
    case 'help':
      process.stdout.write(USAGE);
      return 0;
    case 'version':
      process.stdout.write(`izzie ${version}\n`);
      return 0;
    case 'error':
      process.stderr.write(`izzie: ${command.message}\n\n${USAGE}`);
      return 2;
    case 'models-test':
      return runModelsTestCommand({
        ...command,
        version,
        env: process.env,
        print: (line) => void process.stdout.write(line + '\n'),
      }).catch(refusal);
    case 'audit-verify':
      return runAuditVerifyCommand({
        home: command.home,
        env: process.env,
        print: (line) => void process.stdout.write(line + '\n'),
        printError: (line) => void process.stderr.write(line + '\n'),
      });
    case 'serve':
      break;
  }
  const print = (line: string): void => void process.stdout.write(line + '\n');
  let host;
  try {
    host = await serve({ ...command, version, rendererDir: RENDERER_DIR, env: process.env, print });
  } catch (error) {
    return refusal(error);
  }
  print(`Izzie is running (headless host). Open: ${host.url}`);
  print(`Data: ${host.core.dataDir}`);
  print(`Log:  ${host.core.logFile}`);
  print('Press Ctrl+C to stop.');

  return new Promise<number>((resolve) => {
    let signals = 0;
    const onSignal = (signal: NodeJS.Signals): void => {
      signals++;
      if (signals > 1) {
        process.stderr.write('Stopping immediately.\n');
        resolve(130);
        return;
      }
      print(`Received ${signal}; finishing in-flight work and stopping…`);
      host.stop().then(
        () => {
          print('Izzie stopped.');
          resolve(0);
        },
        (error: Error) => {
          process.stderr.write(`Izzie did not stop cleanly: ${error.message}\n`);
          resolve(1);
        },
      );
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      `izzie: unexpected failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
