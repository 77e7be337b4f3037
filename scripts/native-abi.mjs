#!/usr/bin/env node
// Native modules (better-sqlite3) are compiled for one ABI at a time: Node's for tests and the
// headless host, Electron's for the desktop app. `node scripts/native-abi.mjs node|electron`
// rebuilds them for the requested runtime only when they are built for the other one.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const target = process.argv[2];
if (target !== 'node' && target !== 'electron') {
  process.stderr.write('usage: native-abi.mjs node|electron\n');
  process.exit(2);
}
const marker = join(root, 'node_modules', '.izzie-native-abi');
const current = existsSync(marker) ? readFileSync(marker, 'utf8').trim() : 'node';
if (current === target && (target === 'electron' || loadsUnderNode())) process.exit(0);

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const [command, args] =
  target === 'electron' ? [npx, ['electron-builder', 'install-app-deps']] : [npx, ['npm', 'rebuild', 'better-sqlite3']];
process.stdout.write(`Rebuilding native modules for ${target}…\n`);
const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
if (result.status !== 0) process.exit(result.status ?? 1);
writeFileSync(marker, target + '\n');

function loadsUnderNode() {
  const probe = spawnSync(process.execPath, ['-e', "new (require('better-sqlite3'))(':memory:').close()"], { cwd: root });
  return probe.status === 0;
}
