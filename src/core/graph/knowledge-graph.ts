import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { Entity, EntityKind, Relation } from '../../shared';
import { systemClock, type Clock } from '../ports';
import { EntityDirectory, keysOf, oldestFirst, publicEntity, type StoredEntity } from './entity-directory';
import { graphMigrations } from './graph-migration-files';
import { migrateGraph } from './graph-migrations';
import * as Q from './graph-queries';
import { encodeSources, entityKey, int, sourceNeedle, text, toRelationRow, toStoredEntity, type RelationRow } from './graph-rows';
import { KuzuDriver, type GraphSession } from './kuzu-driver';

export interface EntityInput {
  name: string;
  kind: EntityKind;
  namespace: string;
  aliases?: string[];
}

export interface RelationInput {
  fromId: string;
  toId: string;
  type: string;
  validFrom: number;
  sourceMemoryId: string;
  confidence: number;
}

export interface RelatedEntity {
  entity: Entity;
  relation: Relation;
}

/** How many related entities `getRelatedEntities` returns when not told. */
export const DEFAULT_RELATED_LIMIT = 50;

/** A relation named by its ends, so Kùzu finds it through the entity index instead of scanning every relation. */
// A type alias, not an interface: only aliases are assignable to Kùzu's parameter record type.
type RelationKey = { fromId: string; toId: string; id: string };

/**
 * Entities (people, projects, organizations, topics, places) and the relations between them, with
 * time validity and provenance: each relation lists the memories it was learned from. Nothing is
 * forgotten by a contradiction (a relation is marked invalid, and kept as history); relations go
 * only when every memory they came from is deleted.
 */
export class KnowledgeGraph {
  private constructor(
    private readonly driver: KuzuDriver,
    private readonly clock: Clock,
    private directory: EntityDirectory,
  ) {}

  /**
   * Opens the graph at `path`, creating it (and its folder) on first use, and brings its schema up to
   * date. Kùzu 0.11 keeps a graph in one file (plus `<path>.wal` while open), so `path` names that
   * file, e.g. `<data dir>/graph.kuzu`.
   */
  static async open(path: string, options: { clock?: Clock } = {}): Promise<KnowledgeGraph> {
    const absolute = resolve(path);
    await mkdir(dirname(absolute), { recursive: true });
    let driver: KuzuDriver;
    try {
      driver = await KuzuDriver.open(absolute);
    } catch (error) {
      throw new Error(`Could not open the knowledge graph at ${absolute}: ${openFailureHint(error)}`, { cause: error });
    }
    return KnowledgeGraph.over(driver, options);
  }

  /**
   * The graph on a driver the caller opened (the benchmark loads and queries through the same one).
   * Migrates it; the graph owns the driver from here and closes it, also when opening fails.
   */
  static async over(driver: KuzuDriver, options: { clock?: Clock } = {}): Promise<KnowledgeGraph> {
    const clock = options.clock ?? systemClock;
    try {
      await migrateGraph(driver, graphMigrations, () => clock.now(), `the knowledge graph at ${driver.path}`);
      return new KnowledgeGraph(driver, clock, await loadDirectory(driver));
    } catch (error) {
      await driver.close();
      throw error;
    }
  }

  /** Idempotent; waits for statements already started. */
  close(): Promise<void> {
    return this.driver.close();
  }

  /** Reads the entities again after a bulk load that went around this class (the benchmark's COPY FROM). */
  async reload(): Promise<void> {
    this.directory = await loadDirectory(this.driver);
  }

  /**
   * Returns the entity with the same name (or a matching alias) and kind, adding any new aliases to
   * it, or creates one. A name found as an alias of an existing entity keeps that entity's name.
   */
  async upsertEntity(input: EntityInput): Promise<Entity> {
    const name = input.name.replace(/\s+/g, ' ').trim();
    if (name === '') throw new Error('An entity needs a name.');
    const names = distinctByKey([name, ...(input.aliases ?? [])]);
    // Most names are known already: answered from memory, without a write transaction.
    const known = this.known(names, input.kind);
    if (known && names.every((n) => keysOf(known).includes(entityKey(n)))) return publicEntity(known);
    return this.write(async (tx) => {
      const existing = this.known(names, input.kind);
      if (existing) {
        const keys = new Set(keysOf(existing));
        const added = names.filter((n) => !keys.has(entityKey(n)));
        if (added.length === 0) return publicEntity(existing);
        const merged: StoredEntity = { ...existing, aliases: [...existing.aliases, ...added] };
        await tx.run(Q.SET_ALIASES, { id: merged.id, ...aliasParams(merged.aliases) });
        this.directory.put(merged);
        return publicEntity(merged);
      }
      const created: StoredEntity = {
        id: randomUUID(),
        name,
        kind: input.kind,
        aliases: names.slice(1),
        namespace: input.namespace,
        createdAt: this.clock.now(),
      };
      const { aliases, ...fields } = created;
      await tx.run(Q.CREATE_ENTITY, { ...fields, nameKey: entityKey(name), ...aliasParams(aliases) });
      this.directory.put(created);
      return publicEntity(created);
    });
  }

  /** The entity of that kind the names denote: same name first, then one with it as an alias, then any match. */
  private known(names: readonly string[], kind: EntityKind): StoredEntity | undefined {
    const nameKey = entityKey(names[0] ?? '');
    const matches = this.directory.withKeys(names.map(entityKey)).filter((e) => e.kind === kind);
    return matches.find((e) => entityKey(e.name) === nameKey) ?? matches.find((e) => keysOf(e).includes(nameKey)) ?? matches[0];
  }

  async entity(id: string): Promise<Entity | null> {
    return this.directory.entity(id);
  }

  /** Entities whose name or an alias matches one of `names` (case and spacing ignored), oldest first. */
  async findByNames(names: string[]): Promise<Entity[]> {
    return this.directory.withKeys(names.map(entityKey).filter((key) => key !== '')).map(publicEntity);
  }

  /** Exact names or aliases first, then prefixes, then names containing the query; an empty query lists the newest. */
  async searchEntities(query: string, limit: number): Promise<Entity[]> {
    const max = Math.floor(limit);
    if (!(max > 0)) return [];
    const q = entityKey(query);
    const ranked: Array<{ entity: StoredEntity; rank: number }> = [];
    for (const { entity, keys } of this.directory.entries()) {
      const rank = q === '' ? 0 : matchRank(keys, q);
      if (rank !== null) ranked.push({ entity, rank });
    }
    ranked.sort((a, b) => a.rank - b.rank || -oldestFirst(a.entity, b.entity));
    return ranked.slice(0, max).map((r) => publicEntity(r.entity));
  }

  /** Every name and alias key with its entity: what the memory layer looks for in text. */
  async entityNames(): Promise<Array<{ id: string; key: string }>> {
    return [...this.directory.entries()].flatMap(({ entity, keys }) => keys.map((key) => ({ id: entity.id, key })));
  }

  /**
   * Records that `fromId` relates to `toId`. If the same relation (same ends and type) currently
   * holds, it is reinforced instead: the memory joins its sources and the higher confidence wins.
   */
  async addRelation(input: RelationInput): Promise<Relation> {
    const checked = checkRelation(input);
    return this.write((tx) => this.relate(tx, checked));
  }

  /** `addRelation` for many relations in one transaction (one commit): how a batch of facts is linked. */
  async addRelations(inputs: readonly RelationInput[]): Promise<Relation[]> {
    if (inputs.length === 0) return [];
    const checked = inputs.map(checkRelation);
    return this.write(async (tx) => {
      const out: Relation[] = [];
      for (const input of checked) out.push(await this.relate(tx, input));
      return out;
    });
  }

  private async relate(tx: GraphSession, input: RelationInput): Promise<Relation> {
    const type = input.type;
    const ends = { from: input.fromId, to: input.toId };
    const [row] = await tx.run(Q.FIND_VALID_RELATION, { ...ends, type });
    if (row) {
      const current = toRelationRow(row);
      const sources = current.sources.includes(input.sourceMemoryId)
        ? current.sources
        : [...current.sources, input.sourceMemoryId];
      const confidence = Math.max(current.confidence, input.confidence);
      const [updated] = await tx.run(Q.REINFORCE_RELATION, {
        ...ends,
        id: current.id,
        sources: encodeSources(sources),
        confidence,
      });
      if (!updated) throw new Error(`Relation ${current.id} vanished while being reinforced.`);
      return this.relation(toRelationRow(updated));
    }
    const [created] = await tx.run(Q.CREATE_RELATION, {
      ...ends,
      id: randomUUID(),
      type,
      validFrom: input.validFrom,
      sources: encodeSources([input.sourceMemoryId]),
      confidence: input.confidence,
      createdAt: this.clock.now(),
    });
    if (!created) throw new Error(`Cannot relate ${input.fromId} to ${input.toId}: no such entity in the knowledge graph.`);
    return this.relation(toRelationRow(created));
  }

  /**
   * The memory `memoryId` no longer holds (contradicted or outdated) as of `at`. Every relation whose
   * sources are now all invalid is marked invalid at `at`; a relation another valid memory supports
   * stays valid. Nothing is removed. Returns how many relations became invalid.
   */
  async invalidateBySource(memoryId: string, at: number): Promise<number> {
    requireTimestamp('at', at);
    return this.write(async (tx) => {
      await tx.run(Q.MARK_SOURCE_INVALID, { memoryId, at });
      const relations = (await tx.run(Q.VALID_RELATIONS_WITH_SOURCE, { needle: sourceNeedle(memoryId) }))
        .map(toRelationRow)
        .filter((r) => r.sources.includes(memoryId));
      const invalid = await invalidSources(
        tx,
        relations.flatMap((r) => r.sources),
      );
      const ended = relations.filter((r) => r.sources.every((s) => invalid.has(s)));
      if (ended.length > 0) await tx.run(Q.SET_INVALID_AT, { rels: ended.map((r) => ({ ...keyOf(r), at })) });
      return ended.length;
    });
  }

  /**
   * Forgets the memories `memoryIds` (deleted or expired): they leave every relation's sources, and a
   * relation left with none is deleted. Then every entity with no relation left is deleted, except
   * those in `keepEntityIds` — pass every entity a surviving memory still mentions.
   */
  async removeSources(
    memoryIds: string[],
    keepEntityIds: ReadonlySet<string> = new Set(),
  ): Promise<{ relationsRemoved: number; entitiesRemoved: string[] }> {
    const ids = [...new Set(memoryIds)];
    if (ids.length === 0) return { relationsRemoved: 0, entitiesRemoved: [] };
    const forgotten = new Set(ids);
    return this.write(async (tx) => {
      // A relation learned from two of the memories is found twice.
      const touched = new Map<string, RelationRow>();
      for (const row of await tx.run(Q.RELATIONS_WITH_SOURCES, { needles: ids.map(sourceNeedle) })) {
        const relation = toRelationRow(row);
        if (!relation.sources.some((s) => forgotten.has(s))) continue;
        touched.set(relation.id, { ...relation, sources: relation.sources.filter((s) => !forgotten.has(s)) });
      }
      const emptied = [...touched.values()].filter((r) => r.sources.length === 0);
      const kept = [...touched.values()].filter((r) => r.sources.length > 0);
      if (emptied.length > 0) await tx.run(Q.DELETE_RELATIONS, { rels: emptied.map(keyOf) });
      if (kept.length > 0) {
        await tx.run(Q.SET_SOURCES, { rels: kept.map((r) => ({ ...keyOf(r), sources: encodeSources(r.sources) })) });
      }
      await endRelationsWithOnlyInvalidSources(
        tx,
        kept.filter((r) => r.invalidAt === null),
      );
      await tx.run(Q.FORGET_INVALID_SOURCES, { memoryIds: ids });

      const unrelated = (await tx.run(Q.UNRELATED_ENTITIES)).map((row) => text(row, 'id'));
      const entitiesRemoved = unrelated.filter((id) => !keepEntityIds.has(id));
      if (entitiesRemoved.length > 0) await tx.run(Q.DELETE_ENTITIES, { ids: entitiesRemoved });
      for (const id of entitiesRemoved) this.directory.remove(id);
      return { relationsRemoved: emptied.length, entitiesRemoved };
    });
  }

  /**
   * Entities related to `entityId` in either direction with the relation that links them, newest
   * first. The hot path of graph-expanded search: one prepared query over relation columns, the
   * other ends filled in from memory.
   */
  async getRelatedEntities(
    entityId: string,
    options: { includeInvalid?: boolean; limit?: number } = {},
  ): Promise<RelatedEntity[]> {
    const max = Math.floor(options.limit ?? DEFAULT_RELATED_LIMIT);
    if (!(max > 0)) return [];
    const rows = await this.driver.run(Q.RELATED_ENTITIES, { id: entityId, withInvalid: options.includeInvalid ?? false, max });
    return rows.map((row) => {
      const relation = this.relation(toRelationRow(row));
      const other = relation.from.id === entityId ? relation.to.id : relation.from.id;
      const entity = this.directory.entity(other);
      if (!entity) throw new Error(`The knowledge graph has a relation to a missing entity ${other}.`);
      return { entity, relation };
    });
  }

  /** Relations touching any of `entityIds`, each once, oldest first (by validFrom). */
  async relationsOf(entityIds: string[], options: { includeInvalid?: boolean } = {}): Promise<Relation[]> {
    const ids = [...new Set(entityIds)];
    if (ids.length === 0) return [];
    const rows = await this.driver.run(Q.RELATIONS_OF, { ids, withInvalid: options.includeInvalid ?? false });
    const byId = new Map(rows.map((row) => [text(row, 'id'), row]));
    return [...byId.values()]
      .map(toRelationRow)
      .sort((a, b) => a.validFrom - b.validFrom || a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map((r) => this.relation(r));
  }

  /** Deletes the entity and every relation touching it. */
  async deleteEntity(id: string): Promise<void> {
    await this.write(async (tx) => {
      await tx.run(Q.DELETE_ENTITY, { id });
      this.directory.remove(id);
    });
  }

  async counts(): Promise<{ entities: number; relations: number }> {
    const [entities] = await this.driver.run(Q.COUNT_ENTITIES);
    const [relations] = await this.driver.run(Q.COUNT_RELATIONS);
    if (!entities || !relations) throw new Error('The knowledge graph did not count its contents.');
    return { entities: int(entities, 'n'), relations: int(relations, 'n') };
  }

  private relation(row: RelationRow): Relation {
    return {
      id: row.id,
      from: this.directory.ref(row.fromId),
      to: this.directory.ref(row.toId),
      type: row.type,
      validFrom: row.validFrom,
      invalidAt: row.invalidAt,
      sourceMemoryId: row.sources[0] ?? null,
      confidence: row.confidence,
    };
  }

  /**
   * One transaction. The directory is changed inside it after the statements that change the file,
   * so it can only be ahead of the file if the commit itself fails: then it is read again.
   */
  private async write<T>(work: (tx: GraphSession) => Promise<T>): Promise<T> {
    try {
      return await this.driver.transaction(work);
    } catch (error) {
      this.directory = await loadDirectory(this.driver).catch(() => this.directory);
      throw error;
    }
  }
}

async function loadDirectory(session: GraphSession): Promise<EntityDirectory> {
  return new EntityDirectory((await session.run(Q.ALL_ENTITIES)).map(toStoredEntity));
}

/** A relation whose remaining sources were all invalidated ends when the last of them did. */
async function endRelationsWithOnlyInvalidSources(tx: GraphSession, relations: RelationRow[]): Promise<void> {
  const invalid = await invalidSources(
    tx,
    relations.flatMap((r) => r.sources),
  );
  const ended = relations
    .filter((r) => r.sources.every((s) => invalid.has(s)))
    .map((r) => ({ ...keyOf(r), at: Math.max(...r.sources.map((s) => invalid.get(s) ?? 0)) }));
  if (ended.length > 0) await tx.run(Q.SET_INVALID_AT, { rels: ended });
}

/** When each of `memoryIds` that was invalidated became invalid. */
async function invalidSources(tx: GraphSession, memoryIds: string[]): Promise<Map<string, number>> {
  const ids = [...new Set(memoryIds)];
  if (ids.length === 0) return new Map();
  const rows = await tx.run(Q.INVALID_SOURCES, { memoryIds: ids });
  return new Map(rows.map((row) => [text(row, 'memoryId'), int(row, 'at')]));
}

/** 0 exact name or alias, 1 prefix, 2 anywhere, null no match. */
function matchRank(keys: readonly string[], q: string): number | null {
  if (keys.includes(q)) return 0;
  if (keys.some((key) => key.startsWith(q))) return 1;
  if (keys.some((key) => key.includes(q))) return 2;
  return null;
}

/** Kùzu cannot take an empty list as a parameter (see the driver), so no aliases is written as null. */
function aliasParams(aliases: readonly string[]) {
  return aliases.length > 0 ? { aliases: [...aliases], aliasKeys: aliases.map(entityKey) } : { aliases: null, aliasKeys: null };
}

/** Trimmed, single-spaced names, the first of each key kept. */
function distinctByKey(names: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of names) {
    const name = raw.replace(/\s+/g, ' ').trim();
    const key = entityKey(name);
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(name);
  }
  return out;
}

/** Relation types are lowercase words joined by `_` (`works_on`), so "Works on" reinforces `works_on`. */
function relationType(raw: string): string {
  const type = raw
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '_')
    .replace(/^_+|_+$/g, '');
  if (type === '') throw new Error(`"${raw}" is not a relation type.`);
  return type;
}

/** The input with its type normalised, or a readable error for a relation that cannot be stored. */
function checkRelation(input: RelationInput): RelationInput {
  const type = relationType(input.type);
  if (input.fromId === input.toId) throw new Error('A relation needs two different entities.');
  requireTimestamp('validFrom', input.validFrom);
  if (!Number.isFinite(input.confidence)) throw new Error(`confidence must be a number, not ${input.confidence}.`);
  return { ...input, type };
}

/** Kùzu silently truncates a fractional number written to an INT64 property. */
function requireTimestamp(name: string, value: number): void {
  if (!Number.isSafeInteger(value)) throw new Error(`${name} must be a whole number of milliseconds, not ${value}.`);
}

function keyOf({ fromId, toId, id }: RelationKey): RelationKey {
  return { fromId, toId, id };
}

function openFailureHint(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/lock/i.test(message)) return `${message} Another program (perhaps another Izzie) is using it; close it and try again.`;
  if (/not a valid|corrupt|invalid/i.test(message)) {
    return `${message} The file is damaged or is not a knowledge graph; move it aside and Izzie will start a new one.`;
  }
  return message;
}
