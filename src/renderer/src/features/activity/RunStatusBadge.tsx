import type { RunView } from '../../../../shared';
import { describeRunStatus } from './activity-format';

/** A run's status in words, with a coloured dot: failed red, completed green, running accent, waiting muted. */
export function RunStatusBadge({ run, now, id }: { run: RunView; now: number; id?: string }) {
  const { text, tone } = describeRunStatus(run, now);
  return (
    <span id={id} className={`run-status run-status--${tone}`} data-status={run.status}>
      <span
        className={run.status === 'running' ? 'run-status__dot run-status__dot--live' : 'run-status__dot'}
        aria-hidden="true"
      />
      {text}
    </span>
  );
}
