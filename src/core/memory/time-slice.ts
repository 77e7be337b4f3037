import { performance } from 'node:perf_hooks';

/** Main-thread work between two yields; well under the 20 ms loop delay `npm run bench` allows (P4). */
const DEFAULT_BUDGET_MS = 6;

/**
 * Lets a long loop on the main thread give way to the event loop: `breathe()` resolves at once while
 * the slice has time left, and after a macrotask turn (timers, I/O, other requests) once it is spent.
 * Awaiting an already-resolved promise does not yield, so loops over cheap synchronous steps (SQLite
 * queries) need this to stay interruptible.
 */
export class TimeSlice {
  private since = performance.now();

  constructor(private readonly budgetMs = DEFAULT_BUDGET_MS) {}

  async breathe(): Promise<void> {
    if (performance.now() - this.since < this.budgetMs) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
    this.since = performance.now();
  }
}
