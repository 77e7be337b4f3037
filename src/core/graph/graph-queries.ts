import { ENTITY_COLUMNS, RELATION_COLUMNS } from './graph-rows';

/**
 * The knowledge graph's Cypher, in one place; each string is prepared once per connection.
 * Entities are looked up by name in memory (EntityDirectory), so these touch entities only by
 * primary key, and relation queries read relation columns only.
 *
 * Kùzu limits that shaped them: a lambda (`list_filter(l, x -> …)`) that refers to a parameter or
 * an outer variable crashes the process, so edits to lists are computed in JS and written back; and
 * `START_NODE(r)` is wrong in an undirected match, so a relation's direction is read from its
 * `fromId`/`toId`.
 */

export const ALL_ENTITIES = `MATCH (e:Entity) RETURN ${ENTITY_COLUMNS}`;

export const CREATE_ENTITY = `CREATE (e:Entity {id: $id, name: $name, nameKey: $nameKey, kind: $kind, aliases: $aliases,
  aliasKeys: $aliasKeys, namespace: $namespace, createdAt: $createdAt})`;

export const SET_ALIASES = 'MATCH (e:Entity {id: $id}) SET e.aliases = $aliases, e.aliasKeys = $aliasKeys';

export const DELETE_ENTITY = 'MATCH (e:Entity {id: $id}) DETACH DELETE e';

export const DELETE_ENTITIES = 'UNWIND $ids AS x MATCH (e:Entity {id: x}) DELETE e';

export const UNRELATED_ENTITIES = 'MATCH (e:Entity) WHERE NOT EXISTS { MATCH (e)-[:RELATES]-(:Entity) } RETURN e.id AS id';

export const COUNT_ENTITIES = 'MATCH (e:Entity) RETURN count(e) AS n';

export const COUNT_RELATIONS = 'MATCH ()-[r:RELATES]->() RETURN count(r) AS n';

export const FIND_VALID_RELATION = `MATCH (:Entity {id: $from})-[r:RELATES]->(:Entity {id: $to})
  WHERE r.type = $type AND r.invalidAt IS NULL RETURN ${RELATION_COLUMNS} ORDER BY validFrom, id LIMIT 1`;

export const CREATE_RELATION = `MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
  CREATE (a)-[r:RELATES {id: $id, fromId: $from, toId: $to, type: $type, validFrom: $validFrom, invalidAt: NULL,
    sources: $sources, confidence: $confidence, createdAt: $createdAt}]->(b)
  RETURN ${RELATION_COLUMNS}`;

export const REINFORCE_RELATION = `MATCH (:Entity {id: $from})-[r:RELATES]->(:Entity {id: $to}) WHERE r.id = $id
  SET r.sources = $sources, r.confidence = $confidence RETURN ${RELATION_COLUMNS}`;

/** `$rels` is a list of {fromId, toId, id}: the ends make each lookup an index hit, not a scan of every relation. */
const EACH_RELATION = 'UNWIND $rels AS u MATCH (:Entity {id: u.fromId})-[r:RELATES]->(:Entity {id: u.toId}) WHERE r.id = u.id';

export const SET_INVALID_AT = `${EACH_RELATION} SET r.invalidAt = u.at`;

export const SET_SOURCES = `${EACH_RELATION} SET r.sources = u.sources`;

export const DELETE_RELATIONS = `${EACH_RELATION} DELETE r`;

/** `$needle` and `$needles` come from `sourceNeedle`: a candidate filter, confirmed on the parsed sources. */
export const VALID_RELATIONS_WITH_SOURCE = `MATCH ()-[r:RELATES]->()
  WHERE r.invalidAt IS NULL AND r.sources CONTAINS $needle RETURN ${RELATION_COLUMNS}`;

export const RELATIONS_WITH_SOURCES = `UNWIND $needles AS m MATCH ()-[r:RELATES]->()
  WHERE r.sources CONTAINS m RETURN ${RELATION_COLUMNS}`;

export const MARK_SOURCE_INVALID = 'MERGE (x:InvalidSource {memoryId: $memoryId}) ON CREATE SET x.invalidAt = $at';

export const INVALID_SOURCES =
  'UNWIND $memoryIds AS m MATCH (x:InvalidSource {memoryId: m}) RETURN x.memoryId AS memoryId, x.invalidAt AS at';

export const FORGET_INVALID_SOURCES = 'UNWIND $memoryIds AS m MATCH (x:InvalidSource {memoryId: m}) DELETE x';

/** The hot path: the entity by primary key, then its relations both ways, newest first. */
export const RELATED_ENTITIES = `MATCH (:Entity {id: $id})-[r:RELATES]-(:Entity) WHERE $withInvalid OR r.invalidAt IS NULL
  RETURN ${RELATION_COLUMNS} ORDER BY validFrom DESC, id LIMIT $max`;

/**
 * A relation between two of the entities appears twice; the caller keeps one. `IN $ids` scans the
 * entity ids once (≈12 ms for 10 ids at 10k entities / 100k relations); `UNWIND $ids … {id: x}`
 * looked simpler but took ≈110 ms.
 */
export const RELATIONS_OF = `MATCH (e:Entity)-[r:RELATES]-(:Entity)
  WHERE e.id IN $ids AND ($withInvalid OR r.invalidAt IS NULL) RETURN ${RELATION_COLUMNS}`;
