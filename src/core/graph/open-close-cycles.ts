import { KnowledgeGraph } from './knowledge-graph';

/**
 * A soak check for the native lifecycle: `cycles` times open the graph at `path`, write, read and
 * close it, then reopen it and count what survived. Kùzu crashes the process (at exit, or on a
 * later open) when a query result, connection or database is released in the wrong order, so the
 * check is that this returns — and that the process running it exits cleanly.
 */
export async function openCloseCycles(path: string, cycles: number): Promise<{ entities: number; relations: number }> {
  for (let i = 0; i < cycles; i++) {
    const graph = await KnowledgeGraph.open(path);
    try {
      const project = await graph.upsertEntity({ name: 'Project Atlas', kind: 'project', namespace: 'work' });
      const person = await graph.upsertEntity({ name: `Person ${i}`, kind: 'person', namespace: 'entities' });
      await graph.addRelation({
        fromId: person.id,
        toId: project.id,
        type: 'works_on',
        validFrom: i,
        sourceMemoryId: `memory-${i}`,
        confidence: 0.9,
      });
      const related = await graph.getRelatedEntities(project.id, { limit: cycles });
      if (related.length !== i + 1) throw new Error(`Cycle ${i}: expected ${i + 1} related entities, found ${related.length}.`);
    } finally {
      await graph.close();
    }
  }
  const graph = await KnowledgeGraph.open(path);
  try {
    return await graph.counts();
  } finally {
    await graph.close();
  }
}
