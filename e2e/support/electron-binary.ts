import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The installed Electron runtime, or null when it was installed without its binary. */
export function electronBinary(): string | null {
  try {
    const dir = join(process.cwd(), 'node_modules', 'electron');
    const binary = join(dir, 'dist', readFileSync(join(dir, 'path.txt'), 'utf8').trim());
    return existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}
