import { monitorEventLoopDelay, performance, type IntervalHistogram } from 'node:perf_hooks';

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? Number.NaN;
}

export async function timed<T>(run: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await run();
  return { ms: performance.now() - start, value };
}

/** The main thread's event-loop delay while `run` works (P4). */
export class LoopDelay {
  private readonly histogram: IntervalHistogram = monitorEventLoopDelay({ resolution: 5 });

  start(): void {
    this.histogram.enable();
  }

  stop(): { p99Ms: number; maxMs: number } {
    this.histogram.disable();
    return { p99Ms: this.histogram.percentile(99) / 1e6, maxMs: this.histogram.max / 1e6 };
  }
}

export const log = (line: string): void => void process.stderr.write(`${line}\n`);
