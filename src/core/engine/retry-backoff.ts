export interface BackoffPolicy {
  /** The wait after the first failure, before jitter. */
  readonly baseMs: number;
  /** No wait grows past this. */
  readonly maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 1_000, maxMs: 10 * 60_000 };

/**
 * Exponential backoff with "equal jitter": the wait after failure `attempt` (1-based) is between
 * half and all of `base × 2^(attempt-1)`, capped. Jitter spreads retries of many runs that failed
 * together (a provider outage) so they do not hammer it in step.
 */
export function backoffDelay(attempt: number, policy: BackoffPolicy, random: () => number): number {
  const exponential = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exponential / 2 + random() * (exponential / 2));
}
