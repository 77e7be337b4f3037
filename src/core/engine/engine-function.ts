import type { IzzieEvent } from '../../shared';
import type { Logger } from '../log/logger';
import type { BackoffPolicy } from './retry-backoff';

/** What a step may return: it is stored as JSON and handed back as JSON on resume. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** What a side-effecting step passes to the tool it calls, so a redo after a crash is a no-op. */
export interface StepContext {
  /** Stable for this run and step across retries and restarts (not across replays: a replay is a new run). */
  readonly idempotencyKey: string;
  /** 1 on the first try. */
  readonly attempt: number;
  readonly runId: string;
  /** Aborted when the run is cancelled or Izzie stops. */
  readonly signal: AbortSignal;
}

/** An event a step publishes; its id defaults to one derived from the run and step (so a redo is de-duplicated). */
export type OutgoingEvent = Omit<IzzieEvent, 'id' | 'timestamp' | 'source'> & {
  readonly id?: string;
  readonly timestamp?: number;
};

/**
 * The seed's Inngest-style step tools. A handler is re-run from its top on every resume; each
 * `step.*` call answers from the saved result when there is one, so the code between steps must be
 * deterministic (anything random or time-dependent belongs inside a step).
 */
export interface StepTools {
  run<T extends Json>(name: string, fn: (ctx: StepContext) => Promise<T> | T): Promise<T>;
  /** Suspends the run; it continues after `ms` (measured from the first time this step was reached). */
  sleep(name: string, ms: number): Promise<void>;
  sleepUntil(name: string, at: number): Promise<void>;
  sendEvent(name: string, event: OutgoingEvent): Promise<{ id: string }>;
}

export interface ModelUsage {
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly costUsd: number;
}

export interface RunContext {
  readonly event: IzzieEvent;
  readonly runId: string;
  readonly functionId: string;
  readonly step: StepTools;
  readonly signal: AbortSignal;
  readonly log: Logger;
  /** Adds a model call's tokens and cost to the run (the Activity page shows the sum). */
  recordUsage(usage: ModelUsage): void;
}

export type MissedRunPolicy = 'skip' | 'once';

export interface CronTrigger {
  /** Five fields (minute precision) or six (with seconds). */
  readonly cron: string;
  /** An IANA zone such as `Europe/Berlin`; the machine's own zone when absent. */
  readonly timezone?: string;
  /**
   * When Izzie was not running (or the laptop slept) at fire times: `once` runs a single catch-up
   * for all of them, `skip` runs none. A fire less than `graceMs` late is on time under both.
   */
  readonly missed: MissedRunPolicy;
  readonly graceMs?: number;
}

export interface EventTrigger {
  /** An event type or a pattern ending in `.*` (`github/pull_request.*`). */
  readonly event: string;
  /** Only events this accepts start a run (checked when the event arrives). */
  readonly if?: (event: IzzieEvent) => boolean;
}

export type Trigger = CronTrigger | EventTrigger;

export interface EngineFunction {
  /** Stable, lowercase; stored with every run (`morning-digest`). */
  readonly id: string;
  readonly name: string;
  readonly trigger: Trigger;
  /** At most this many runs of the function at once (default: 1 for cron functions, 4 for events). */
  readonly concurrency?: number;
  /** Tries after the first for a failing step (default 3). */
  readonly retries?: number;
  readonly backoff?: Partial<BackoffPolicy>;
  /** Proactive work stops while the person has paused it (tray); default true. */
  readonly pausable?: boolean;
  handler(ctx: RunContext): Promise<Json | void>;
}

export const isCronTrigger = (trigger: Trigger): trigger is CronTrigger => 'cron' in trigger;
