import { createHash } from 'node:crypto';
import type { IzzieEvent } from '../../shared';
import type { Clock } from '../ports';
import type { Logger } from '../log/logger';
import type { EngineRunsRepo, StepKind, StoredRun, StoredStep } from '../store/engine-runs-repo';
import type { EngineFunction, Json, OutgoingEvent, RunContext, StepContext, StepTools } from './engine-function';
import { DEFAULT_BACKOFF, backoffDelay } from './retry-backoff';
import { RunCancelled, RunSuspended, StepGaveUp, errorText, isRunSignal } from './run-signals';

export const DEFAULT_RETRIES = 3;
/** The pseudo-step that counts tries of a handler that threw outside any step. */
const HANDLER_KEY = '(handler)';

export type RunOutcome =
  | { readonly kind: 'completed'; readonly output: string }
  | { readonly kind: 'failed'; readonly error: string }
  | { readonly kind: 'suspended'; readonly status: 'queued' | 'sleeping'; readonly wakeAt: number }
  | { readonly kind: 'cancelled' };

export interface ExecutorDeps {
  readonly runs: EngineRunsRepo;
  readonly clock: Clock;
  readonly random: () => number;
  readonly log: Logger;
  /** Publishes an event on the bus (de-duplicated by id). */
  readonly publish: (event: IzzieEvent) => void;
  readonly onStepStarted?: (runId: string, name: string) => void;
  readonly onStepSaved?: (step: StoredStep) => void;
}

export interface RunControl {
  /** Aborted when the person cancels the run or Izzie stops (steps pass it to what they call). */
  readonly signal: AbortSignal;
  /** True once the person cancelled the run (an abort without it means Izzie is stopping). */
  readonly cancelled: () => boolean;
  /** True when the engine wants the run to stop before its next new step (paused, stopping). */
  readonly shouldYield: () => boolean;
}

/** The key a side-effecting step hands to its tool: the same for this run and step on every try. */
export function idempotencyKey(runId: string, stepKey: string): string {
  return createHash('sha256').update(`${runId}\0${stepKey}`).digest('base64url').slice(0, 32);
}

/**
 * Runs one handler of one run from its top. Saved steps answer from storage; the first unsaved
 * step runs and is saved before the next one starts. Returns what became of the run; the engine
 * records it.
 */
export async function executeRun(
  run: StoredRun,
  fn: EngineFunction,
  event: IzzieEvent,
  deps: ExecutorDeps,
  control: RunControl,
): Promise<RunOutcome> {
  const { runs, clock } = deps;
  const saved = new Map(runs.steps(run.id).map((s) => [s.stepKey, s]));
  const retries = fn.retries ?? DEFAULT_RETRIES;
  const backoff = { ...DEFAULT_BACKOFF, ...fn.backoff };
  const uses = new Map<string, number>();
  let seq = 0;

  const save = (step: StoredStep): void => {
    runs.saveStep(step);
    saved.set(step.stepKey, step);
    deps.onStepSaved?.(step);
  };
  const keyFor = (name: string): string => {
    const n = (uses.get(name) ?? 0) + 1;
    uses.set(name, n);
    return n === 1 ? name : `${name}#${n}`;
  };
  const interrupted = (): RunCancelled | RunSuspended | null => {
    if (control.cancelled()) return new RunCancelled();
    if (control.signal.aborted || control.shouldYield()) return new RunSuspended('queued', clock.now());
    return null;
  };
  const beforeNewStep = (): void => {
    const stop = interrupted();
    if (stop) throw stop;
  };
  const row = (key: string, name: string, kind: StepKind, rest: Partial<StoredStep>): StoredStep => ({
    runId: run.id,
    stepKey: key,
    seq,
    name,
    kind,
    status: 'completed',
    attempts: 1,
    output: null,
    error: null,
    startedAt: clock.now(),
    finishedAt: clock.now(),
    ...rest,
  });

  const step: StepTools = {
    run: async <T extends Json>(name: string, body: (ctx: StepContext) => Promise<T> | T): Promise<T> => {
      const key = keyFor(name);
      seq++;
      const prior = saved.get(key);
      if (prior?.status === 'completed') return parseJson(prior.output) as T;
      if (prior?.status === 'failed' && prior.attempts > retries) {
        throw new StepGaveUp(name, prior.attempts, prior.error ?? 'unknown error');
      }
      beforeNewStep();
      const attempt = (prior?.attempts ?? 0) + 1;
      const startedAt = clock.now();
      deps.onStepStarted?.(run.id, name);
      let output: string;
      try {
        const value = await body({ idempotencyKey: idempotencyKey(run.id, key), attempt, runId: run.id, signal: control.signal });
        output = toJson(value);
      } catch (error) {
        // A step cut short by a cancel or a stop is not a failure: it is redone on resume, same key.
        if (isRunSignal(error)) throw error;
        const stop = control.signal.aborted ? interrupted() : null;
        if (stop) throw stop;
        const reason = errorText(error);
        save(row(key, name, 'run', { status: 'failed', attempts: attempt, error: reason, startedAt }));
        if (attempt > retries) throw new StepGaveUp(name, attempt, reason);
        deps.log.warn('a step failed; it will retry', { runId: run.id, step: name, attempt, error: reason });
        throw new RunSuspended('queued', clock.now() + backoffDelay(attempt, backoff, deps.random));
      }
      save(row(key, name, 'run', { attempts: attempt, output, startedAt }));
      return parseJson(output) as T;
    },

    sleep: (name, ms) => sleepStep(name, (now) => now + Math.max(0, ms)),
    sleepUntil: (name, at) => sleepStep(name, () => at),

    sendEvent: async (name: string, outgoing: OutgoingEvent): Promise<{ id: string }> => {
      const key = keyFor(name);
      seq++;
      const prior = saved.get(key);
      if (prior?.status === 'completed') return { id: parseJson(prior.output) as string };
      beforeNewStep();
      const id = outgoing.id ?? `${run.id}:${key}`;
      deps.publish({ ...outgoing, id, timestamp: outgoing.timestamp ?? clock.now(), source: 'internal' });
      save(row(key, name, 'send_event', { output: JSON.stringify(id) }));
      return { id };
    },
  };

  async function sleepStep(name: string, wakeFrom: (now: number) => number): Promise<void> {
    const key = keyFor(name);
    seq++;
    const prior = saved.get(key);
    if (prior?.status === 'completed') return;
    const now = clock.now();
    // The wake time is fixed the first time the sleep is reached, not recomputed on resume.
    const wakeAt = prior ? (parseJson(prior.output) as number) : wakeFrom(now);
    if (now >= wakeAt) {
      save(row(key, name, 'sleep', { output: JSON.stringify(wakeAt), startedAt: prior?.startedAt ?? now }));
      return;
    }
    if (!prior) save(row(key, name, 'sleep', { status: 'sleeping', output: JSON.stringify(wakeAt) }));
    throw new RunSuspended('sleeping', wakeAt);
  }

  const ctx: RunContext = {
    event,
    runId: run.id,
    functionId: fn.id,
    step,
    signal: control.signal,
    log: deps.log,
    recordUsage: (usage) => runs.addUsage(run.id, usage),
  };

  try {
    const result = await fn.handler(ctx);
    return { kind: 'completed', output: toJson(result ?? null) };
  } catch (error) {
    if (error instanceof RunCancelled || control.cancelled()) return { kind: 'cancelled' };
    if (control.signal.aborted) return { kind: 'suspended', status: 'queued', wakeAt: clock.now() };
    if (error instanceof RunSuspended) return { kind: 'suspended', status: error.status, wakeAt: error.wakeAt };
    if (error instanceof StepGaveUp) return { kind: 'failed', error: error.message };
    // The handler itself threw, outside any step: the whole handler retries like a step would.
    const prior = saved.get(HANDLER_KEY);
    const attempt = (prior?.attempts ?? 0) + 1;
    const reason = errorText(error);
    seq++;
    save(row(HANDLER_KEY, HANDLER_KEY, 'run', { status: 'failed', attempts: attempt, error: reason }));
    if (attempt > retries) return { kind: 'failed', error: `The function failed after ${attempt} tries: ${reason}` };
    deps.log.warn('a run failed outside its steps; it will retry', { runId: run.id, attempt, error: reason });
    return { kind: 'suspended', status: 'queued', wakeAt: clock.now() + backoffDelay(attempt, backoff, deps.random) };
  }
}

function toJson(value: unknown): string {
  const text = JSON.stringify(value ?? null);
  // Functions and symbols stringify to undefined: store null rather than nothing.
  return text === undefined ? 'null' : text;
}

function parseJson(text: string | null): unknown {
  return text === null ? null : (JSON.parse(text) as unknown);
}
