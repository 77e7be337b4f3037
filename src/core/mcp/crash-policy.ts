/** How the manager restarts servers that die on their own. */
export interface CrashPolicy {
  /** Wait before the first automatic restart; doubles with each crash in a row. */
  readonly initialMs: number;
  readonly maxMs: number;
  /** This many crashes within `windowMs` and the server is left 'failed' until the person restarts it. */
  readonly maxCrashes: number;
  readonly windowMs: number;
}

export const DEFAULT_CRASH_POLICY: CrashPolicy = {
  initialMs: 1_000,
  maxMs: 60_000,
  maxCrashes: 5,
  windowMs: 10 * 60_000,
};

/**
 * The wait before restart number `crashesInARow` (1 for the first). No jitter: each server restarts
 * on its own schedule anyway, and a fixed schedule is one a test can check.
 */
export function restartDelayMs(crashesInARow: number, policy: CrashPolicy): number {
  return Math.min(policy.maxMs, policy.initialMs * 2 ** Math.max(0, crashesInARow - 1));
}

/** Crash times still inside the window, this one included. */
export function recentCrashes(previous: readonly number[], now: number, policy: CrashPolicy): number[] {
  return [...previous.filter((at) => at > now - policy.windowMs), now];
}
