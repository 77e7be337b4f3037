import { useEffect, useId, useRef, useState } from 'react';
import type { RunView } from '../../../../shared';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Icon } from '../../components/Icon';
import { useRpc } from '../../rpc/rpc-context';
import { useRuns } from '../../stores/runs';
import { formatAgo } from '../integrations/time';
import { cancelRun, replayRun, toggleRun } from './activity-actions';
import { describeRunUsage, formatExact, runDuration } from './activity-format';
import { RunStatusBadge } from './RunStatusBadge';
import { RunSteps } from './RunSteps';

const UNFINISHED: readonly RunView['status'][] = ['queued', 'running', 'sleeping'];

/** One run in the timeline: what ran, why, how it went and what it cost; open it for its steps. */
export function RunItem({ run, now }: { run: RunView; now: number }) {
  const client = useRpc();
  const expanded = useRuns((s) => s.expandedId === run.id);
  const reveal = useRuns((s) => s.revealId === run.id);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const nameId = useId();
  const statusId = useId();
  const stepsId = useId();
  const toggleRef = useRef<HTMLButtonElement>(null);
  const unfinished = UNFINISHED.includes(run.status);
  const duration = runDuration(run, now);
  const usage = describeRunUsage(run.usage);

  // Sent here by a notification or a new run: bring it into view and put focus on it.
  useEffect(() => {
    if (!reveal) return;
    toggleRef.current?.scrollIntoView?.({ behavior: 'smooth', block: 'center' });
    toggleRef.current?.focus({ preventScroll: true });
    useRuns.getState().set({ revealId: null });
  }, [reveal]);

  async function perform(action: () => Promise<boolean>) {
    setBusy(true);
    await action();
    setBusy(false);
    setConfirming(false);
  }

  return (
    <article className={`run run--${run.status}`} aria-labelledby={`${nameId} ${statusId}`} data-run-id={run.id}>
      <div className="run__head">
        <button
          ref={toggleRef}
          type="button"
          className="run__toggle"
          aria-expanded={expanded}
          aria-controls={stepsId}
          onClick={() => toggleRun(run.id)}
        >
          <Icon name="chevron" size={14} className="run__chevron" />
          <span id={nameId} className="run__name">
            {run.functionName}
          </span>
          <span className="run__trigger">{run.trigger.summary}</span>
        </button>
        <RunStatusBadge run={run} now={now} id={statusId} />
        <div className="run__actions">
          {unfinished ? (
            <button
              type="button"
              className="button button--small button--ghost"
              disabled={busy}
              onClick={() => setConfirming(true)}
            >
              Cancel
            </button>
          ) : (
            <button
              type="button"
              className="button button--small button--ghost"
              disabled={busy}
              onClick={() => void perform(() => replayRun(client, run))}
            >
              <Icon name="retry" size={14} />
              {busy ? 'Replaying…' : 'Replay'}
            </button>
          )}
        </div>
      </div>
      <p className="run__meta">
        <time dateTime={new Date(run.createdAt).toISOString()} title={formatExact(run.createdAt)}>
          {formatAgo(run.createdAt, now)}
        </time>
        {duration ? <span>took {duration}</span> : null}
        {usage ? <span className="run__usage">{usage}</span> : null}
        {run.replayOf ? <span>replay of an earlier run</span> : null}
      </p>
      {run.error && run.status === 'failed' ? (
        <p className="run__error">
          <Icon name="alert" size={15} />
          <span>{run.error}</span>
        </p>
      ) : null}
      <div id={stepsId} className="run__steps" hidden={!expanded}>
        {expanded ? (
          <>
            {run.error && run.status !== 'failed' ? <p className="run__note">{run.error}</p> : null}
            <RunSteps run={run} now={now} />
          </>
        ) : null}
      </div>
      {confirming ? (
        <ConfirmDialog
          title={`Cancel “${run.functionName}”?`}
          confirmLabel={busy ? 'Cancelling…' : 'Cancel run'}
          danger
          busy={busy}
          onConfirm={() => void perform(() => cancelRun(client, run))}
          onCancel={() => setConfirming(false)}
        >
          Izzie stops this run before its next step. Steps already done stay done; you can replay the run later.
        </ConfirmDialog>
      ) : null}
    </article>
  );
}
