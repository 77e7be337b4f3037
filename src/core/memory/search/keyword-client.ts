import type { Worker } from 'node:worker_threads';
import type { Db } from '../../store/database';
import type { FromKeywords, KeywordRequest, ToKeywords } from '../../workers/keyword-protocol';
import { KeywordSearch } from '../../workers/keyword-search.mjs';
import { WorkerChannel } from './worker-channel';

export type { KeywordRequest };

/** FTS5 keyword search as memory search sees it: in its own thread in the app, inline for an in-memory database. */
export interface KeywordPort {
  /** Memory seqs, best first. */
  search(request: KeywordRequest): Promise<number[]>;
  close(): Promise<void>;
}

export class InlineKeywords implements KeywordPort {
  private readonly keywords: KeywordSearch;

  constructor(db: Db) {
    this.keywords = new KeywordSearch(db);
  }

  async search(request: KeywordRequest): Promise<number[]> {
    return this.keywords.search(request);
  }

  async close(): Promise<void> {}
}

type Request = ToKeywords extends infer T ? (T extends { id: number } ? Omit<T, 'id'> : never) : never;
type Done = Omit<Extract<FromKeywords, { type: 'done' }>, 'id' | 'type'>;

/** Keyword search in a worker thread reading the database file through its own read-only connection. */
export class WorkerKeywords implements KeywordPort {
  private readonly channel: WorkerChannel<Request, Done>;

  constructor(
    spawn: () => Worker,
    private readonly file: string,
  ) {
    this.channel = new WorkerChannel(spawn, 'Memory keyword search');
  }

  async search(request: KeywordRequest): Promise<number[]> {
    // A new thread (the first, or one after a crash) opens the file first; messages stay in order.
    if (this.channel.fresh) void this.channel.request({ op: 'open', file: this.file }).catch(() => undefined);
    return [...(await this.channel.request({ op: 'search', request })).seqs];
  }

  close(): Promise<void> {
    return this.channel.close();
  }
}

/** Off the main thread where another connection can read the database; inline for an in-memory one. */
export function keywordsFor(db: Db, spawn: () => Worker): KeywordPort {
  return db.memory ? new InlineKeywords(db) : new WorkerKeywords(spawn, db.name);
}
