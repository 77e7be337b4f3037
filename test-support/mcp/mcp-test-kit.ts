import { McpManager } from '../../src/core/mcp/mcp-manager';
import type { CrashPolicy } from '../../src/core/mcp/crash-policy';
import { recordingLogger } from '../recording-logger';

export interface LogLine {
  readonly level: string;
  readonly message: string;
  readonly fields: Record<string, unknown> | undefined;
}

interface PendingTimer {
  readonly run: () => void;
  readonly ms: number;
  readonly at: number;
}

export interface ManagerKitOptions {
  readonly backoff?: Partial<CrashPolicy>;
  readonly requestTimeoutMs?: number;
}

export type ManagerKit = ReturnType<typeof managerKit>;

/**
 * An McpManager with a hand-driven clock and timers: a test sees each restart delay the manager asks
 * for and fires restarts when it chooses, so backoff is checked exactly and nothing sleeps.
 */
export function managerKit(options: ManagerKitOptions = {}) {
  let now = 1_700_000_000_000;
  const timers = new Set<PendingTimer>();
  const changes: string[] = [];
  const logs: LogLine[] = [];
  const manager = new McpManager({
    clock: { now: () => now },
    log: recordingLogger((level, message, fields) => void logs.push({ level, message, fields })),
    onChange: (id) => changes.push(id),
    ...(options.backoff ? { backoff: options.backoff } : {}),
    ...(options.requestTimeoutMs ? { requestTimeoutMs: options.requestTimeoutMs } : {}),
    setTimer: (run, ms) => {
      const timer = { run, ms, at: now + ms };
      timers.add(timer);
      return timer;
    },
    clearTimer: (timer) => timers.delete(timer as PendingTimer),
    clientInfo: { name: 'izzie', version: 'test' },
  });
  return {
    manager,
    changes,
    logs,
    /** Delays of the timers not fired yet. */
    pendingDelays: () => [...timers].map((timer) => timer.ms),
    advance: (ms: number) => void (now += ms),
    now: () => now,
    /** Moves the clock to the earliest timer and runs it. */
    fireNext(): void {
      const next = [...timers].sort((a, b) => a.at - b.at)[0];
      if (!next) throw new Error('No restart is scheduled');
      timers.delete(next);
      now = Math.max(now, next.at);
      next.run();
    },
  };
}

/**
 * Makes manager kits and stops every manager they made, for a test file's `afterEach`:
 * `const { kit, stopAll } = managerKits(); afterEach(stopAll);`.
 */
export function managerKits(): { kit(options?: ManagerKitOptions): ManagerKit; stopAll(): Promise<void> } {
  const made: McpManager[] = [];
  return {
    kit(options = {}) {
      const kit = managerKit(options);
      made.push(kit.manager);
      return kit;
    },
    stopAll: async () => {
      await Promise.all(made.splice(0).map((manager) => manager.stopAll()));
    },
  };
}

/** Polls until `check` holds (process exits, notifications), failing with `what` after `timeoutMs`. */
export async function waitFor(check: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
