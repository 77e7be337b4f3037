import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { makeTempDir } from '../../../test-support/temp-dir';
import { KuzuDriver } from './kuzu-driver';

describe('the Kùzu driver', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let driver: KuzuDriver;
  const path = () => join(dir.path, 'graph.kuzu');
  beforeEach(async () => {
    dir = makeTempDir('izzie-kuzu-');
    driver = await KuzuDriver.open(path());
    await driver.runOnce('CREATE NODE TABLE Item(id STRING PRIMARY KEY, tags STRING[])');
  });
  afterEach(async () => {
    await driver.close();
    dir.remove();
  });

  const ids = async () => (await driver.run('MATCH (i:Item) RETURN i.id AS id ORDER BY id')).map((row) => row.id);
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it('runs parameterised statements and returns their rows', async () => {
    await driver.run('CREATE (:Item {id: $id, tags: $tags})', { id: 'a', tags: ['x', 'y'] });
    expect(await driver.run('MATCH (i:Item {id: $id}) RETURN i.id AS id, i.tags AS tags', { id: 'a' })).toEqual([
      { id: 'a', tags: ['x', 'y'] },
    ]);
  });

  it('refuses an empty list parameter, which Kùzu would turn into an untyped NULL (and crash on in IN)', async () => {
    await expect(driver.run('MATCH (i:Item) WHERE i.id IN $ids RETURN i.id', { ids: [] })).rejects.toThrow(
      'Graph parameter ids is an empty list',
    );
    await expect(driver.run('UNWIND $rows AS r RETURN r', { rows: [{ tags: [] }] })).rejects.toThrow('empty list');
    expect(await ids()).toEqual([]);
  });

  it('reports a statement Kùzu cannot prepare, every time', async () => {
    await expect(driver.run('MATCH (n:Nope) RETURN n')).rejects.toThrow(/Nope does not exist/);
    await expect(driver.run('MATCH (n:Nope) RETURN n')).rejects.toThrow(/Nope does not exist/);
  });

  it('commits a transaction that resolves and rolls back one that throws', async () => {
    await driver.transaction(async (tx) => {
      await tx.run('CREATE (:Item {id: $id})', { id: 'kept' });
    });
    await expect(
      driver.transaction(async (tx) => {
        await tx.run('CREATE (:Item {id: $id})', { id: 'dropped' });
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    // A failing statement ends the transaction inside Kùzu; the driver must still be usable after.
    await expect(
      driver.transaction(async (tx) => {
        await tx.run('CREATE (:Item {id: $id})', { id: 'twice' });
        await tx.run('CREATE (:Item {id: $id})', { id: 'twice' });
      }),
    ).rejects.toThrow(/duplicated primary key/);
    expect(await ids()).toEqual(['kept']);
  });

  it('keeps other statements out of an open transaction: they run after it ends', async () => {
    const rolledBack = driver.transaction(async (tx) => {
      await tx.run('CREATE (:Item {id: $id})', { id: 'inside' });
      await sleep(50);
      throw new Error('roll back');
    });
    // Issued while the transaction is open; had it joined the transaction, the rollback would undo it.
    const outside = driver.run('CREATE (:Item {id: $id})', { id: 'outside' });
    await expect(rolledBack).rejects.toThrow('roll back');
    await outside;
    expect(await ids()).toEqual(['outside']);
  });

  it('closes once, after the statements already queued, and refuses statements after that', async () => {
    const queued = driver.run('CREATE (:Item {id: $id})', { id: 'queued' });
    const closing = driver.close();
    expect(driver.close()).toBe(closing);
    await closing;
    await expect(queued).resolves.toEqual([]);
    await expect(driver.run('MATCH (i:Item) RETURN i.id')).rejects.toThrow(/is closed/);

    driver = await KuzuDriver.open(path());
    expect(await ids()).toEqual(['queued']);
  });

  it('refuses to open the same file twice in one process (Kùzu only locks against other processes)', async () => {
    await expect(KuzuDriver.open(path())).rejects.toThrow(`The graph database ${path()} is already open in this process.`);
  });
});
