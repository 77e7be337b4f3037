import type { Worker } from 'node:worker_threads';
import { CoreError } from '../../errors';

type Answer<T> = { readonly id: number; readonly type: 'done' } & T;
type Failure = { readonly id: number; readonly type: 'failed'; readonly message: string };

/**
 * Requests to a worker thread, each answered by a message with its id: `done` (carrying the
 * result) or `failed`. The thread starts on the first request; if it dies, every pending request
 * fails with a readable error and the next one starts a fresh thread (`onRestart` tells the owner,
 * whose state the new thread lacks). Closing fails what is pending and ends the thread.
 */
export class WorkerChannel<Request extends { op: string }, Done extends object> {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (answer: Done) => void; reject: (error: Error) => void }>();
  private closed = false;

  constructor(
    private readonly spawn: () => Worker,
    private readonly what: string,
  ) {}

  request(body: Request): Promise<Done> {
    if (this.closed) return Promise.reject(new CoreError('CANCELLED', `${this.what} stopped.`));
    const worker = this.ensureWorker();
    const id = this.nextId++;
    return new Promise<Done>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ ...body, id });
    });
  }

  /** True when the next request starts a new thread (none yet, or the last one died). */
  get fresh(): boolean {
    return this.worker === null;
  }

  async close(): Promise<void> {
    this.closed = true;
    const worker = this.worker;
    this.worker = null;
    this.failAll(new CoreError('CANCELLED', `${this.what} stopped.`));
    await worker?.terminate();
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = this.spawn();
    worker.unref();
    worker.on('message', (message: Answer<Done> | Failure) => {
      const waiting = this.pending.get(message.id);
      if (!waiting) return;
      this.pending.delete(message.id);
      if (message.type === 'done') waiting.resolve(message);
      else waiting.reject(new CoreError('INTERNAL', `${this.what} failed: ${message.message}`));
    });
    const lost = (reason: string) => {
      if (this.worker !== worker) return;
      this.worker = null;
      this.failAll(new CoreError('INTERNAL', `${this.what} stopped unexpectedly (${reason}).`));
    };
    worker.on('error', (error) => lost(error.message));
    worker.on('exit', (code) => lost(`exit code ${code}`));
    this.worker = worker;
    return worker;
  }

  private failAll(error: Error): void {
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }
}
