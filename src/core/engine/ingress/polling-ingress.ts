import type { Logger } from '../../log/logger';
import type { Clock } from '../../ports';
import type { IngressRepo, IngressState } from '../../store/ingress-repo';
import type { Published } from '../event-bus';
import { backoffDelay } from '../retry-backoff';
import { errorText } from '../run-signals';
import type { PollSource } from './poll-source';

/** Failures stretch the wait up to this. */
const MAX_BACKOFF_MS = 30 * 60_000;
/** Even with nothing due, look again this often (sources come and go with connections). */
const IDLE_CHECK_MS = 30_000;

export interface PollingIngressDeps {
  readonly repo: IngressRepo;
  /** The bus: validates, stores, de-duplicates by id. */
  readonly publish: (event: unknown) => Published;
  /** The sources of the accounts connected now. */
  readonly sources: () => readonly PollSource[];
  readonly clock: Clock;
  readonly log: Logger;
  readonly paused: () => boolean;
  readonly random?: () => number;
  /** A poll failed; `unauthorized` handling (the grant was revoked) belongs to the integration. */
  readonly onError?: (source: PollSource, error: unknown) => void;
}

/**
 * Polls every connected source on its own interval, with exponential backoff after errors. A
 * cursor is saved only after the events it covers are on the bus, so a crash in between re-delivers
 * them and the bus drops the repeats.
 */
export class PollingIngress {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly inFlight = new Map<string, Promise<void>>();
  private controller = new AbortController();
  private running = false;

  constructor(private readonly deps: PollingIngressDeps) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.controller = new AbortController();
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.controller.abort(new Error('Izzie is stopping'));
    await Promise.allSettled([...this.inFlight.values()]);
  }

  /** Sources changed (an account connected) or work resumed: look now. */
  wake(): void {
    if (this.running) this.schedule(0);
  }

  /** The sources of the accounts connected now. */
  sources(): readonly PollSource[] {
    return this.deps.sources();
  }

  /** What each known source last did, for the Integrations and Activity pages. */
  states(): IngressState[] {
    return this.deps.repo.all();
  }

  /**
   * Polls the given sources (all due ones when absent) now and waits for them; for tests and a
   * "check now" button. Ignores pause: the person asked.
   */
  async pollNow(ids?: readonly string[]): Promise<void> {
    const sources = this.deps.sources().filter((s) => !ids || ids.includes(s.id));
    await Promise.all(sources.map((source) => this.pollOnce(source)));
  }

  private schedule(delayMs: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.tick();
    }, delayMs);
    this.timer.unref?.();
  }

  private tick(): void {
    if (!this.running) return;
    const now = this.deps.clock.now();
    let next = now + IDLE_CHECK_MS;
    if (!this.deps.paused()) {
      for (const source of this.deps.sources()) {
        const state = this.deps.repo.get(source.id);
        const due = state?.nextPollAt ?? now;
        if (due <= now && !this.inFlight.has(source.id)) {
          void this.pollOnce(source).finally(() => this.wake());
        } else if (due > now) {
          next = Math.min(next, due);
        }
      }
    }
    this.schedule(Math.max(0, next - now));
  }

  private pollOnce(source: PollSource): Promise<void> {
    const running = this.inFlight.get(source.id);
    if (running) return running;
    const work = this.poll(source).finally(() => this.inFlight.delete(source.id));
    this.inFlight.set(source.id, work);
    return work;
  }

  private async poll(source: PollSource): Promise<void> {
    const { repo, clock, log } = this.deps;
    const state = repo.get(source.id);
    try {
      const result = await source.poll(state?.cursor ?? null, this.controller.signal);
      let delivered = 0;
      for (const event of result.events) {
        if (!this.deps.publish({ ...event, source: 'poll' }).duplicate) delivered++;
      }
      const now = clock.now();
      repo.succeeded(source.id, result.cursor, delivered, now, now + source.intervalMs);
      if (delivered > 0) log.info('polled new events', { source: source.id, delivered });
    } catch (error) {
      if (this.controller.signal.aborted) return;
      const failures = (state?.failures ?? 0) + 1;
      const wait = backoffDelay(
        failures,
        { baseMs: source.intervalMs, maxMs: Math.max(MAX_BACKOFF_MS, source.intervalMs) },
        this.deps.random ?? Math.random,
      );
      const now = clock.now();
      repo.failed(source.id, errorText(error), now, now + wait);
      log.warn('polling failed; backing off', { source: source.id, failures, retryInMs: wait, error: errorText(error) });
      this.deps.onError?.(source, error);
    }
  }
}
