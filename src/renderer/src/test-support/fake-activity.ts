import {
  RpcError,
  type Digest,
  type EventName,
  type EventPayload,
  type FunctionView,
  type NotificationView,
  type RunStatus,
  type RunView,
  type SourceView,
  type StepView,
} from '../../../shared';
import type { Handlers } from './fake-models';

type Emit = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export interface FakeActivityOptions {
  runs?: RunView[];
  /** The engine's functions; the seed's by default. */
  functions?: FunctionView[];
  digest?: Digest | null;
  notifications?: NotificationView[];
  sources?: SourceView[];
}

const FINISHED: readonly RunStatus[] = ['completed', 'failed', 'cancelled'];
const NO_USAGE: RunView['usage'] = { inputTokens: 0, outputTokens: 0, costUsd: 0, calls: 0 };

/** The seed's functions, as `activity.functions` describes them. */
export const SEED_FUNCTIONS: FunctionView[] = [
  { id: 'email-received', name: 'New email', trigger: 'on email/received', nextRunAt: null },
  { id: 'github-pr', name: 'Pull request activity', trigger: 'on github/pull_request.*', nextRunAt: null },
  { id: 'linear-issue', name: 'Linear issue changed', trigger: 'on linear/issue.*', nextRunAt: null },
  { id: 'calendar-changed', name: 'Calendar changed', trigger: 'on calendar/event.*', nextRunAt: null },
  { id: 'izzie-escalate', name: 'Escalation to the orchestrator', trigger: 'on izzie/escalate', nextRunAt: null },
  { id: 'morning-digest', name: 'Morning digest', trigger: 'every day at 07:00', nextRunAt: 1_700_031_600_000 },
  { id: 'memory-retention', name: 'Memory retention', trigger: 'every day at 03:30', nextRunAt: 1_700_019_000_000 },
];

/**
 * The proactive engine behind the fake core, as the Activity page sees it: runs listed newest first
 * and filtered like the core's `activity.runs` (counts over every run), cancel only while a run is
 * unfinished, replay only once it finished (a new queued run), Run now queues a run of the function,
 * and reading notifications says how many are left unread. Changes are pushed as the core pushes
 * them (`activity.run`, `digest.ready`, `notifications.unread`) before the call answers. Tests drive
 * the engine's progress with `pushRun`, `pushDigest` and `notify`.
 */
export function createFakeActivity(emit: Emit, now: () => number, options: FakeActivityOptions = {}) {
  const state = {
    runs: [...(options.runs ?? [])],
    functions: [...(options.functions ?? SEED_FUNCTIONS)],
    digest: options.digest ?? null,
    notifications: [...(options.notifications ?? [])],
    sources: [...(options.sources ?? [])],
  };

  function requireRun(id: string): RunView {
    const found = state.runs.find((r) => r.id === id);
    if (!found) throw new RpcError('NOT_FOUND', `Run ${id} does not exist (it may have been deleted).`);
    return found;
  }

  function requireFunction(id: string): FunctionView {
    const found = state.functions.find((f) => f.id === id);
    if (!found) throw new RpcError('NOT_FOUND', `Function ${id} does not exist (it may have been deleted).`);
    return found;
  }

  /** Keeps the run and pushes it, as the core's activity service does after every change. */
  function pushRun(next: RunView): RunView {
    state.runs = [next, ...state.runs.filter((r) => r.id !== next.id)];
    emit('activity.run', { run: next });
    return next;
  }

  function unread(): number {
    return state.notifications.filter((n) => !n.read).length;
  }

  function queue(fn: FunctionView, trigger: RunView['trigger'], replayOf: string | null): RunView {
    const at = now();
    return pushRun({
      id: crypto.randomUUID(),
      functionId: fn.id,
      functionName: fn.name,
      status: 'queued',
      trigger,
      createdAt: at,
      startedAt: null,
      finishedAt: null,
      wakeAt: at,
      error: null,
      replayOf,
      usage: NO_USAGE,
      steps: [],
    });
  }

  const handlers: Pick<
    Handlers,
    | 'activity.runs'
    | 'activity.run'
    | 'activity.cancel'
    | 'activity.replay'
    | 'activity.functions'
    | 'activity.runNow'
    | 'activity.sources'
    | 'activity.pollNow'
    | 'digest.latest'
    | 'notifications.list'
    | 'notifications.read'
  > = {
    'activity.runs': ({ status, functionId, before, limit = 50 }) => {
      const counts: Record<RunStatus, number> = { queued: 0, running: 0, sleeping: 0, completed: 0, failed: 0, cancelled: 0 };
      for (const r of state.runs) counts[r.status]++;
      const runs = state.runs
        .filter(
          (r) =>
            (!status || status.length === 0 || status.includes(r.status)) &&
            (!functionId || r.functionId === functionId) &&
            (before === undefined || r.createdAt < before),
        )
        .sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1))
        .slice(0, limit);
      return { runs, counts };
    },
    'activity.run': ({ id }) => requireRun(id),
    'activity.cancel': ({ id }) => {
      const found = requireRun(id);
      if (FINISHED.includes(found.status)) throw new RpcError('CONFLICT', `That run already ${found.status}.`);
      return pushRun({ ...found, status: 'cancelled', error: 'Cancelled by you.', finishedAt: now(), wakeAt: null });
    },
    'activity.replay': ({ id }) => {
      const found = requireRun(id);
      const fn = state.functions.find((f) => f.id === found.functionId);
      if (!fn) {
        throw new RpcError(
          'CONFLICT',
          `The function ${found.functionId} is no longer part of Izzie, so its run cannot be replayed.`,
        );
      }
      if (!FINISHED.includes(found.status)) {
        throw new RpcError('CONFLICT', 'Only a finished run can be replayed; this one has not finished.');
      }
      return queue(fn, found.trigger, found.id);
    },
    'activity.functions': () => state.functions,
    'activity.runNow': ({ functionId }) => {
      const fn = requireFunction(functionId);
      const at = now();
      return queue(
        fn,
        { eventId: `manual:${fn.id}:${at}`, eventType: 'schedule/trigger', source: 'user', summary: 'started by you' },
        null,
      );
    },
    'activity.sources': () => state.sources,
    'activity.pollNow': () => {
      const at = now();
      state.sources = state.sources.map((s) => ({ ...s, polledAt: at }));
      return state.sources;
    },
    'digest.latest': () => state.digest,
    'notifications.list': ({ unreadOnly = false, limit = 50 }) => ({
      notifications: state.notifications
        .filter((n) => !unreadOnly || !n.read)
        .sort((a, b) => b.createdAt - a.createdAt)
        .slice(0, limit),
      unread: unread(),
    }),
    'notifications.read': ({ ids }) => {
      state.notifications = state.notifications.map((n) => (!ids || ids.includes(n.id) ? { ...n, read: true } : n));
      emit('notifications.unread', { unread: unread() });
      return { unread: unread() };
    },
  };

  return {
    handlers,
    state,
    /** A run was queued, started, took a step, suspended or finished: kept and pushed as `activity.run`. */
    pushRun,
    /** A new digest was written: kept and pushed as `digest.ready`. */
    pushDigest(digest: Digest): void {
      state.digest = digest;
      emit('digest.ready', { digest });
    },
    /** Izzie told the person something: the toast (`notification`) and the new unread count. */
    notify(notification: NotificationView): void {
      state.notifications = [notification, ...state.notifications.filter((n) => n.id !== notification.id)];
      const { id, title, body, target } = notification;
      emit('notification', { id, title, body, target });
      emit('notifications.unread', { unread: unread() });
    },
  };
}

/** A finished run of "New email" triggered by a message; override anything. */
export function run(overrides: Partial<RunView> = {}): RunView {
  const createdAt = overrides.createdAt ?? 1_699_990_000_000;
  return {
    id: crypto.randomUUID(),
    functionId: 'email-received',
    functionName: 'New email',
    status: 'completed',
    trigger: { eventId: 'gmail:msg-1', eventType: 'email/received', source: 'gmail', summary: 'Dana Reyes: Atlas launch plan' },
    createdAt,
    startedAt: createdAt + 1_000,
    finishedAt: createdAt + 4_200,
    wakeAt: null,
    error: null,
    replayOf: null,
    usage: NO_USAGE,
    steps: [],
    ...overrides,
  };
}

/** A completed `run` step; override anything. */
export function step(overrides: Partial<StepView> = {}): StepView {
  const startedAt = overrides.startedAt ?? 1_699_990_001_000;
  return {
    key: overrides.name ?? 'classify',
    name: 'classify',
    kind: 'run',
    status: 'completed',
    attempts: 1,
    error: null,
    startedAt,
    finishedAt: startedAt + 1_200,
    output: null,
    ...overrides,
  };
}

export function digest(overrides: Partial<Digest> = {}): Digest {
  return {
    id: 'digest-1',
    runId: 'run-digest-1',
    day: '2023-11-15',
    summary: 'Two emails need you, and your 10:00 overlaps the design review.',
    sections: [],
    coversFrom: 1_699_950_000_000,
    createdAt: 1_699_990_000_000,
    ...overrides,
  };
}

export function notification(overrides: Partial<NotificationView> = {}): NotificationView {
  return {
    id: crypto.randomUUID(),
    kind: 'attention',
    title: 'Dana needs an answer today',
    body: 'Atlas launch plan',
    target: null,
    runId: null,
    createdAt: 1_699_990_000_000,
    read: false,
    ...overrides,
  };
}
