import { randomUUID } from 'node:crypto';
import type { Cron } from 'croner';
import { CoreError, notFound } from '../errors';
import type { Logger } from '../log/logger';
import type { Clock } from '../ports';
import type { EngineEventsRepo } from '../store/engine-events-repo';
import type { EngineRunsRepo, StoredRun, StoredStep } from '../store/engine-runs-repo';
import { decideCron, nextFire, parseSchedule } from './cron-schedule';
import { isCronTrigger, type CronTrigger, type EngineFunction } from './engine-function';
import { EventBus } from './event-bus';
import { executeRun, type RunOutcome } from './run-executor';

/** Runs at once, over every function. */
const MAX_CONCURRENT_RUNS = 4;
/** Even with nothing due, the engine looks again this often (a clock change, a laptop waking). */
const IDLE_CHECK_MS = 30_000;
/** How long `stop()` waits for steps in flight to notice the abort. */
const STOP_WAIT_MS = 5_000;
const FUNCTION_ID = /^[a-z][a-z0-9-]{0,63}$/;

export interface EngineOptions {
  readonly events: EngineEventsRepo;
  readonly runs: EngineRunsRepo;
  readonly functions: readonly EngineFunction[];
  readonly clock: Clock;
  readonly log: Logger;
  /** Whether the person paused proactive work (Settings, tray). */
  readonly paused: () => boolean;
  readonly maxConcurrentRuns?: number;
  /** How often to look for work with nothing due (default 30 s). */
  readonly idleCheckMs?: number;
  readonly random?: () => number;
  readonly newId?: () => string;
  /** A run was queued, started, suspended or finished. */
  readonly onRunChanged?: (runId: string) => void;
  readonly onStepStarted?: (runId: string, name: string) => void;
  readonly onStepSaved?: (step: StoredStep) => void;
}

interface Executing {
  readonly functionId: string;
  readonly controller: AbortController;
  /** Set by `cancel()`: the abort that follows is a cancel, not a stop. */
  cancelled: boolean;
  done: Promise<void>;
}

/**
 * The durable job engine: Inngest's semantics over SQLite. Events start runs; cron schedules fire
 * as events; due runs execute up to the concurrency limits; a run that was interrupted (crash,
 * kill, stop) goes back to the queue on start and resumes after its last saved step.
 */
export class Engine {
  readonly bus: EventBus;
  private readonly functions = new Map<string, EngineFunction>();
  private readonly schedules = new Map<string, Cron>();
  private readonly executing = new Map<string, Executing>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running = false;

  constructor(private readonly options: EngineOptions) {
    for (const fn of options.functions) {
      if (!FUNCTION_ID.test(fn.id)) throw new Error(`A function id must be lowercase letters, digits and "-": "${fn.id}"`);
      if (this.functions.has(fn.id)) throw new Error(`Two functions have the id ${fn.id}`);
      this.functions.set(fn.id, fn);
      if (isCronTrigger(fn.trigger)) this.schedules.set(fn.id, parseSchedule(fn.id, fn.trigger));
    }
    this.bus = new EventBus({
      repo: options.events,
      functions: () => [...this.functions.values()],
      clock: options.clock,
      newId: options.newId ?? randomUUID,
      log: options.log,
      onRunsQueued: () => this.wake(),
    });
  }

  list(): EngineFunction[] {
    return [...this.functions.values()];
  }

  get(id: string): EngineFunction | null {
    return this.functions.get(id) ?? null;
  }

  /** The next fire of a cron function (null for event functions or a schedule with no future). */
  nextFire(id: string): number | null {
    const schedule = this.schedules.get(id);
    if (!schedule) return null;
    const now = this.options.clock.now();
    return nextFire(schedule, Math.max(now, this.options.events.cronHandledUntil(id) ?? now));
  }

  /**
   * A cron function's schedule changed (the person moved the digest): fires from now on follow the
   * new one, and fire times of the new schedule that already passed today are not "missed".
   */
  reschedule(id: string, trigger: CronTrigger): void {
    const fn = this.functions.get(id);
    if (!fn || !isCronTrigger(fn.trigger)) throw new Error(`${id} is not a scheduled function`);
    this.schedules.set(id, parseSchedule(id, trigger));
    this.functions.set(id, { ...fn, trigger });
    this.options.events.setCronHandledUntil(id, this.options.clock.now());
    this.wake();
  }

  /** Runs a function now with a `schedule/trigger` event of its own (the Activity page's "Run now"). */
  runNow(id: string): string {
    const fn = this.functions.get(id);
    if (!fn) throw notFound('Function', id);
    const now = this.options.clock.now();
    const published = this.bus.publishManual(fn, now);
    const run = this.options.runs.list({ functionId: id, limit: 1 })[0];
    if (published.duplicate || !run) throw new CoreError('CONFLICT', `${fn.name} was started a moment ago already.`);
    return run.id;
  }

  /** Requeues runs the last process left running, sets up cron cursors, and starts looking for work. */
  start(): void {
    if (this.running) return;
    const now = this.options.clock.now();
    const resumed = this.options.runs.requeueInterrupted(now);
    if (resumed.length > 0) this.options.log.info('resuming interrupted runs', { count: resumed.length });
    for (const id of this.schedules.keys()) {
      // A new schedule starts from now: installing Izzie at noon does not owe the morning's digest.
      if (this.options.events.cronHandledUntil(id) === null) this.options.events.setCronHandledUntil(id, now);
    }
    this.running = true;
    this.wake();
  }

  /** Stops taking work; runs in flight stop before their next step (or are told to abort) and stay resumable. */
  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const inFlight = [...this.executing.values()];
    for (const run of inFlight) run.controller.abort(new Error('Izzie is stopping'));
    let timeout: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([
      Promise.all(inFlight.map((run) => run.done)),
      new Promise((resolve) => (timeout = setTimeout(resolve, STOP_WAIT_MS))),
    ]);
    clearTimeout(timeout);
  }

  /** Look for work now (an event arrived, the person resumed proactive work). */
  wake(): void {
    if (!this.running) return;
    this.schedule(0);
  }

  /**
   * Test and host seam: runs everything that is due now, including what those runs queue, until
   * nothing is due or executing.
   */
  async drain(): Promise<void> {
    for (;;) {
      this.tick();
      const pending = [...this.executing.values()].map((run) => run.done);
      if (pending.length === 0) return;
      await Promise.race(pending);
    }
  }

  cancel(runId: string): StoredRun {
    const run = this.options.runs.get(runId);
    if (!run) throw notFound('Run', runId);
    if (!this.options.runs.cancel(runId, 'Cancelled by you.', this.options.clock.now())) {
      throw new CoreError('CONFLICT', `That run already ${run.status === 'completed' ? 'completed' : run.status}.`);
    }
    const executing = this.executing.get(runId);
    if (executing) {
      executing.cancelled = true;
      executing.controller.abort(new Error('cancelled'));
    }
    this.options.onRunChanged?.(runId);
    return this.options.runs.get(runId) ?? run;
  }

  /** A finished run again, as a new run of the same function for the same event. */
  replay(runId: string): StoredRun {
    const run = this.options.runs.get(runId);
    if (!run) throw notFound('Run', runId);
    if (!this.functions.has(run.functionId)) {
      throw new CoreError(
        'CONFLICT',
        `The function ${run.functionId} is no longer part of Izzie, so its run cannot be replayed.`,
      );
    }
    if (run.status !== 'completed' && run.status !== 'failed' && run.status !== 'cancelled') {
      throw new CoreError('CONFLICT', 'Only a finished run can be replayed; this one has not finished.');
    }
    const id = (this.options.newId ?? randomUUID)();
    this.options.runs.insertReplay(run, id, this.options.clock.now());
    this.options.onRunChanged?.(id);
    this.wake();
    return this.options.runs.get(id) ?? run;
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
    const now = this.options.clock.now();
    const paused = this.options.paused();
    try {
      this.fireSchedules(now, paused);
      this.launchDue(now, paused);
    } catch (error) {
      this.options.log.error('the engine could not look for work', { error });
    }
    this.schedule(this.nextDelay(now, paused));
  }

  private fireSchedules(now: number, paused: boolean): void {
    const { events } = this.options;
    for (const [id, schedule] of this.schedules) {
      const fn = this.functions.get(id);
      if (!fn || !isCronTrigger(fn.trigger) || (paused && fn.pausable !== false)) continue;
      const handledUntil = events.cronHandledUntil(id) ?? now;
      const decision = decideCron(schedule, fn.trigger, handledUntil, now);
      if (decision.handledUntil === handledUntil) continue;
      const moveCursor = () => events.setCronHandledUntil(id, decision.handledUntil);
      if (decision.fireAt === null) {
        moveCursor();
        this.options.log.info('skipped missed scheduled runs', { functionId: id, missed: decision.missed });
        continue;
      }
      if (decision.missed > 0)
        this.options.log.info('catching up missed scheduled runs once', { functionId: id, missed: decision.missed });
      this.bus.publishFire(fn, decision.fireAt, decision.missed, moveCursor);
    }
  }

  private launchDue(now: number, paused: boolean): void {
    const limit = this.options.maxConcurrentRuns ?? MAX_CONCURRENT_RUNS;
    if (this.executing.size >= limit) return;
    for (const run of this.options.runs.due(now, 64)) {
      if (this.executing.size >= limit) return;
      if (this.executing.has(run.id)) continue;
      const fn = this.functions.get(run.functionId);
      if (!fn) {
        this.failUnknown(run, now);
        continue;
      }
      if (paused && fn.pausable !== false) continue;
      const running = [...this.executing.values()].filter((e) => e.functionId === fn.id).length;
      if (running >= (fn.concurrency ?? (isCronTrigger(fn.trigger) ? 1 : 4))) continue;
      this.launch(run, fn, now);
    }
  }

  private launch(run: StoredRun, fn: EngineFunction, now: number): void {
    const { runs } = this.options;
    if (!runs.claim(run.id, now)) return;
    const event = this.options.events.get(run.eventId);
    if (!event) {
      runs.finish(run.id, { status: 'failed', output: null, error: `Its event ${run.eventId} is gone.` }, now);
      return;
    }
    this.options.onRunChanged?.(run.id);
    const entry: Executing = { functionId: fn.id, controller: new AbortController(), cancelled: false, done: Promise.resolve() };
    this.executing.set(run.id, entry);
    const paused = this.options.paused;
    entry.done = executeRun(
      run,
      fn,
      event,
      {
        runs,
        clock: this.options.clock,
        random: this.options.random ?? Math.random,
        log: this.options.log,
        publish: (e) => this.bus.publish(e),
        ...(this.options.onStepStarted ? { onStepStarted: this.options.onStepStarted } : {}),
        ...(this.options.onStepSaved ? { onStepSaved: this.options.onStepSaved } : {}),
      },
      {
        signal: entry.controller.signal,
        cancelled: () => entry.cancelled,
        shouldYield: () => !this.running || (fn.pausable !== false && paused()),
      },
    )
      .then((outcome) => this.record(run.id, fn.id, outcome))
      .catch((error: unknown) => this.options.log.error('a run could not be recorded', { runId: run.id, error }))
      .finally(() => {
        this.executing.delete(run.id);
        this.options.onRunChanged?.(run.id);
        this.wake();
      });
  }

  private record(runId: string, functionId: string, outcome: RunOutcome): void {
    const { runs, clock, log } = this.options;
    const now = clock.now();
    switch (outcome.kind) {
      case 'completed':
        runs.finish(runId, { status: 'completed', output: outcome.output, error: null }, now);
        return;
      case 'failed':
        runs.finish(runId, { status: 'failed', output: null, error: outcome.error }, now);
        log.warn('a run failed', { runId, functionId, error: outcome.error });
        return;
      case 'suspended':
        runs.suspend(runId, outcome.status, outcome.wakeAt);
        return;
      case 'cancelled':
        runs.cancel(runId, 'Cancelled by you.', now);
        return;
    }
  }

  private failUnknown(run: StoredRun, now: number): void {
    if (!this.options.runs.claim(run.id, now)) return;
    this.options.runs.finish(
      run.id,
      { status: 'failed', output: null, error: `The function ${run.functionId} is no longer part of Izzie.` },
      now,
    );
    this.options.onRunChanged?.(run.id);
  }

  private nextDelay(now: number, paused: boolean): number {
    let next = now + (this.options.idleCheckMs ?? IDLE_CHECK_MS);
    // Runs already due but held back (concurrency, pause) go when a run ends or work resumes: no spin.
    const wake = this.options.runs.nextWake(now);
    if (wake !== null) next = Math.min(next, wake);
    if (!paused) {
      for (const [id, schedule] of this.schedules) {
        const at = nextFire(schedule, this.options.events.cronHandledUntil(id) ?? now);
        if (at !== null) next = Math.min(next, at);
      }
    }
    return Math.max(0, next - now);
  }
}
