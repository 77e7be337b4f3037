#!/usr/bin/env node
// `npm start`: install what is missing, build, then start Izzie — the desktop app when an Electron
// binary is available, otherwise the headless host in the browser (and it says so). This file uses
// only Node built-ins, so it works on a fresh clone before `npm ci` has run.
//
//   npm start                      install if needed, build, start
//   npm start -- --port 4000 --open   options after `--` go to `izzie serve` (headless only)
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const say = (line) => process.stdout.write(`izzie: ${line}\n`);
const NO_ELECTRON_MARKER = join(root, 'node_modules', '.izzie-no-electron');
const OWN_GROUP = process.platform !== 'win32';

function sh(command, args, env = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

function dependenciesCurrent() {
  const installed = join(root, 'node_modules', '.package-lock.json');
  return existsSync(installed) && statSync(installed).mtimeMs >= statSync(join(root, 'package-lock.json')).mtimeMs;
}

function electronBinary() {
  try {
    const dir = join(root, 'node_modules', 'electron');
    const relative = readFileSync(join(dir, 'path.txt'), 'utf8').trim();
    const binary = join(dir, 'dist', relative);
    return existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

// 1. Dependencies. Electron's own installer downloads its binary from the internet; it runs as a
//    separate step so a machine without that access still gets a working install.
if (!dependenciesCurrent()) {
  say('installing dependencies (npm ci)…');
  if (!sh(npm, ['ci', '--no-audit', '--no-fund'], { ELECTRON_SKIP_BINARY_DOWNLOAD: '1' })) {
    say('npm ci failed; see the output above.');
    process.exit(1);
  }
}
if (!electronBinary() && !existsSync(NO_ELECTRON_MARKER) && process.env.ELECTRON_SKIP_BINARY_DOWNLOAD === undefined) {
  say('fetching the Electron runtime…');
  const fetch = spawnSync(process.execPath, [join(root, 'node_modules', 'electron', 'install.js')], {
    cwd: root,
    encoding: 'utf8',
  });
  if (fetch.status !== 0) {
    const reason = `${fetch.stderr ?? ''}`.split('\n').find((line) => /error/i.test(line)) ?? 'unknown error';
    say(`could not download Electron (${reason.trim()}).`);
    say(`delete ${NO_ELECTRON_MARKER} to try again later.`);
    writeFileSync(NO_ELECTRON_MARKER, 'Electron could not be downloaded; delete this file to try again.\n');
  }
}

// 2. Build (a few seconds: main, preload, renderer and the headless host).
say('building…');
if (!sh(npm, ['run', '--silent', 'build'])) {
  say('the build failed; see the output above.');
  process.exit(1);
}

// 3. Start.
const binary = electronBinary();
const passThrough = process.argv.slice(2);
let child;
if (binary) {
  // Native modules must match Electron's ABI rather than Node's; `npm test` switches them back.
  say('preparing native modules for Electron…');
  if (!sh(process.execPath, [join(root, 'scripts', 'native-abi.mjs'), 'electron'])) process.exit(1);
  say('starting the desktop app.');
  child = spawn(binary, ['.'], { cwd: root, stdio: 'inherit', detached: OWN_GROUP });
} else {
  say('Electron is not installed here, so Izzie starts as the headless host: open the URL below in your browser.');
  child = spawn(process.execPath, [join(root, 'out', 'headless', 'cli.js'), 'serve', ...passThrough], {
    cwd: root,
    stdio: 'inherit',
    detached: OWN_GROUP,
  });
}
// Ctrl+C reaches this script twice (from the terminal and relayed by npm), while Izzie treats a
// second signal as "stop now". Izzie runs in its own process group so the terminal does not
// signal it directly, and a burst of signals is forwarded once; a later one still forces a stop.
let lastForwarded = 0;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (Date.now() - lastForwarded < 1000) return;
    lastForwarded = Date.now();
    child.kill(signal);
  });
}
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
