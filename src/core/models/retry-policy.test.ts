import { describe, expect, it } from 'vitest';
import { retryAfterMs } from './attempt-failure';
import { abortableSleep, backoffDelayMs, DEFAULT_RETRY_POLICY } from './retry-policy';

describe('retry timing', () => {
  const now = Date.UTC(2026, 10, 24, 9, 0, 0);
  const headers = (entries: Record<string, string>) => new Headers(entries);

  it('reads Retry-After as seconds, as an HTTP-date, or as retry-after-ms', () => {
    expect(retryAfterMs(headers({ 'retry-after': '2' }), now)).toBe(2_000);
    expect(retryAfterMs(headers({ 'retry-after': '0.5' }), now)).toBe(500);
    expect(retryAfterMs(headers({ 'retry-after': new Date(now + 7_000).toUTCString() }), now)).toBe(7_000);
    expect(retryAfterMs(headers({ 'retry-after': new Date(now - 7_000).toUTCString() }), now)).toBe(0);
    expect(retryAfterMs(headers({ 'retry-after-ms': '1500', 'retry-after': '2' }), now)).toBe(1_500);
    expect(retryAfterMs(headers({ 'retry-after': 'soon' }), now)).toBeNull();
    expect(retryAfterMs(headers({}), now)).toBeNull();
  });

  it('doubles the backoff per attempt, keeps half of it fixed and caps it', () => {
    const policy = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 1_000, maxDelayMs: 3_000 };
    expect([1, 2, 3].map((n) => backoffDelayMs(n, policy, () => 0))).toEqual([500, 1_000, 1_500]);
    expect([1, 2, 3].map((n) => backoffDelayMs(n, policy, () => 0.999999))).toEqual([1_000, 2_000, 3_000]);
  });

  it('wakes from a backoff sleep as soon as the signal fires', async () => {
    const stop = new AbortController();
    const started = Date.now();
    const sleeping = abortableSleep(60_000, stop.signal);
    stop.abort();
    await sleeping;
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
