#!/usr/bin/env node
// Runs a command with a keychain tests can use: on Linux, a private D-Bus session with a fresh,
// unlocked gnome-keyring in a throwaway directory, so tests never touch the developer's own
// keychain and work headless (CI). Elsewhere (or without those tools) the command runs as is.
//
//   node scripts/with-keyring.mjs npx vitest run
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [command, ...args] = process.argv.slice(2);
if (!command) {
  process.stderr.write('usage: with-keyring.mjs <command> [args…]\n');
  process.exit(2);
}
const has = (tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;
let result;
if (process.platform === 'linux' && has('dbus-run-session') && has('gnome-keyring-daemon')) {
  const keyrings = mkdtempSync(join(tmpdir(), 'izzie-keyring-'));
  const quote = (a) => `'${a.replace(/'/g, "'\\''")}'`;
  const script =
    `echo -n izzie-test | XDG_DATA_HOME=${quote(keyrings)} gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1; ` +
    `exec ${[command, ...args].map(quote).join(' ')}`;
  result = spawnSync('dbus-run-session', ['--', 'sh', '-c', script], { stdio: 'inherit' });
  rmSync(keyrings, { recursive: true, force: true });
} else {
  result = spawnSync(command, args, { stdio: 'inherit' });
}
process.exit(result.status ?? 1);
