import type { Entity, EntityKind, EntityRef } from '../../shared';
import { entityKey } from './graph-rows';

export interface StoredEntity {
  readonly id: string;
  readonly name: string;
  readonly kind: EntityKind;
  readonly aliases: readonly string[];
  readonly namespace: string;
  readonly createdAt: number;
}

/**
 * Every entity, in memory, indexed by id and by name/alias key. Kùzu has no secondary indexes and
 * reads a neighbour's properties by scanning the whole node table (≈2 ms at 10k entities, growing
 * with the graph), so relation queries return only relation columns and their ends are filled in
 * from here. The graph file stays the source of truth: this is loaded from it on open, changed only
 * inside the write transaction that changes the file (a reader may see a change a moment before its
 * commit), and reloaded if such a transaction fails.
 */
export class EntityDirectory {
  private readonly byId = new Map<string, DirectoryEntry>();
  private readonly byKey = new Map<string, Set<string>>();

  constructor(entities: Iterable<StoredEntity> = []) {
    for (const entity of entities) this.put(entity);
  }

  /** The entity as the contract shows it: a fresh object the caller may change. */
  entity(id: string): Entity | null {
    const entry = this.byId.get(id);
    return entry ? publicEntity(entry.entity) : null;
  }

  ref(id: string): EntityRef {
    const entry = this.byId.get(id);
    if (!entry) throw new Error(`The knowledge graph has a relation to a missing entity ${id}.`);
    return { id, name: entry.entity.name, kind: entry.entity.kind };
  }

  /** Entities whose name or an alias has one of `keys`, oldest first. */
  withKeys(keys: Iterable<string>): StoredEntity[] {
    const found = new Set<StoredEntity>();
    for (const key of keys) {
      for (const id of this.byKey.get(key) ?? []) {
        const entry = this.byId.get(id);
        if (entry) found.add(entry.entity);
      }
    }
    return [...found].sort(oldestFirst);
  }

  /** Every entity with its name and alias keys. */
  entries(): IterableIterator<DirectoryEntry> {
    return this.byId.values();
  }

  put(entity: StoredEntity): void {
    this.remove(entity.id);
    // A private copy, handed out only as copies (publicEntity, ref). Not frozen: reading frozen
    // objects and arrays doubled the hot path's mapping time.
    const entry: DirectoryEntry = { entity: { ...entity, aliases: [...entity.aliases] }, keys: keysOf(entity) };
    this.byId.set(entity.id, entry);
    for (const key of entry.keys) {
      let ids = this.byKey.get(key);
      if (!ids) this.byKey.set(key, (ids = new Set()));
      ids.add(entity.id);
    }
  }

  remove(id: string): void {
    const entry = this.byId.get(id);
    if (!entry) return;
    this.byId.delete(id);
    for (const key of entry.keys) {
      const ids = this.byKey.get(key);
      ids?.delete(id);
      if (ids?.size === 0) this.byKey.delete(key);
    }
  }
}

export interface DirectoryEntry {
  readonly entity: StoredEntity;
  /** The name's key first, then each alias's. */
  readonly keys: readonly string[];
}

/** The name's key first, then each alias's. */
export function keysOf(entity: Pick<StoredEntity, 'name' | 'aliases'>): string[] {
  return [...new Set([entity.name, ...entity.aliases].map(entityKey))];
}

export function publicEntity(entity: StoredEntity): Entity {
  return { id: entity.id, name: entity.name, kind: entity.kind, aliases: [...entity.aliases], namespace: entity.namespace };
}

export function oldestFirst(a: StoredEntity, b: StoredEntity): number {
  return a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
