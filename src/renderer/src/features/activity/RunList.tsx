import { EmptyState } from '../../components/EmptyState';
import { useRpc } from '../../rpc/rpc-context';
import { useRuns } from '../../stores/runs';
import { useNow } from '../chat/relative-time';
import { LoadProblem, Loading } from '../integrations/LoadState';
import { loadRuns } from './activity-actions';
import { RunItem } from './RunItem';

/** The runs under the current filters, newest first, live; older ones a page at a time. */
export function RunList() {
  const client = useRpc();
  const runs = useRuns((s) => s.runs);
  const status = useRuns((s) => s.status);
  const error = useRuns((s) => s.error);
  const hasOlder = useRuns((s) => s.hasOlder);
  const filtered = useRuns((s) => s.filter !== 'all' || s.functionId !== null);
  const now = useNow(15_000);

  return (
    <div className="run-list">
      {status === 'error' ? <LoadProblem what="the runs" error={error} onRetry={() => void loadRuns(client)} /> : null}
      {runs.length > 0 ? (
        <ul className="run-list__items" aria-label="Runs">
          {runs.map((run) => (
            <li key={run.id}>
              <RunItem run={run} now={now} />
            </li>
          ))}
        </ul>
      ) : status === 'ready' ? (
        filtered ? (
          <p className="run-list__none">No runs match these filters.</p>
        ) : (
          <EmptyState icon="activity" title="Nothing has run yet">
            Izzie’s proactive work — the morning digest, triage of new email, pull requests and issues, calendar checks — shows
            here as it happens, step by step, with each step’s result and any retries.
          </EmptyState>
        )
      ) : status === 'loading' ? (
        <Loading what="runs" />
      ) : null}
      {runs.length > 0 && hasOlder ? (
        <div className="run-list__foot">
          <button
            type="button"
            className="button button--small"
            disabled={status === 'loading'}
            onClick={() => void loadRuns(client, { older: true })}
          >
            {status === 'loading' ? 'Loading…' : 'Show older'}
          </button>
        </div>
      ) : null}
    </div>
  );
}
