import type { FunctionView, RunStatus, RunView, StepView } from '../../../../shared';
import { formatCost } from '../chat/usage';

export type Tone = 'ok' | 'danger' | 'accent' | 'muted';

const STATUS_NAMES: Record<RunStatus, string> = {
  queued: 'Queued',
  running: 'Running',
  sleeping: 'Sleeping',
  completed: 'Completed',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

const STATUS_TONES: Record<RunStatus, Tone> = {
  queued: 'muted',
  running: 'accent',
  sleeping: 'muted',
  completed: 'ok',
  failed: 'danger',
  cancelled: 'muted',
};

/** "Completed", "Running", "Retrying at 10:42" (queued again after a failed step), "Sleeping until 09:00". */
export function describeRunStatus(run: RunView, now: number): { text: string; tone: Tone } {
  const tone = STATUS_TONES[run.status];
  const waiting = run.wakeAt !== null && run.wakeAt > now;
  if (run.status === 'queued' && waiting && run.wakeAt !== null) {
    const retrying = run.steps.some((s) => s.status === 'failed');
    return { text: `${retrying ? 'Retrying' : 'Queued'} at ${formatWhen(run.wakeAt, now)}`, tone: retrying ? 'danger' : tone };
  }
  if (run.status === 'sleeping' && run.wakeAt !== null) {
    return { text: `Sleeping until ${formatWhen(run.wakeAt, now)}`, tone };
  }
  return { text: STATUS_NAMES[run.status], tone };
}

const STEP_NAMES: Record<StepView['status'], string> = {
  completed: 'Completed',
  failed: 'Failed',
  sleeping: 'Sleeping',
  running: 'Running',
};

export function stepStatusText(step: StepView, now: number): string {
  const until = step.status === 'sleeping' ? sleepUntil(step) : null;
  return until === null ? STEP_NAMES[step.status] : `Sleeping until ${formatWhen(until, now)}`;
}

/** A sleeping step keeps when it wakes as its output. */
function sleepUntil(step: StepView): number | null {
  const at = Number(step.output);
  return step.output !== null && Number.isFinite(at) ? at : null;
}

/** How long a step took, "running…" while it runs, nothing while it sleeps. */
export function stepDuration(step: StepView): string | null {
  if (step.status === 'running') return 'running…';
  if (step.finishedAt === null) return null;
  return formatDuration(step.finishedAt - step.startedAt);
}

/** How long a run took, or has taken so far while it runs. */
export function runDuration(run: RunView, now: number): string | null {
  if (run.startedAt === null) return null;
  if (run.finishedAt !== null) return formatDuration(run.finishedAt - run.startedAt);
  return run.status === 'running' ? `${formatDuration(Math.max(0, now - run.startedAt))} so far` : null;
}

/** "850 ms", "4.2 s", "2 min 5 s", "1 h 3 min". */
export function formatDuration(ms: number): string {
  if (ms < 1_000) return `${Math.max(0, Math.round(ms))} ms`;
  if (ms < 60_000) return `${(ms / 1_000).toFixed(1)} s`;
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 60) return `${minutes} min ${Math.round((ms % 60_000) / 1_000)} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/** "1,234 tokens · $0.0042 · 2 model calls", or null when the run used no model. */
export function describeRunUsage(usage: RunView['usage']): string | null {
  if (usage.calls === 0) return null;
  const tokens = usage.inputTokens + usage.outputTokens;
  return [
    `${tokens.toLocaleString('en')} ${tokens === 1 ? 'token' : 'tokens'}`,
    formatCost(usage.costUsd),
    `${usage.calls} model ${usage.calls === 1 ? 'call' : 'calls'}`,
  ].join(' · ');
}

export function formatTries(attempts: number): string | null {
  return attempts > 1 ? `${attempts} tries` : null;
}

/** A step's saved result as readable JSON (it may have been cut short, so not always valid). */
export function prettyOutput(output: string): string {
  try {
    return JSON.stringify(JSON.parse(output), null, 2);
  } catch {
    return output;
  }
}

/** "10:42" today, "Tue 07:00" this week, "Mar 4, 07:00" further off. */
export function formatWhen(at: number, now: number, locale?: string): string {
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }).format(at);
  const day = new Date(at).toDateString();
  if (day === new Date(now).toDateString()) return time;
  const days = Math.abs(at - now) / 86_400_000;
  const date = new Intl.DateTimeFormat(locale, days < 6 ? { weekday: 'short' } : { month: 'short', day: 'numeric' }).format(at);
  return `${date} ${time}`;
}

export function formatExact(at: number, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' }).format(at);
}

/** Functions that run on a clock (the "Scheduled" panel), not on an event. */
export function isScheduled(fn: FunctionView): boolean {
  return fn.trigger.startsWith('every') || fn.trigger.startsWith('on schedule');
}

/** The digest's day ("2024-03-04") as "Monday, March 4, 2024". */
export function formatDay(day: string, locale?: string): string {
  const [year, month, date] = day.split('-').map(Number);
  if (!year || !month || !date) return day;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'full' }).format(new Date(year, month - 1, date));
}
