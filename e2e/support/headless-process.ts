import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const CLI = join(process.cwd(), 'out', 'headless', 'cli.js');

export interface HostProcess {
  readonly child: ChildProcess;
  readonly url: string;
  readonly port: number;
  readonly token: string;
  readonly output: () => string;
  /** Resolves with the exit code once the process has exited. */
  readonly exited: Promise<number | null>;
  /** Sends a signal (once) and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/**
 * Starts the built `izzie serve` as a real process on a data dir, and waits for its readiness
 * line (the URL) with a deadline. The token is passed by environment, never on the command line.
 */
export async function startHost(
  home: string,
  options: { token?: string; port?: number; env?: Record<string, string> } = {},
): Promise<HostProcess> {
  const token = options.token ?? 'e2e'.repeat(8);
  const args = [CLI, 'serve', '--home', home, ...(options.port ? ['--port', String(options.port)] : [])];
  const child = spawn(process.execPath, args, {
    env: { ...process.env, IZZIE_TOKEN: token, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const deadline = setTimeout(() => reject(new Error(`izzie serve did not become ready in 15s:\n${output}`)), 15_000);
    const poll = setInterval(() => {
      const match = /Open: (http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(deadline);
        clearInterval(poll);
        resolve(match[1]);
      }
    }, 25);
    void exited.then((code) => {
      clearTimeout(deadline);
      clearInterval(poll);
      reject(new Error(`izzie serve exited with ${code} before it was ready:\n${output}`));
    });
  });
  return {
    child,
    url,
    port: Number(new URL(url).port),
    token,
    output: () => output,
    exited,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null && !child.killed) child.kill(signal);
      return exited;
    },
  };
}

/** Runs the CLI to completion (for refusals) and returns its exit code and output. */
export function runCli(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}
