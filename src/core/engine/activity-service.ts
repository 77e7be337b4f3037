import {
  Digest,
  DigestSection,
  type FunctionView,
  type RunStatus,
  type RunView,
  type SourceView,
  type StepView,
} from '../../shared';
import { notFound } from '../errors';
import type { EventHub } from '../events/event-hub';
import type { DigestsRepo } from '../store/digests-repo';
import type { EngineEventsRepo } from '../store/engine-events-repo';
import type { EngineRunsRepo, StoredRun, StoredStep } from '../store/engine-runs-repo';
import type { Engine } from './engine';
import { isCronTrigger, type EngineFunction } from './engine-function';
import type { PollingIngress } from './ingress/polling-ingress';

/** A step's saved result is shown up to this many characters. */
const OUTPUT_MAX = 2_000;
/** Live updates of one run are pushed at most this often (a run of many quick steps). */
const PUSH_INTERVAL_MS = 150;

/**
 * The Activity page's view of the engine: runs with their steps (saved ones, plus the one running
 * now), functions with their next fire, the latest digest; and live `activity.run` pushes.
 */
export class ActivityService {
  /** Steps started in this process and not yet saved, by run. */
  private readonly running = new Map<string, { name: string; startedAt: number }>();
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();
  private engine: Engine | null = null;
  private ingress: PollingIngress | null = null;

  constructor(
    private readonly deps: {
      runs: EngineRunsRepo;
      events: EngineEventsRepo;
      digests: DigestsRepo;
      hub: EventHub;
      now: () => number;
    },
  ) {}

  attach(engine: Engine, ingress: PollingIngress): void {
    this.engine = engine;
    this.ingress = ingress;
  }

  sources(): SourceView[] {
    const ingress = this.ingress;
    if (!ingress) return [];
    const states = new Map(ingress.states().map((s) => [s.sourceId, s]));
    return ingress.sources().map((source) => {
      const state = states.get(source.id);
      return {
        id: source.id,
        label: source.label,
        intervalMs: source.intervalMs,
        polledAt: state?.polledAt ?? null,
        nextPollAt: state?.nextPollAt ?? null,
        failures: state?.failures ?? 0,
        lastError: state?.lastError ?? null,
        delivered: state?.delivered ?? 0,
      };
    });
  }

  async pollNow(): Promise<SourceView[]> {
    await this.ingress?.pollNow();
    return this.sources();
  }

  // Engine hooks.
  stepStarted(runId: string, name: string): void {
    this.running.set(runId, { name, startedAt: this.deps.now() });
    this.push(runId);
  }

  stepSaved(step: StoredStep): void {
    this.running.delete(step.runId);
    this.push(step.runId);
  }

  runChanged(runId: string): void {
    const run = this.deps.runs.get(runId);
    if (run && run.status !== 'running') this.running.delete(runId);
    this.push(runId);
  }

  runs(filter: { status?: RunStatus[]; functionId?: string; before?: number; limit: number }) {
    const stored = this.deps.runs.list({
      limit: filter.limit,
      ...(filter.status ? { statuses: filter.status } : {}),
      ...(filter.functionId ? { functionId: filter.functionId } : {}),
      ...(filter.before !== undefined ? { before: filter.before } : {}),
    });
    return { runs: stored.map((run) => this.view(run)), counts: this.deps.runs.counts() };
  }

  run(id: string): RunView {
    const run = this.deps.runs.get(id);
    if (!run) throw notFound('Run', id);
    return this.view(run);
  }

  cancel(id: string): RunView {
    return this.view(this.requireEngine().cancel(id));
  }

  replay(id: string): RunView {
    return this.view(this.requireEngine().replay(id));
  }

  runNow(functionId: string): RunView {
    return this.run(this.requireEngine().runNow(functionId));
  }

  functions(): FunctionView[] {
    const engine = this.requireEngine();
    return engine.list().map((fn) => ({
      id: fn.id,
      name: fn.name,
      trigger: describeTrigger(fn),
      nextRunAt: engine.nextFire(fn.id),
    }));
  }

  latestDigest(): Digest | null {
    const stored = this.deps.digests.latest();
    if (!stored) return null;
    const sections = DigestSection.array().safeParse(JSON.parse(stored.sections));
    return Digest.parse({ ...stored, sections: sections.success ? sections.data : [] });
  }

  /** Pushes the digest to open windows. */
  digestReady(): void {
    const digest = this.latestDigest();
    if (digest) this.deps.hub.emit('digest.ready', { digest });
  }

  stop(): void {
    for (const timer of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
  }

  private push(runId: string): void {
    if (this.pending.has(runId)) return;
    const timer = setTimeout(() => {
      this.pending.delete(runId);
      const run = this.deps.runs.get(runId);
      if (run) this.deps.hub.emit('activity.run', { run: this.view(run) });
    }, PUSH_INTERVAL_MS);
    timer.unref?.();
    this.pending.set(runId, timer);
  }

  private view(run: StoredRun): RunView {
    const fn = this.engine?.get(run.functionId) ?? null;
    const event = this.deps.events.get(run.eventId);
    const steps: StepView[] = this.deps.runs.steps(run.id).map((s) => ({
      key: s.stepKey,
      name: s.name,
      kind: s.kind,
      status: s.status,
      attempts: s.attempts,
      error: s.error,
      startedAt: s.startedAt,
      finishedAt: s.status === 'sleeping' ? null : s.finishedAt,
      output: s.output === null ? null : s.output.length > OUTPUT_MAX ? `${s.output.slice(0, OUTPUT_MAX)}…` : s.output,
    }));
    const live = run.status === 'running' ? this.running.get(run.id) : undefined;
    if (live) {
      steps.push({
        key: `${live.name} (running)`,
        name: live.name,
        kind: 'run',
        status: 'running',
        attempts: 1,
        error: null,
        startedAt: live.startedAt,
        finishedAt: null,
        output: null,
      });
    }
    return {
      id: run.id,
      functionId: run.functionId,
      functionName: fn?.name ?? run.functionId,
      status: run.status,
      trigger: {
        eventId: run.eventId,
        eventType: event?.type ?? 'unknown',
        source: event?.source ?? 'unknown',
        summary: event ? summarize(event.type, event.data) : run.eventId,
      },
      createdAt: run.createdAt,
      startedAt: run.startedAt,
      finishedAt: run.finishedAt,
      wakeAt: run.status === 'queued' || run.status === 'sleeping' ? run.wakeAt : null,
      error: run.error,
      replayOf: run.replayOf,
      usage: run.usage,
      steps,
    };
  }

  private requireEngine(): Engine {
    if (!this.engine) throw new Error('The engine is not attached');
    return this.engine;
  }
}

function describeTrigger(fn: EngineFunction): string {
  if (!isCronTrigger(fn.trigger)) return `on ${fn.trigger.event}`;
  const [minute, hour, dom, month, dow] = fn.trigger.cron.split(/\s+/);
  if (dom === '*' && month === '*' && dow === '*' && /^\d+$/.test(minute ?? '') && /^\d+$/.test(hour ?? '')) {
    return `every day at ${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
  }
  return `on schedule ${fn.trigger.cron}`;
}

/** A line about what started the run. */
function summarize(type: string, data: unknown): string {
  if (data && typeof data === 'object') {
    const d = data as Record<string, unknown>;
    if (typeof d.subject === 'string') return `${String(d.from ?? '')}: ${d.subject}`;
    if (typeof d.repo === 'string' && typeof d.title === 'string') return `${d.repo}#${String(d.number)} ${d.title}`;
    if (typeof d.identifier === 'string' && typeof d.title === 'string') return `${d.identifier} ${d.title}`;
    if (typeof d.summary === 'string') return d.summary;
    if (typeof d.request === 'string') return d.request.slice(0, 120);
    if (typeof d.functionId === 'string') return d.manual === true ? 'started by you' : 'on schedule';
  }
  return type;
}
