import { graphMigrationsFromFiles, type GraphMigration } from './graph-migrations';

/**
 * The numbered Cypher files in /migrations/graph, bundled into the build as text (as the SQL ones
 * are) so a packaged app needs no file lookup at run time.
 */
const files = import.meta.glob<string>('../../../migrations/graph/*.cypher', { query: '?raw', import: 'default', eager: true });

export const graphMigrations: readonly GraphMigration[] = graphMigrationsFromFiles(files);
