import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { makeTempDir } from '../../../test-support/temp-dir';
import { checksumOf } from '../store/migrations';
import { graphMigrations } from './graph-migration-files';
import { graphMigrationsFromFiles, migrateGraph, splitStatements, type GraphMigration } from './graph-migrations';
import { KnowledgeGraph } from './knowledge-graph';
import { KuzuDriver } from './kuzu-driver';

const people: GraphMigration = {
  version: 1,
  name: '0001_people.cypher',
  cypher: '// people\nCREATE NODE TABLE Person(id STRING PRIMARY KEY);\nCREATE NODE TABLE Pet(id STRING PRIMARY KEY);\n',
};
const knows: GraphMigration = { version: 2, name: '0002_knows.cypher', cypher: 'CREATE REL TABLE KNOWS(FROM Person TO Person);' };
const broken: GraphMigration = {
  version: 3,
  name: '0003_broken.cypher',
  cypher: 'CREATE NODE TABLE Place(id STRING PRIMARY KEY);\nCREATE NODE TABLE Person(id STRING PRIMARY KEY);',
};

describe('graph migrations', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let driver: KuzuDriver;
  let now: number;
  beforeEach(async () => {
    dir = makeTempDir('izzie-graph-migrations-');
    driver = await KuzuDriver.open(join(dir.path, 'graph.kuzu'));
    now = 500;
  });
  afterEach(async () => {
    await driver.close();
    dir.remove();
  });

  const migrate = (migrations: readonly GraphMigration[]) => migrateGraph(driver, migrations, () => now++, 'the test graph');
  const recorded = () =>
    driver.run(
      'MATCH (m:Migration) RETURN m.version AS version, m.name AS name, m.checksum AS checksum, m.appliedAt AS at ORDER BY version',
    );
  const tables = async () => (await driver.runOnce('CALL show_tables() RETURN name')).map((row) => row.name).sort();

  it('split a file into statements at a `;` that ends a line, ignoring comments', () => {
    expect(splitStatements("// intro\nCREATE (a {s: 'x;y'});\n  // between\nRETURN 1 ;  \r\n// trailing comment\n")).toEqual([
      "// intro\nCREATE (a {s: 'x;y'})",
      '// between\nRETURN 1',
    ]);
  });

  it('are files numbered 1..n with no gaps', () => {
    expect(graphMigrationsFromFiles({ 'x/0002_b.cypher': 'B', 'x/0001_a.cypher': 'A' }).map((m) => m.name)).toEqual([
      '0001_a.cypher',
      '0002_b.cypher',
    ]);
    expect(() => graphMigrationsFromFiles({ '0001_a.cypher': 'A', '0003_c.cypher': 'C' })).toThrow(/without gaps/);
    expect(() => graphMigrationsFromFiles({ '0001_a.sql': 'A' })).toThrow(/not named NNNN_name.cypher/);
  });

  it('apply in order, once, and are recorded in the graph with their checksums', async () => {
    expect(await migrate([people, knows])).toEqual({ from: 0, to: 2, applied: ['0001_people.cypher', '0002_knows.cypher'] });
    expect(await tables()).toEqual(['KNOWS', 'Migration', 'Person', 'Pet']);
    const rows = await recorded();
    expect(rows).toEqual([
      { version: 1, name: '0001_people.cypher', checksum: checksumOf(people.cypher), at: 500 },
      { version: 2, name: '0002_knows.cypher', checksum: checksumOf(knows.cypher), at: 501 },
    ]);
    expect(await migrate([people, knows])).toEqual({ from: 2, to: 2, applied: [] });
    expect(await recorded()).toEqual(rows);
  });

  it('apply only what is new to a graph that has the earlier ones', async () => {
    await migrate([people]);
    await driver.run("CREATE (:Person {id: 'dana'})");
    expect((await migrate([people, knows])).applied).toEqual(['0002_knows.cypher']);
    expect(await driver.run('MATCH (p:Person) RETURN p.id AS id')).toEqual([{ id: 'dana' }]);
  });

  it('leave the graph unchanged when a statement fails, earlier pending migrations included', async () => {
    await migrate([people]);
    const error = await migrate([people, knows, broken]).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'FAILED' });
    expect((error as Error).message).toMatch(
      /^Graph migration 0003_broken.cypher failed: .*Person already exists.*The test graph was left unchanged\.$/s,
    );
    expect(await tables()).toEqual(['Migration', 'Person', 'Pet']);
    expect((await recorded()).map((m) => m.version)).toEqual([1]);
  });

  it('refuse a graph from a newer version, an edited migration and a missing one', async () => {
    await migrate([people, knows]);
    await expect(migrate([people])).rejects.toMatchObject({ kind: 'DATABASE_FROM_FUTURE' });
    await expect(migrate([people])).rejects.toThrow(
      /The test graph was written by a newer version of Izzie \(graph schema version 2/,
    );
    await expect(migrate([{ ...people, cypher: `${people.cypher}\n` }, knows])).rejects.toMatchObject({
      kind: 'EDITED_MIGRATION',
    });
    await expect(migrate([people, { ...knows, name: '0002_other.cypher', version: 3 }])).rejects.toMatchObject({
      kind: 'MISSING_MIGRATION',
    });
  });

  it('shipped with Izzie apply to an empty graph, and a reopened graph applies nothing new', async () => {
    expect(graphMigrations.map((m) => m.version)).toEqual(graphMigrations.map((_, i) => i + 1));
    expect((await migrateGraph(driver, graphMigrations, () => 1)).to).toBe(graphMigrations.length);
    expect(await tables()).toEqual(['Entity', 'InvalidSource', 'Migration', 'RELATES']);
    const applied = await recorded();
    await driver.close();

    const graph = await KnowledgeGraph.open(join(dir.path, 'graph.kuzu'), { clock: { now: () => 99 } });
    await graph.close();
    driver = await KuzuDriver.open(join(dir.path, 'graph.kuzu'));
    expect(await recorded()).toEqual(applied);
  });
});
