import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const srcDir = join(dirname(fileURLToPath(import.meta.url)), '..');

function importsOf(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  return [...source.matchAll(/\bfrom\s+'([^']+)'|\bimport\s*\(\s*'([^']+)'\s*\)|^\s*import\s+'([^']+)'/gm)].map(
    (match) => match[1] ?? match[2] ?? match[3] ?? '',
  );
}

function sourceFiles(folder: string): string[] {
  return readdirSync(join(srcDir, folder), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts') && !name.startsWith('testing'))
    .map((name) => join(srcDir, folder, name));
}

describe('host import boundaries (DESIGN.md: hosts reach the core through its one entry)', () => {
  it('src/main imports the core only as ../core, and never the renderer or headless host', () => {
    const offending = sourceFiles('main').flatMap((file) =>
      importsOf(file)
        .filter((path) => /\/core\//.test(path) || /(^|\/)(renderer|headless)(\/|$)/.test(path))
        .map((path) => `${file}: ${path}`),
    );
    expect(offending).toEqual([]);
  });

  it('the sandboxed preload imports nothing but electron and the pure transport constants and types', () => {
    const allowed = new Set(['electron', '../shared/transport', '../shared/rpc/envelope']);
    const imports = sourceFiles('preload').flatMap(importsOf);
    expect(imports.length).toBeGreaterThan(0);
    expect(imports.filter((path) => !allowed.has(path))).toEqual([]);
  });
});
