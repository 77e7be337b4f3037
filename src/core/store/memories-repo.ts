import type { EntityKind, EntityRef, MemoryKind, MemorySource, PersonaId, SourceType } from '../../shared';
import type { Db } from './database';
import { StatementCache } from './statement-cache';

export interface StoredMemory {
  readonly seq: number;
  readonly id: string;
  readonly namespace: string;
  readonly kind: MemoryKind;
  readonly content: string;
  readonly persona: PersonaId | null;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly learnedAt: number;
  readonly validFrom: number;
  readonly invalidAt: number | null;
  readonly supersededBy: string | null;
  readonly confidence: number;
  readonly reinforcements: number;
  readonly embeddedWith: string | null;
  readonly sources: readonly MemorySource[];
  readonly entities: readonly EntityRef[];
}

export interface NewMemory {
  readonly id: string;
  readonly namespace: string;
  readonly kind: MemoryKind;
  readonly content: string;
  readonly contentKey: string;
  readonly persona: PersonaId | null;
  readonly at: number;
  readonly validFrom: number;
  readonly confidence: number;
  readonly source: MemorySource;
}

export interface ListQuery {
  readonly namespaces: readonly string[] | null;
  readonly includeInvalid: boolean;
  readonly offset: number;
  readonly limit: number;
}

interface MemoryRow {
  seq: number;
  id: string;
  namespace: string;
  kind: MemoryKind;
  content: string;
  persona: PersonaId | null;
  created_at: number;
  updated_at: number;
  learned_at: number;
  valid_from: number;
  invalid_at: number | null;
  superseded_by: string | null;
  confidence: number;
  reinforcements: number;
  embedded_with: string | null;
}

interface SourceRow {
  memory_seq: number;
  source_type: SourceType;
  source_id: string;
  parent_id: string | null;
  label: string | null;
  at: number;
}

interface EntityRow {
  memory_seq: number;
  entity_id: string;
  name: string;
  kind: EntityKind;
}

/** Rows per `IN (…)` list: SQLite allows many more, but short lists keep statements cacheable. */
const CHUNK = 500;

/** Memories, their provenance and the entities they mention (the SQL side of memory). */
export class MemoriesRepo {
  private readonly sql: StatementCache;

  constructor(private readonly db: Db) {
    this.sql = new StatementCache(db);
  }

  insert(memory: NewMemory): number {
    return this.db.transaction(() => {
      const { lastInsertRowid } = this.sql
        .get(
          `INSERT INTO memories (id, namespace, kind, content, content_key, persona, created_at, updated_at, learned_at,
             valid_from, confidence)
           VALUES (@id, @namespace, @kind, @content, @contentKey, @persona, @at, @at, @at, @validFrom, @confidence)`,
        )
        .run({ ...memory });
      const seq = Number(lastInsertRowid);
      this.addSource(seq, memory.source);
      return seq;
    })();
  }

  addSource(seq: number, source: MemorySource): void {
    this.sql
      .get(
        `INSERT OR IGNORE INTO memory_sources (memory_seq, source_type, source_id, parent_id, label, at)
         VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(seq, source.type, source.id, source.parentId, source.label, source.at);
  }

  /** The same fact was learned again: one more reinforcement, the newer source, a fresh retention clock. */
  reinforce(seq: number, source: MemorySource, confidence: number, at: number): void {
    this.db.transaction(() => {
      this.sql
        .get(
          `UPDATE memories SET reinforcements = reinforcements + 1, learned_at = @at, updated_at = @at,
             confidence = max(confidence, @confidence) WHERE seq = @seq`,
        )
        .run({ seq, at, confidence });
      this.addSource(seq, source);
    })();
  }

  invalidate(seq: number, at: number, supersededBy: string | null): void {
    this.sql
      .get('UPDATE memories SET invalid_at = ?, superseded_by = ?, updated_at = ? WHERE seq = ? AND invalid_at IS NULL')
      .run(at, supersededBy, at, seq);
  }

  updateContent(seq: number, content: string, contentKey: string, at: number): void {
    this.sql
      .get('UPDATE memories SET content = ?, content_key = ?, updated_at = ?, embedded_with = NULL WHERE seq = ?')
      .run(content, contentKey, at, seq);
  }

  markEmbedded(seqs: readonly number[], spaceId: string): void {
    const statement = this.sql.get('UPDATE memories SET embedded_with = ? WHERE seq = ?');
    this.db.transaction(() => {
      for (const seq of seqs) statement.run(spaceId, seq);
    })();
  }

  /** After a cancelled re-index: memories moved to the abandoned space go back to the one that kept their vectors. */
  reassignEmbedded(fromSpaceId: string, toSpaceId: string | null): void {
    this.sql.get('UPDATE memories SET embedded_with = ? WHERE embedded_with = ?').run(toSpaceId, fromSpaceId);
  }

  /** Memories that never got a vector (the embedder failed, or switched while they were stored). */
  unembedded(limit: number): { seq: number; content: string; namespace: string; invalid: boolean }[] {
    return (
      this.sql
        .get('SELECT seq, content, namespace, invalid_at FROM memories WHERE embedded_with IS NULL ORDER BY seq LIMIT ?')
        .all(limit) as { seq: number; content: string; namespace: string; invalid_at: number | null }[]
    ).map((r) => ({ seq: r.seq, content: r.content, namespace: r.namespace, invalid: r.invalid_at !== null }));
  }

  seqOf(id: string): number | null {
    const row = this.sql.get('SELECT seq FROM memories WHERE id = ?').get(id) as { seq: number } | undefined;
    return row?.seq ?? null;
  }

  byKey(namespace: string, contentKey: string): number | null {
    const row = this.sql
      .get('SELECT seq FROM memories WHERE namespace = ? AND content_key = ? AND invalid_at IS NULL LIMIT 1')
      .get(namespace, contentKey) as { seq: number } | undefined;
    return row?.seq ?? null;
  }

  get(seq: number): StoredMemory | null {
    return this.many([seq])[0] ?? null;
  }

  /** Memories in the order of `seqs` (missing ones skipped), with sources and entities. */
  many(seqs: readonly number[]): StoredMemory[] {
    if (seqs.length === 0) return [];
    const rows = new Map<number, MemoryRow>();
    const sources = new Map<number, MemorySource[]>();
    const entities = new Map<number, EntityRef[]>();
    for (const chunk of chunks(seqs)) {
      const list = placeholders(chunk.length);
      for (const row of this.sql.get(`SELECT * FROM memories WHERE seq IN (${list})`).all(...chunk) as MemoryRow[]) {
        rows.set(row.seq, row);
      }
      const sourceRows = this.sql
        .get(`SELECT * FROM memory_sources WHERE memory_seq IN (${list}) ORDER BY at, source_id`)
        .all(...chunk) as SourceRow[];
      for (const s of sourceRows) {
        push(sources, s.memory_seq, { type: s.source_type, id: s.source_id, parentId: s.parent_id, label: s.label, at: s.at });
      }
      const entityRows = this.sql
        .get(`SELECT * FROM memory_entities WHERE memory_seq IN (${list}) ORDER BY name`)
        .all(...chunk) as EntityRow[];
      for (const e of entityRows) push(entities, e.memory_seq, { id: e.entity_id, name: e.name, kind: e.kind });
    }
    const out: StoredMemory[] = [];
    for (const seq of seqs) {
      const row = rows.get(seq);
      if (row) out.push(fromRow(row, sources.get(seq) ?? [], entities.get(seq) ?? []));
    }
    return out;
  }

  list(query: ListQuery): { seqs: number[]; total: number } {
    const where: string[] = [];
    const params: unknown[] = [];
    if (query.namespaces) {
      where.push(`namespace IN (${placeholders(query.namespaces.length)})`);
      params.push(...query.namespaces);
    }
    if (!query.includeInvalid) where.push('invalid_at IS NULL');
    const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const total = (this.sql.get(`SELECT count(*) AS n FROM memories ${clause}`).get(...params) as { n: number }).n;
    const seqs = (
      this.sql
        .get(`SELECT seq FROM memories ${clause} ORDER BY updated_at DESC, seq DESC LIMIT ? OFFSET ?`)
        .all(...params, query.limit, query.offset) as { seq: number }[]
    ).map((r) => r.seq);
    return { seqs, total };
  }

  /** Memories that mention an entity, the most recently learned first. */
  mentioning(entityId: string, limit: number): number[] {
    return (
      this.sql
        .get(
          `SELECT m.seq FROM memory_entities e JOIN memories m ON m.seq = e.memory_seq
           WHERE e.entity_id = ? ORDER BY e.memory_seq DESC LIMIT ?`,
        )
        .all(entityId, limit) as { seq: number }[]
    ).map((r) => r.seq);
  }

  /** Of these memory ids, the ones stored in one of these namespaces. */
  idsInNamespaces(ids: readonly string[], namespaces: readonly string[]): string[] {
    if (ids.length === 0 || namespaces.length === 0) return [];
    const out: string[] = [];
    for (const chunk of chunks(ids)) {
      const rows = this.sql
        .get(
          // `+namespace`: look the ids up by their unique index; without statistics SQLite would
          // rather scan whole namespaces (measured: seconds at 100k memories).
          `SELECT id FROM memories WHERE id IN (${placeholders(chunk.length)}) AND +namespace IN (${placeholders(namespaces.length)})`,
        )
        .all(...chunk, ...namespaces) as { id: string }[];
      out.push(...rows.map((r) => r.id));
    }
    return out;
  }

  linkEntities(seq: number, entities: readonly EntityRef[]): void {
    const statement = this.sql.get(
      'INSERT OR IGNORE INTO memory_entities (memory_seq, entity_id, name, kind) VALUES (?, ?, ?, ?)',
    );
    this.db.transaction(() => {
      for (const e of entities) statement.run(seq, e.id, e.name, e.kind);
    })();
  }

  /** Of these entities, the ones some memory still mentions. */
  stillMentioned(entityIds: readonly string[]): Set<string> {
    const out = new Set<string>();
    for (const chunk of chunks(entityIds)) {
      const rows = this.sql
        .get(`SELECT DISTINCT entity_id FROM memory_entities WHERE entity_id IN (${placeholders(chunk.length)})`)
        .all(...chunk) as { entity_id: string }[];
      for (const row of rows) out.add(row.entity_id);
    }
    return out;
  }

  entitiesOf(seqs: readonly number[]): string[] {
    const out = new Set<string>();
    for (const chunk of chunks(seqs)) {
      const rows = this.sql
        .get(`SELECT entity_id FROM memory_entities WHERE memory_seq IN (${placeholders(chunk.length)})`)
        .all(...chunk) as { entity_id: string }[];
      for (const row of rows) out.add(row.entity_id);
    }
    return [...out];
  }

  /**
   * Removes a source (a message, an email) from every memory learned from it, and answers the memories
   * it was the last source of: those are derived only from it and must go too.
   */
  releaseSource(type: SourceType, ids: readonly string[], byParent: boolean): number[] {
    const column = byParent ? 'parent_id' : 'source_id';
    return this.db.transaction(() => {
      const touched = new Set<number>();
      for (const chunk of chunks(ids)) {
        const list = placeholders(chunk.length);
        const rows = this.sql
          .get(`SELECT memory_seq FROM memory_sources WHERE source_type = ? AND ${column} IN (${list})`)
          .all(type, ...chunk) as { memory_seq: number }[];
        for (const row of rows) touched.add(row.memory_seq);
        this.sql.get(`DELETE FROM memory_sources WHERE source_type = ? AND ${column} IN (${list})`).run(type, ...chunk);
      }
      const orphans: number[] = [];
      const remaining = this.sql.get('SELECT 1 FROM memory_sources WHERE memory_seq = ? LIMIT 1');
      for (const seq of touched) if (!remaining.get(seq)) orphans.push(seq);
      return orphans;
    })();
  }

  /** Deletes memories (their sources and entity links cascade; the FTS row goes by trigger). Answers their ids. */
  delete(seqs: readonly number[]): string[] {
    const ids: string[] = [];
    this.db.transaction(() => {
      for (const chunk of chunks(seqs)) {
        const list = placeholders(chunk.length);
        const rows = this.sql.get(`SELECT id FROM memories WHERE seq IN (${list})`).all(...chunk) as { id: string }[];
        ids.push(...rows.map((r) => r.id));
        this.sql.get(`DELETE FROM memories WHERE seq IN (${list})`).run(...chunk);
      }
    })();
    return ids;
  }

  /** Memories learned longer ago than their namespace keeps them. */
  expired(now: number): number[] {
    return (
      this.sql
        .get(
          `SELECT m.seq FROM memories m JOIN memory_namespaces n ON n.namespace = m.namespace
           WHERE n.retention_days IS NOT NULL AND m.learned_at < ? - n.retention_days * 86400000`,
        )
        .all(now) as { seq: number }[]
    ).map((r) => r.seq);
  }

  /** Every memory not yet embedded in `spaceId`, oldest first. */
  notEmbeddedIn(spaceId: string, limit: number): { seq: number; content: string }[] {
    return this.sql
      .get('SELECT seq, content FROM memories WHERE embedded_with IS NOT ? ORDER BY seq LIMIT ?')
      .all(spaceId, limit) as { seq: number; content: string }[];
  }

  countNotEmbeddedIn(spaceId: string): number {
    return (this.sql.get('SELECT count(*) AS n FROM memories WHERE embedded_with IS NOT ?').get(spaceId) as { n: number }).n;
  }

  count(): number {
    return (this.sql.get('SELECT count(*) AS n FROM memories').get() as { n: number }).n;
  }

  /**
   * FTS5's own check that the keyword index matches the memories table exactly (no row left behind by
   * a delete, none missing); throws SQLITE_CORRUPT_VTAB otherwise. Tests and the benchmark use it.
   */
  checkKeywordIndex(): void {
    this.sql.get("INSERT INTO memories_fts (memories_fts, rank) VALUES ('integrity-check', 1)").run();
  }
}

function fromRow(row: MemoryRow, sources: readonly MemorySource[], entities: readonly EntityRef[]): StoredMemory {
  return {
    seq: row.seq,
    id: row.id,
    namespace: row.namespace,
    kind: row.kind,
    content: row.content,
    persona: row.persona,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    learnedAt: row.learned_at,
    validFrom: row.valid_from,
    invalidAt: row.invalid_at,
    supersededBy: row.superseded_by,
    confidence: row.confidence,
    reinforcements: row.reinforcements,
    embeddedWith: row.embedded_with,
    sources,
    entities,
  };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function placeholders(n: number): string {
  return Array.from({ length: n }, () => '?').join(', ');
}

export function* chunks<T>(items: readonly T[]): Generator<T[]> {
  for (let i = 0; i < items.length; i += CHUNK) yield items.slice(i, i + CHUNK);
}
