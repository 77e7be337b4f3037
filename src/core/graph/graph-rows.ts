import { EntityKind } from '../../shared';
import type { StoredEntity } from './entity-directory';
import type { GraphRow, GraphValue } from './kuzu-driver';

/**
 * Turns Kùzu rows into typed records. Rows are narrowed field by field rather than parsed with zod:
 * this runs on the hot path (`getRelatedEntities`), and a wrong type here means the schema and the
 * code disagree, which deserves a loud error rather than a validation report.
 */

/** Lowercase, single-spaced: how entity names and aliases are matched (the same rule as the memory layer's spotter). */
export function entityKey(name: string): string {
  return name.toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The columns `toStoredEntity` reads, from node variable `e`. */
export const ENTITY_COLUMNS =
  'e.id AS id, e.name AS name, e.kind AS kind, e.aliases AS aliases, e.namespace AS namespace, e.createdAt AS createdAt';

/** The columns `toRelationRow` reads, from relation variable `r`. */
export const RELATION_COLUMNS =
  'r.id AS id, r.fromId AS fromId, r.toId AS toId, r.type AS type, r.validFrom AS validFrom, r.invalidAt AS invalidAt, ' +
  'r.sources AS sources, r.confidence AS confidence, r.createdAt AS createdAt';

export interface RelationRow {
  id: string;
  fromId: string;
  toId: string;
  type: string;
  validFrom: number;
  invalidAt: number | null;
  /** The memories it was learned from, oldest first. */
  sources: string[];
  confidence: number;
  createdAt: number;
}

export function toStoredEntity(row: GraphRow): StoredEntity {
  return {
    id: text(row, 'id'),
    name: text(row, 'name'),
    kind: kind(row, 'kind'),
    aliases: texts(row, 'aliases'),
    namespace: text(row, 'namespace'),
    createdAt: int(row, 'createdAt'),
  };
}

export function toRelationRow(row: GraphRow): RelationRow {
  return {
    id: text(row, 'id'),
    fromId: text(row, 'fromId'),
    toId: text(row, 'toId'),
    type: text(row, 'type'),
    validFrom: int(row, 'validFrom'),
    invalidAt: row.invalidAt === null ? null : int(row, 'invalidAt'),
    sources: sourceList(row),
    confidence: num(row, 'confidence'),
    createdAt: int(row, 'createdAt'),
  };
}

/** A relation's sources are stored as a JSON array (see migrations/graph/0002_relations.cypher). */
export function encodeSources(memoryIds: readonly string[]): string {
  return JSON.stringify(memoryIds);
}

/**
 * What `r.sources CONTAINS …` looks for to find relations learned from `memoryId`. Inside the JSON
 * array every quote of an id is escaped, so the quoted id only occurs as a whole element; callers
 * still check the parsed list, which is the exact answer.
 */
export function sourceNeedle(memoryId: string): string {
  return JSON.stringify(memoryId);
}

function sourceList(row: GraphRow): string[] {
  const stored = text(row, 'sources');
  const value: unknown = JSON.parse(stored);
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value as string[];
  return unexpected('sources', stored);
}

const KINDS: ReadonlySet<string> = new Set(EntityKind.options);

function kind(row: GraphRow, column: string): EntityKind {
  const value = row[column];
  if (typeof value === 'string' && KINDS.has(value)) return value as EntityKind;
  return unexpected(column, value);
}

export function text(row: GraphRow, column: string): string {
  const value = row[column];
  return typeof value === 'string' ? value : unexpected(column, value);
}

/** Kùzu stores an empty list as null (its Node binding sends `[]` as NULL), so null reads back as []. */
export function texts(row: GraphRow, column: string): string[] {
  const value = row[column];
  if (value === null || value === undefined) return [];
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value as string[];
  return unexpected(column, value);
}

export function int(row: GraphRow, column: string): number {
  const value = row[column];
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  return unexpected(column, value);
}

function num(row: GraphRow, column: string): number {
  const value = row[column];
  return typeof value === 'number' ? value : unexpected(column, value);
}

function unexpected(column: string, value: GraphValue | undefined): never {
  throw new Error(`The knowledge graph returned an unexpected ${column}: ${String(value)}`);
}
