import { useId, useState } from 'react';
import type { FunctionView } from '../../../../shared';
import { useRpc } from '../../rpc/rpc-context';
import { useRuns } from '../../stores/runs';
import { useNow } from '../chat/relative-time';
import { LoadProblem } from '../integrations/LoadState';
import { loadFunctions, runNow } from './activity-actions';
import { formatExact, formatWhen, isScheduled } from './activity-format';

/** Functions that run on a clock, when each runs next, and a way to run one now. */
export function ScheduledPanel() {
  const client = useRpc();
  const functions = useRuns((s) => s.functions);
  const status = useRuns((s) => s.functionsStatus);
  const error = useRuns((s) => s.functionsError);
  const headingId = useId();
  const scheduled = functions.filter(isScheduled);
  const now = useNow();

  return (
    <section className="activity-panel" aria-labelledby={headingId}>
      <h2 id={headingId} className="activity-panel__title">
        Scheduled
      </h2>
      {status === 'error' ? (
        <LoadProblem what="the scheduled functions" error={error} onRetry={() => void loadFunctions(client)} />
      ) : null}
      {scheduled.length > 0 ? (
        <ul className="scheduled">
          {scheduled.map((fn) => (
            <ScheduledItem key={fn.id} fn={fn} now={now} />
          ))}
        </ul>
      ) : status === 'ready' ? (
        <p className="activity-panel__empty">Nothing runs on a schedule.</p>
      ) : null}
    </section>
  );
}

function ScheduledItem({ fn, now }: { fn: FunctionView; now: number }) {
  const client = useRpc();
  const [starting, setStarting] = useState(false);
  const nameId = useId();

  async function start() {
    setStarting(true);
    await runNow(client, fn.id, fn.name);
    setStarting(false);
  }

  return (
    <li className="scheduled__item" aria-labelledby={nameId}>
      <div className="scheduled__text">
        <span id={nameId} className="scheduled__name">
          {fn.name}
        </span>
        <span className="scheduled__when">
          {fn.trigger}
          {fn.nextRunAt !== null ? (
            <>
              {' · next '}
              <time dateTime={new Date(fn.nextRunAt).toISOString()} title={formatExact(fn.nextRunAt)}>
                {formatWhen(fn.nextRunAt, now)}
              </time>
            </>
          ) : null}
        </span>
      </div>
      <button
        type="button"
        className="button button--small"
        aria-describedby={nameId}
        disabled={starting}
        onClick={() => void start()}
      >
        {starting ? 'Starting…' : 'Run now'}
      </button>
    </li>
  );
}
