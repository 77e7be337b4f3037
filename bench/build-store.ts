import { randomUUID } from 'node:crypto';
import type { EntityRef } from '../src/shared';
import type { KnowledgeGraph, RelationInput } from '../src/core/graph/knowledge-graph';
import { spaceId } from '../src/core/memory/embedding-spaces';
import { LOCAL_EMBEDDER_INFO } from '../src/core/memory/embedding/local-embedder';
import type { MemoryService } from '../src/core/memory/memory-service';
import { contentKey } from '../src/core/memory/content-key';
import type { Db } from '../src/core/store/database';
import type { CorpusItem } from './corpus';

/** Where the benchmark's memories live: most at work, some personal, some shared preferences. */
export const namespaceOf = (i: number): string => (i % 20 < 12 ? 'work' : i % 20 < 17 ? 'personal' : 'preferences');

/**
 * Fills a memory store directly (extraction and embedding are measured elsewhere): memories with
 * their FTS rows, vectors in the active sqlite-vec space, entities in the graph and their links, and
 * graph relations for the first `withRelations` memories.
 */
export async function buildStore(
  target: { db: Db; graph: KnowledgeGraph; memory: MemoryService },
  items: readonly CorpusItem[],
  vectors: readonly Float32Array[],
  withRelations: number,
): Promise<void> {
  const { db, graph, memory } = target;
  const now = Date.now();
  const space = memory.vectors.create(
    { id: spaceId(LOCAL_EMBEDDER_INFO), kind: 'local', model: LOCAL_EMBEDDER_INFO.model, dimension: 512 },
    'active',
    now,
  );
  const refs = new Map<string, EntityRef>();
  for (const item of items) {
    for (const e of item.entities) {
      if (refs.has(e.name)) continue;
      const entity = await graph.upsertEntity({ name: e.name, kind: e.kind, namespace: 'entities', aliases: [...e.aliases] });
      refs.set(e.name, { id: entity.id, name: entity.name, kind: entity.kind });
    }
  }
  const ids: string[] = [];
  const seqs: number[] = [];
  db.transaction(() => {
    items.forEach((item, i) => {
      const id = randomUUID();
      const seq = memory.repo.insert({
        id,
        namespace: namespaceOf(i),
        kind: 'fact',
        content: item.text,
        contentKey: contentKey(item.text),
        persona: null,
        at: now,
        validFrom: now,
        confidence: 0.9,
        source: { type: 'manual', id: `bench-${i}`, parentId: null, label: 'benchmark', at: now },
      });
      memory.repo.linkEntities(
        seq,
        item.entities.map((e) => refs.get(e.name)).filter((r): r is EntityRef => r !== undefined),
      );
      ids.push(id);
      seqs.push(seq);
    });
  })();
  const CHUNK = 5000;
  for (let i = 0; i < seqs.length; i += CHUNK) {
    const part = seqs.slice(i, i + CHUNK);
    memory.vectors.put(
      space,
      part.map((seq, j) => ({ seq, vector: vectors[i + j] ?? new Float32Array(512) })),
    );
    memory.repo.markEmbedded(part, space.id);
  }
  const relations: RelationInput[] = [];
  for (let i = 0; i < Math.min(withRelations, items.length); i++) {
    for (const r of items[i]?.relations ?? []) {
      const from = refs.get(r.from);
      const to = refs.get(r.to);
      if (from && to)
        relations.push({
          fromId: from.id,
          toId: to.id,
          type: r.type,
          validFrom: now,
          sourceMemoryId: ids[i] ?? '',
          confidence: 0.9,
        });
    }
  }
  for (let i = 0; i < relations.length; i += 500) await graph.addRelations(relations.slice(i, i + 500));
}
