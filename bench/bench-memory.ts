import { join } from 'node:path';
import type { EmbedderChoice } from '../src/shared';
import { EventHub } from '../src/core/events/event-hub';
import { KnowledgeGraph } from '../src/core/graph/knowledge-graph';
import type { Logger } from '../src/core/log/logger';
import { Redactor } from '../src/core/log/redact';
import type { Embedder } from '../src/core/memory/embedding/embedder';
import { LOCAL_EMBEDDER_INFO } from '../src/core/memory/embedding/local-embedder';
import { MemoryService } from '../src/core/memory/memory-service';
import { WorkerVectorIndex } from '../src/core/memory/search/vector-index-client';
import { keywordsFor } from '../src/core/memory/search/keyword-client';
import type { ModelRouter } from '../src/core/models/model-types';
import { systemClock } from '../src/core/ports';
import { openDatabase, type Db } from '../src/core/store/database';
import { sqlMigrations } from '../src/core/store/migration-files';
import { migrate } from '../src/core/store/migrations';
import { spawnWorker } from '../src/core/workers/spawn-worker';

const silent: Logger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: (message, fields) => process.stderr.write(`bench: ${message} ${JSON.stringify(fields ?? {})}\n`),
  child: () => silent,
  redactor: new Redactor(),
};

const noModel: ModelRouter = {
  complete: () => Promise.reject(new Error('the benchmark never calls a model: extraction is excluded')),
};

/**
 * The local embedder as the app uses it, except that texts whose vectors were computed beforehand
 * (the benchmark's queries) are answered from that table: P1 excludes query embedding.
 */
export function withPrecomputed(real: Embedder, known: ReadonlyMap<string, Float32Array>): Embedder {
  return {
    info: LOCAL_EMBEDDER_INFO,
    async embed(texts, signal) {
      const vectors = texts.map((t) => known.get(t));
      if (vectors.every((v) => v !== undefined)) return vectors.map((v) => Float32Array.from(v));
      return real.embed(texts, signal);
    },
    close: () => real.close(),
  };
}

/** The real MemoryService over a fresh SQLite file and Kùzu graph, with the vector index in its thread. */
export async function openMemory(
  dir: string,
  embedder: Embedder,
): Promise<{ db: Db; graph: KnowledgeGraph; memory: MemoryService; close(): Promise<void> }> {
  const db = openDatabase(join(dir, 'izzie.db'));
  migrate(db, sqlMigrations);
  const graph = await KnowledgeGraph.open(join(dir, 'graph'));
  const memory = new MemoryService({
    db,
    graph,
    index: new WorkerVectorIndex(() => spawnWorker('vectorIndex')),
    keywords: keywordsFor(db, () => spawnWorker('keywords')),
    createEmbedder: (_choice: EmbedderChoice) => embedder,
    router: noModel,
    events: new EventHub(() => {}),
    clock: systemClock,
    log: silent,
  });
  return {
    db,
    graph,
    memory,
    async close() {
      await memory.stop();
      await graph.close();
      db.close();
    },
  };
}
