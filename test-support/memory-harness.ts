import { join } from 'node:path';
import type { EmbedderChoice, Persona, PersonaId } from '../src/shared';
import { DEFAULT_PERSONAS } from '../src/core/agents/personas/persona-defaults';
import { EventHub } from '../src/core/events/event-hub';
import { KnowledgeGraph } from '../src/core/graph/knowledge-graph';
import type { Embedder } from '../src/core/memory/embedding/embedder';
import type { IngestFact } from '../src/core/memory/memory-writer';
import { MemoryService } from '../src/core/memory/memory-service';
import type { KeywordPort } from '../src/core/memory/search/keyword-client';
import { InlineVectorIndex, type VectorIndexPort } from '../src/core/memory/search/vector-index-client';
import { openDatabase, type Db } from '../src/core/store/database';
import { sqlMigrations } from '../src/core/store/migration-files';
import { migrate } from '../src/core/store/migrations';
import { hashedEmbedder } from './hashed-embedder';
import { recordingLogger } from './recording-logger';
import { scriptedRouter } from './scripted-router';
import { makeTempDir } from './temp-dir';

export const persona = (id: PersonaId): Persona => ({ ...DEFAULT_PERSONAS[id], customized: false });

/**
 * A MemoryService over a real migrated SQLite file and a real Kùzu graph in a temp dir (or `dir`, to
 * reopen one), with the vector index inline unless told, a hashed embedder and a scripted model.
 * `events` records what was pushed.
 */
export async function startMemory(
  options: {
    embedders?: (choice: EmbedderChoice) => Embedder;
    index?: () => VectorIndexPort;
    keywords?: (db: Db) => KeywordPort;
    dir?: string;
  } = {},
) {
  const temp = options.dir ? null : makeTempDir('izzie-memory-');
  const dir = { path: options.dir ?? temp?.path ?? '', remove: () => temp?.remove() };
  const db: Db = openDatabase(join(dir.path, 'izzie.db'));
  migrate(db, sqlMigrations);
  const graph = await KnowledgeGraph.open(join(dir.path, 'graph'));
  let now = Date.UTC(2026, 10, 24, 9);
  const clock = { now: () => now };
  const events: { event: string; payload: unknown }[] = [];
  const hub = new EventHub(() => {});
  hub.subscribe((frame) => events.push({ event: frame.event, payload: frame.payload }));
  const router = scriptedRouter();
  const logs: { level: string; message: string }[] = [];
  const embedder = hashedEmbedder();
  const memory = new MemoryService({
    db,
    graph,
    index: options.index?.() ?? new InlineVectorIndex(),
    ...(options.keywords ? { keywords: options.keywords(db) } : {}),
    createEmbedder: options.embedders ?? (() => embedder),
    router,
    events: hub,
    clock,
    log: recordingLogger((level, message) => logs.push({ level, message })),
  });
  await memory.start();
  return {
    dir: dir.path,
    memory,
    db,
    graph,
    router,
    embedder,
    events,
    logs,
    clock,
    advance: (ms: number) => void (now += ms),
    /** Stops the service and closes the files, leaving them (and the folder) in place. */
    async stop() {
      await memory.stop();
      await graph.close();
      db.close();
    },
    async close() {
      await this.stop();
      dir.remove();
    },
  };
}

export type MemoryHarness = Awaited<ReturnType<typeof startMemory>>;

export function fact(content: string, change: Partial<IngestFact> = {}): IngestFact {
  return { content, kind: 'fact', namespace: 'work', confidence: 0.9, entities: [], relations: [], contradicts: [], ...change };
}

export const chatSource = (id: string, threadId = 'thread-1', at = 0) =>
  ({ type: 'chat_message', id, parentId: threadId, label: 'Planning', at }) as const;
