import { migrationsFromFiles, type Migration } from './migrations';

/**
 * The numbered SQL files in /migrations, bundled into the build as text so a packaged app needs no
 * file lookup at run time (electron-vite, the headless build and vitest all understand this glob).
 */
const files = import.meta.glob<string>('../../../migrations/*.sql', { query: '?raw', import: 'default', eager: true });

export const sqlMigrations: readonly Migration[] = migrationsFromFiles(files);
