import { parseArgs } from 'node:util';

export type CliCommand =
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'serve'; port: number; home: string | null; open: boolean; verbose: boolean }
  | { kind: 'models-test'; tier: 'thinking' | 'standard' | 'cheap' | null; home: string | null }
  | { kind: 'audit-verify'; home: string | null }
  | { kind: 'error'; message: string };

export const USAGE = `Usage: izzie <command> [options]

Commands:
  serve              Start Izzie without Electron and serve it to your browser on 127.0.0.1
  models test        Check each tier's model: a prompt, the expected behaviour, a latency budget
  audit verify       Check the audit log's hash chain (read-only: safe while Izzie is running)

Options for serve:
  --port <n>         Port to listen on (default: a free one)
  --home <dir>       Data directory (default: $IZZIE_HOME or the OS data directory)
  --open             Open the app in your default browser
  --verbose          Also print log lines to the terminal

Options for models test:
  --tier <t>         Only this tier: thinking, standard or cheap
  --home <dir>       Data directory whose model settings to use

Options for audit verify:
  --home <dir>       Data directory whose audit log to check
  Exit status: 0 intact, 1 broken (the first bad entry is named), 2 could not check
               (no database there, or one from an older or newer Izzie)

Global options:
  --version, -v      Print the version
  --help, -h         Print this help

Environment:
  IZZIE_HOME         Data directory (database, logs)
  IZZIE_TOKEN        Use this access token instead of a random one (16-128 letters, digits, - or _)
  IZZIE_NO_BROWSER   Set to 1 to never open the system browser (sign-in pages are linked in Izzie)
`;

export function parseCli(argv: readonly string[]): CliCommand {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        port: { type: 'string' },
        home: { type: 'string' },
        open: { type: 'boolean', default: false },
        tier: { type: 'string' },
        verbose: { type: 'boolean', default: false },
        version: { type: 'boolean', short: 'v', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    return { kind: 'error', message: (error as Error).message };
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' };
  if (values.version) return { kind: 'version' };
  const [command, ...rest] = positionals;
  if (command === undefined) return { kind: 'help' };
  if (command === 'models') {
    if (rest[0] !== 'test' || rest.length > 1) return { kind: 'error', message: 'Did you mean "izzie models test"?' };
    const tier = values.tier ?? null;
    if (tier !== null && tier !== 'thinking' && tier !== 'standard' && tier !== 'cheap') {
      return { kind: 'error', message: `--tier must be thinking, standard or cheap, not "${tier}".` };
    }
    return { kind: 'models-test', tier, home: values.home ?? null };
  }
  if (command === 'audit') {
    if (rest[0] !== 'verify') return { kind: 'error', message: 'Did you mean "izzie audit verify"?' };
    if (rest.length > 1) return { kind: 'error', message: `Unexpected argument "${rest[1]}".` };
    // Options of other commands are refused rather than ignored: `--port` here is surely a mistake.
    const foreign = (['port', 'tier', 'open', 'verbose'] as const).find(
      (name) => values[name] !== undefined && values[name] !== false,
    );
    if (foreign) return { kind: 'error', message: `--${foreign} does not apply to "izzie audit verify".` };
    if (values.home !== undefined && values.home.trim() === '') return { kind: 'error', message: '--home needs a directory.' };
    return { kind: 'audit-verify', home: values.home ?? null };
  }
  if (command !== 'serve') return { kind: 'error', message: `Unknown command "${command}".` };
  if (rest.length > 0) return { kind: 'error', message: `Unexpected argument "${rest[0]}".` };
  let port = 0;
  if (values.port !== undefined) {
    port = Number(values.port);
    if (!/^\d+$/.test(values.port) || port < 1 || port > 65535) {
      return { kind: 'error', message: `--port must be a whole number from 1 to 65535, not "${values.port}".` };
    }
  }
  return { kind: 'serve', port, home: values.home ?? null, open: values.open ?? false, verbose: values.verbose ?? false };
}
