import type { Worker } from 'node:worker_threads';
import type { EmbedderInfo } from '../../../shared';
import type { EmbedBatch, FromEmbedder } from '../../workers/embedder-protocol';
import { spawnWorker } from '../../workers/spawn-worker';
import { withoutBlanks } from './blank-text';
import type { Embedder } from './embedder';
import { embedderClosed, embeddingCancelled, localModelFailed } from './embedding-errors';
import { normalizeInPlace } from './unit-vector';

export const LOCAL_EMBEDDER_INFO: EmbedderInfo = {
  kind: 'local',
  model: 'use-lite-512',
  dimension: 512,
  label: 'Universal Sentence Encoder lite (on this computer)',
};

/** Texts per model call. 32 and 64 measured fastest on short sentences; a smaller batch lets a search query in sooner. */
export const LOCAL_BATCH_SIZE = 32;

export interface LocalEmbedderOptions {
  /** Model threads; each loads its own copy of the model. Default 1. */
  readonly threads?: number;
  readonly batchSize?: number;
  /** Starts one model thread; tests wrap it to reach the thread. */
  readonly spawn?: () => Worker;
}

interface Request {
  readonly vectors: Float32Array[];
  /** Texts still to embed. */
  remaining: number;
  settled: boolean;
  settle(outcome: { vectors: Float32Array[] } | { error: unknown }): void;
}

interface Batch {
  readonly request: Request;
  readonly start: number;
  readonly texts: string[];
}

interface Thread {
  readonly worker: Worker;
  ready: boolean;
  batch: Batch | null;
}

/** One generation of threads; a failure retires the whole generation and the next call starts a new one. */
interface Pool {
  readonly threads: Thread[];
  readonly ready: Promise<void>;
  markReady(): void;
  fail(error: unknown): void;
}

/**
 * Universal Sentence Encoder lite, run in worker threads (DESIGN.md: the main event loop never
 * waits for the model). Calls are split into batches served first come, first served; a thread
 * takes the next batch as soon as it is free, so with several threads one call's batches run side
 * by side. The model loads on first use (or `warmUp()`). A load failure or a crashed thread rejects
 * every pending call with a readable error and retires the threads; the next call starts fresh ones.
 * A cancelled call rejects at once and its queued batches are skipped (a batch already running in
 * the model finishes there and is discarded).
 */
export class LocalEmbedder implements Embedder {
  readonly info = LOCAL_EMBEDDER_INFO;
  private readonly threadCount: number;
  private readonly batchSize: number;
  private readonly spawn: () => Worker;
  private pool: Pool | null = null;
  private queue: Batch[] = [];
  private closed = false;

  constructor(options: LocalEmbedderOptions = {}) {
    this.threadCount = Math.max(1, Math.floor(options.threads ?? 1));
    this.batchSize = Math.max(1, Math.floor(options.batchSize ?? LOCAL_BATCH_SIZE));
    this.spawn = options.spawn ?? (() => spawnWorker('embedder'));
  }

  /** Loads the model now rather than on the first call. */
  async warmUp(): Promise<void> {
    if (this.closed) throw embedderClosed();
    await (this.pool ?? this.startPool()).ready;
  }

  async embed(texts: readonly string[], signal?: AbortSignal): Promise<Float32Array[]> {
    if (this.closed) throw embedderClosed();
    if (signal?.aborted) throw embeddingCancelled();
    if (texts.length === 0) return [];
    if (!this.pool) this.startPool();
    const input = withoutBlanks(texts);
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        request.settle({ error: embeddingCancelled() });
        this.queue = this.queue.filter((batch) => batch.request !== request);
      };
      const request: Request = {
        vectors: new Array<Float32Array>(input.length),
        remaining: input.length,
        settled: false,
        settle(outcome) {
          if (request.settled) return;
          request.settled = true;
          signal?.removeEventListener('abort', onAbort);
          if ('error' in outcome) reject(outcome.error);
          else resolve(outcome.vectors);
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      for (let start = 0; start < input.length; start += this.batchSize) {
        this.queue.push({ request, start, texts: input.slice(start, start + this.batchSize) });
      }
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.retire(embedderClosed());
  }

  private startPool(): Pool {
    let markReady = () => {};
    let fail: (error: unknown) => void = () => {};
    const ready = new Promise<void>((resolve, reject) => {
      markReady = resolve;
      fail = reject;
    });
    // Nobody may be waiting for the load: its failure reaches the callers through their own calls.
    ready.catch(() => {});
    const pool: Pool = { threads: [], ready, markReady, fail };
    this.pool = pool;
    try {
      for (let i = 0; i < this.threadCount; i++) pool.threads.push(this.startThread(pool));
    } catch (cause) {
      const error = localModelFailed(`could not start (${cause instanceof Error ? cause.message : String(cause)})`);
      void this.retire(error, pool);
      throw error;
    }
    return pool;
  }

  private startThread(pool: Pool): Thread {
    const thread: Thread = { worker: this.spawn(), ready: false, batch: null };
    thread.worker.on('message', (message: FromEmbedder) => this.onMessage(pool, thread, message));
    thread.worker.on('error', (error: unknown) => {
      const detail = error instanceof Error ? error.message : String(error);
      void this.retire(localModelFailed(`failed (${detail})`), pool);
    });
    thread.worker.on(
      'exit',
      (code: number) => void this.retire(localModelFailed(`stopped unexpectedly (exit code ${code})`), pool),
    );
    return thread;
  }

  private onMessage(pool: Pool, thread: Thread, message: FromEmbedder): void {
    if (this.pool !== pool) return;
    switch (message.type) {
      case 'ready':
        thread.ready = true;
        if (pool.threads.every((t) => t.ready)) pool.markReady();
        break;
      case 'vectors': {
        const batch = thread.batch;
        thread.batch = null;
        if (batch && !batch.request.settled) {
          const { request } = batch;
          message.vectors.forEach((vector, i) => (request.vectors[batch.start + i] = normalizeInPlace(vector)));
          request.remaining -= message.vectors.length;
          if (request.remaining <= 0) request.settle({ vectors: request.vectors });
        }
        break;
      }
      case 'failed':
        void this.retire(localModelFailed(message.message), pool);
        return;
    }
    this.dispatch();
  }

  /** Hands queued batches to idle threads. An idle, loaded thread does not keep the process alive. */
  private dispatch(): void {
    const pool = this.pool;
    if (!pool) return;
    for (const thread of pool.threads) {
      if (!thread.batch) {
        const next = this.queue.shift();
        if (next) {
          thread.batch = next;
          thread.worker.postMessage({ texts: next.texts } satisfies EmbedBatch);
        }
      }
      if (thread.batch || !thread.ready) thread.worker.ref();
      else thread.worker.unref();
    }
  }

  /**
   * Ends the current threads (or only `pool`, if it is still the current one) and rejects every
   * pending call with `error`.
   */
  private async retire(error: unknown, pool: Pool | null = this.pool): Promise<void> {
    if (!pool || this.pool !== pool) return;
    this.pool = null;
    const pending = [
      ...this.queue.map((batch) => batch.request),
      ...pool.threads.flatMap((t) => (t.batch ? [t.batch.request] : [])),
    ];
    this.queue = [];
    for (const request of pending) request.settle({ error });
    pool.fail(error);
    await Promise.all(pool.threads.map((thread) => thread.worker.terminate().catch(() => 0)));
  }
}
