import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { Relation } from '../../shared';
import { makeTempDir } from '../../../test-support/temp-dir';
import { KnowledgeGraph } from './knowledge-graph';

describe('the knowledge graph', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let graph: KnowledgeGraph;
  let now: number;
  beforeEach(async () => {
    dir = makeTempDir('izzie-graph-');
    now = 1_000;
    graph = await KnowledgeGraph.open(join(dir.path, 'graph.kuzu'), { clock: { now: () => now++ } });
  });
  afterEach(async () => {
    await graph.close();
    dir.remove();
  });

  const person = (name: string, aliases?: string[]) =>
    graph.upsertEntity({ name, kind: 'person', namespace: 'entities', aliases });
  const project = (name: string) => graph.upsertEntity({ name, kind: 'project', namespace: 'entities' });
  const relate = (
    fromId: string,
    toId: string,
    type: string,
    sourceMemoryId: string,
    more: { validFrom?: number; confidence?: number } = {},
  ) =>
    graph.addRelation({
      fromId,
      toId,
      type,
      sourceMemoryId,
      validFrom: more.validFrom ?? 100,
      confidence: more.confidence ?? 0.8,
    });

  describe('entities', () => {
    it('returns the existing entity for the same name and kind, ignoring case and spacing', async () => {
      const dana = await person('Dana Reyes');
      expect(dana).toEqual({ id: expect.any(String), name: 'Dana Reyes', kind: 'person', aliases: [], namespace: 'entities' });
      expect(await person('  dana   REYES ')).toEqual(dana);
      expect(await graph.counts()).toEqual({ entities: 1, relations: 0 });
    });

    it('keeps a different kind with the same name apart', async () => {
      const atlasPerson = await person('Atlas');
      const atlasProject = await project('Atlas');
      expect(atlasProject.id).not.toBe(atlasPerson.id);
      expect((await graph.findByNames(['atlas'])).map((e) => e.kind)).toEqual(['person', 'project']);
    });

    it('merges new aliases into the existing entity, and finds it by any of them', async () => {
      const dana = await person('Dana Reyes', ['Dana']);
      const again = await person('Dana Reyes', ['dana', 'D. Reyes']);
      expect(again.id).toBe(dana.id);
      expect(again.aliases).toEqual(['Dana', 'D. Reyes']);
      // A name that is an alias of an existing entity is that entity; a new name it brings becomes an alias.
      const viaAlias = await person('D.  Reyes', ['Dana R.']);
      expect(viaAlias).toMatchObject({ id: dana.id, name: 'Dana Reyes', aliases: ['Dana', 'D. Reyes', 'Dana R.'] });
      expect(await graph.entity(dana.id)).toEqual(viaAlias);
      expect((await graph.findByNames(['DANA R.', 'nobody'])).map((e) => e.id)).toEqual([dana.id]);
    });

    it('refuses a blank name', async () => {
      await expect(person('   ')).rejects.toThrow('An entity needs a name.');
    });

    it('returns null for an unknown id and nothing for blank names', async () => {
      expect(await graph.entity('nope')).toBeNull();
      expect(await graph.findByNames(['', '  '])).toEqual([]);
    });

    it('searches names and aliases: exact, then prefix, then anywhere; an empty query lists the newest', async () => {
      const atlas = await project('Atlas');
      const migration = await project('Atlas Migration');
      const mike = await person('Michael Chen', ['Atlas Mike']);
      const dana = await person('Dana Atlas-Reyes');
      await person('Somebody Else');
      expect((await graph.searchEntities('ATLAS', 10)).map((e) => e.id)).toEqual([atlas.id, mike.id, migration.id, dana.id]);
      expect((await graph.searchEntities('atlas', 2)).map((e) => e.id)).toEqual([atlas.id, mike.id]);
      expect((await graph.searchEntities('mike', 10)).map((e) => e.id)).toEqual([mike.id]);
      expect(await graph.searchEntities('zzz', 10)).toEqual([]);
      expect((await graph.searchEntities('  ', 3)).map((e) => e.name)).toEqual([
        'Somebody Else',
        'Dana Atlas-Reyes',
        'Michael Chen',
      ]);
    });

    it('lists every name and alias key for the spotter', async () => {
      const dana = await person('Dana Reyes', ['Dana']);
      const atlas = await project('Project  Atlas');
      expect(await graph.entityNames()).toEqual(
        expect.arrayContaining([
          { id: dana.id, key: 'dana reyes' },
          { id: dana.id, key: 'dana' },
          { id: atlas.id, key: 'project atlas' },
        ]),
      );
      expect(await graph.entityNames()).toHaveLength(3);
    });

    it('deletes an entity with its relations', async () => {
      const dana = await person('Dana');
      const atlas = await project('Atlas');
      await relate(dana.id, atlas.id, 'works_on', 'm1');
      await graph.deleteEntity(dana.id);
      expect(await graph.entity(dana.id)).toBeNull();
      expect(await graph.counts()).toEqual({ entities: 1, relations: 0 });
    });
  });

  describe('relations', () => {
    it('match the contract and reinforce instead of duplicating', async () => {
      const dana = await person('Dana');
      const atlas = await project('Atlas');
      const first = await relate(dana.id, atlas.id, 'Works on', 'm1', { confidence: 0.6 });
      expect(Relation.parse(first)).toEqual({
        id: expect.any(String),
        from: { id: dana.id, name: 'Dana', kind: 'person' },
        to: { id: atlas.id, name: 'Atlas', kind: 'project' },
        type: 'works_on',
        validFrom: 100,
        invalidAt: null,
        sourceMemoryId: 'm1',
        confidence: 0.6,
      });
      const again = await relate(dana.id, atlas.id, 'works_on', 'm2', { confidence: 0.9, validFrom: 500 });
      expect(again).toEqual({ ...first, confidence: 0.9 });
      // The same memory twice does not list it twice, and a lower confidence does not lower it.
      expect(await relate(dana.id, atlas.id, 'works_on', 'm2', { confidence: 0.1 })).toEqual({ ...first, confidence: 0.9 });
      expect(await graph.counts()).toEqual({ entities: 2, relations: 1 });
      // m2 is still a source: removing m1 keeps the relation, now learned from m2.
      expect(await graph.removeSources(['m1'])).toEqual({ relationsRemoved: 0, entitiesRemoved: [] });
      expect(await graph.relationsOf([dana.id])).toEqual([{ ...first, confidence: 0.9, sourceMemoryId: 'm2' }]);
    });

    it('keeps different types and directions as different relations', async () => {
      const dana = await person('Dana');
      const sam = await person('Sam');
      await relate(dana.id, sam.id, 'manages', 'm1');
      await relate(sam.id, dana.id, 'manages', 'm2');
      await relate(dana.id, sam.id, 'mentors', 'm3');
      expect(await graph.counts()).toEqual({ entities: 2, relations: 3 });
    });

    it('refuses a relation to a missing entity or to itself, and a fractional timestamp', async () => {
      const dana = await person('Dana');
      await expect(relate(dana.id, 'ghost', 'knows', 'm1')).rejects.toThrow(`Cannot relate ${dana.id} to ghost`);
      await expect(relate(dana.id, dana.id, 'knows', 'm1')).rejects.toThrow('two different entities');
      const sam = await person('Sam');
      await expect(relate(dana.id, sam.id, 'knows', 'm1', { validFrom: 1.5 })).rejects.toThrow('whole number');
      await expect(relate(dana.id, sam.id, ' -- ', 'm1')).rejects.toThrow('not a relation type');
      expect(await graph.counts()).toEqual({ entities: 2, relations: 0 });
    });

    it('invalidateBySource ends relations learned only from that memory, and keeps the rest valid', async () => {
      const dana = await person('Dana');
      const atlas = await project('Atlas');
      const orion = await project('Orion');
      const onlyM1 = await relate(dana.id, atlas.id, 'works_on', 'm1');
      const alsoM2 = await relate(dana.id, orion.id, 'works_on', 'm1');
      await relate(dana.id, orion.id, 'works_on', 'm2');

      expect(await graph.invalidateBySource('m1', 5_000)).toBe(1);
      const [atlasRelation, orionRelation] = await graph.relationsOf([dana.id], { includeInvalid: true });
      expect(atlasRelation).toEqual({ ...onlyM1, invalidAt: 5_000 });
      expect(orionRelation).toEqual({ ...alsoM2, invalidAt: null });
      expect(await graph.relationsOf([dana.id])).toEqual([orionRelation]);
      expect(await graph.counts()).toEqual({ entities: 3, relations: 2 });

      // Once m2 goes too, nothing valid supports Dana → Orion any more.
      expect(await graph.invalidateBySource('m2', 6_000)).toBe(1);
      expect(await graph.relationsOf([dana.id])).toEqual([]);
      // An invalid relation is history: the same fact learned again starts a new relation.
      const relearned = await relate(dana.id, atlas.id, 'works_on', 'm3', { validFrom: 7_000 });
      expect(relearned.id).not.toBe(onlyM1.id);
      expect((await graph.relationsOf([atlas.id], { includeInvalid: true })).map((r) => [r.id, r.invalidAt])).toEqual([
        [onlyM1.id, 5_000],
        [relearned.id, null],
      ]);
    });

    it('removeSources deletes relations left without a source and entities left without a relation, except those kept', async () => {
      const dana = await person('Dana');
      const sam = await person('Sam');
      const atlas = await project('Atlas');
      const orion = await project('Orion');
      const lonely = await person('Lonely'); // never related: no memory supports it once m1 and m2 are gone
      await relate(dana.id, atlas.id, 'works_on', 'm1');
      await relate(sam.id, atlas.id, 'works_on', 'm1');
      await relate(sam.id, atlas.id, 'works_on', 'm2');
      await relate(dana.id, orion.id, 'works_on', 'm2');
      await relate(sam.id, orion.id, 'works_on', 'm3');

      const result = await graph.removeSources(['m1', 'm2', 'm1'], new Set([dana.id]));
      expect(result.relationsRemoved).toBe(3);
      // Atlas lost its last relation; Dana too, but a surviving memory still mentions her.
      expect(new Set(result.entitiesRemoved)).toEqual(new Set([atlas.id, lonely.id]));
      expect(await graph.entity(dana.id)).not.toBeNull();
      expect(await graph.counts()).toEqual({ entities: 3, relations: 1 });
      expect((await graph.relationsOf([sam.id])).map((r) => [r.from.name, r.to.name, r.sourceMemoryId])).toEqual([
        ['Sam', 'Orion', 'm3'],
      ]);

      const next = await graph.removeSources(['m3']);
      expect(next.relationsRemoved).toBe(1);
      expect(new Set(next.entitiesRemoved)).toEqual(new Set([dana.id, sam.id, orion.id]));
      expect(await graph.counts()).toEqual({ entities: 0, relations: 0 });
      expect(await graph.removeSources([])).toEqual({ relationsRemoved: 0, entitiesRemoved: [] });
    });

    it('removeSources ends a relation whose remaining sources were all invalidated', async () => {
      const dana = await person('Dana');
      const atlas = await project('Atlas');
      await relate(dana.id, atlas.id, 'works_on', 'm1');
      await relate(dana.id, atlas.id, 'works_on', 'm2');
      expect(await graph.invalidateBySource('m2', 4_000)).toBe(0);
      await graph.removeSources(['m1']);
      expect((await graph.relationsOf([dana.id], { includeInvalid: true })).map((r) => [r.sourceMemoryId, r.invalidAt])).toEqual([
        ['m2', 4_000],
      ]);
    });

    it('getRelatedEntities follows both directions, newest first, and hides invalid relations unless asked', async () => {
      const dana = await person('Dana', ['D']);
      const sam = await person('Sam');
      const atlas = await project('Atlas');
      const orion = await project('Orion');
      const manages = await relate(sam.id, dana.id, 'manages', 'm1', { validFrom: 300 });
      const worksOn = await relate(dana.id, atlas.id, 'works_on', 'm2', { validFrom: 200 });
      const worked = await relate(dana.id, orion.id, 'works_on', 'm3', { validFrom: 100 });
      await relate(sam.id, atlas.id, 'works_on', 'm4');
      await graph.invalidateBySource('m3', 400);

      const related = await graph.getRelatedEntities(dana.id);
      expect(related).toEqual([
        { entity: sam, relation: manages },
        { entity: atlas, relation: worksOn },
      ]);
      expect(related[0]?.relation.from.id).toBe(sam.id);
      expect(related[1]?.relation.from).toEqual({ id: dana.id, name: 'Dana', kind: 'person' });

      const all = await graph.getRelatedEntities(dana.id, { includeInvalid: true });
      expect(all.map((r) => [r.entity.name, r.relation.id, r.relation.invalidAt])).toEqual([
        ['Sam', manages.id, null],
        ['Atlas', worksOn.id, null],
        ['Orion', worked.id, 400],
      ]);
      expect((await graph.getRelatedEntities(dana.id, { includeInvalid: true, limit: 2 })).map((r) => r.entity.name)).toEqual([
        'Sam',
        'Atlas',
      ]);
      expect(await graph.getRelatedEntities('nobody')).toEqual([]);
      expect(await graph.getRelatedEntities(dana.id, { limit: 0 })).toEqual([]);
    });

    it('relationsOf lists each relation once, oldest first, with invalid ones only when asked', async () => {
      const dana = await person('Dana');
      const sam = await person('Sam');
      const atlas = await project('Atlas');
      const late = await relate(dana.id, atlas.id, 'works_on', 'm1', { validFrom: 300 });
      const early = await relate(sam.id, dana.id, 'manages', 'm2', { validFrom: 100 });
      const middle = await relate(sam.id, atlas.id, 'works_on', 'm3', { validFrom: 200 });
      const ended = await relate(atlas.id, sam.id, 'owned_by', 'm4', { validFrom: 50 });
      await graph.invalidateBySource('m4', 60);

      expect(await graph.relationsOf([dana.id, sam.id, dana.id])).toEqual([early, middle, late]);
      expect((await graph.relationsOf([sam.id], { includeInvalid: true })).map((r) => r.id)).toEqual([
        ended.id,
        early.id,
        middle.id,
      ]);
      expect(await graph.relationsOf([])).toEqual([]);
    });
  });
});
