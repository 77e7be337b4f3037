import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { engineGoals } from './engine-goals';
import { memoryGoals } from './memory-goals';
import { printTable, type Row } from './table';

/**
 * `npm run bench [-- memory|engine]`: each goal measured against a baseline in the same run. Prints
 * one table and exits non-zero when a goal is missed.
 */
const SECTIONS = { memory: memoryGoals, engine: engineGoals } as const;

async function main(argv: readonly string[]): Promise<void> {
  const unknown = argv.filter((a) => !Object.hasOwn(SECTIONS, a));
  if (unknown.length > 0) {
    console.error(`usage: npm run bench [-- ${Object.keys(SECTIONS).join('|')}]   (unknown: ${unknown.join(', ')})`);
    process.exit(2);
  }
  const chosen = argv.length > 0 ? argv : Object.keys(SECTIONS);
  const dir = mkdtempSync(join(tmpdir(), 'izzie-bench-'));
  const rows: Row[] = [];
  try {
    for (const name of chosen) rows.push(...(await SECTIONS[name as keyof typeof SECTIONS](dir)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  printTable(rows);
  process.exitCode = rows.every((r) => r.ok) ? 0 : 1;
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error);
  process.exit(2);
});
