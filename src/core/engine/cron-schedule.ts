import { Cron } from 'croner';
import type { CronTrigger } from './engine-function';

/** A fire this late or less counts as on time, under either missed-run policy. */
export const DEFAULT_GRACE_MS = 10 * 60_000;
/** Enumerating fire times stops here; the newest is then found from the other end. */
const ENUMERATION_CAP = 1_000;

export interface CronDecision {
  /** The fire time to run now, or null. */
  readonly fireAt: number | null;
  /** Fire times that passed without a run of their own. */
  readonly missed: number;
  /** Where the cursor moves: every fire time up to here is dealt with. */
  readonly handledUntil: number;
}

/** Parses a trigger's schedule; throws a readable error for a bad expression or time zone. */
export function parseSchedule(functionId: string, trigger: CronTrigger): Cron {
  try {
    // croner accepts any zone name and fails later, at fire time; Intl refuses an unknown one now.
    if (trigger.timezone) new Intl.DateTimeFormat('en', { timeZone: trigger.timezone });
    return new Cron(trigger.cron, { mode: '5-or-6-parts', ...(trigger.timezone ? { timezone: trigger.timezone } : {}) });
  } catch (error) {
    throw new Error(`The schedule of ${functionId} ("${trigger.cron}") is not valid: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

/** The first fire time after `at`, or null when the schedule has none. */
export function nextFire(schedule: Cron, at: number): number | null {
  return schedule.nextRun(new Date(at))?.getTime() ?? null;
}

/**
 * What to do about the fire times in (`handledUntil`, `now`]. With `once`, a laptop that slept
 * through three 07:00 digests runs one on wake; with `skip`, none. A fire within the grace window
 * is on time and runs under both policies; older ones in the same stretch are counted as missed.
 */
export function decideCron(schedule: Cron, trigger: CronTrigger, handledUntil: number, now: number): CronDecision {
  const due: number[] = [];
  for (let at = nextFire(schedule, handledUntil); at !== null && at <= now; at = nextFire(schedule, at)) {
    due.push(at);
    if (due.length >= ENUMERATION_CAP) break;
  }
  if (due.length === 0) return { fireAt: null, missed: 0, handledUntil };
  let latest = due[due.length - 1] ?? handledUntil;
  // Past the cap (a minutely schedule after a week away) the count says "at least"; the newest
  // fire is found from now, backwards.
  const count = due.length;
  if (due.length >= ENUMERATION_CAP) latest = schedule.previousRuns(1, new Date(now + 1))[0]?.getTime() ?? latest;
  const onTime = now - latest <= (trigger.graceMs ?? DEFAULT_GRACE_MS);
  if (onTime) return { fireAt: latest, missed: count - 1, handledUntil: latest };
  if (trigger.missed === 'once') return { fireAt: latest, missed: count - 1, handledUntil: latest };
  return { fireAt: null, missed: count, handledUntil: latest };
}
