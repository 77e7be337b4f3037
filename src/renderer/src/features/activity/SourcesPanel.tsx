import { useId, useState } from 'react';
import type { SourceView } from '../../../../shared';
import { useRpc } from '../../rpc/rpc-context';
import { useRuns } from '../../stores/runs';
import { useNow } from '../chat/relative-time';
import { formatAgo } from '../integrations/time';
import { LoadProblem } from '../integrations/LoadState';
import { loadSources, pollNow } from './activity-actions';
import { formatExact } from './activity-format';

/** What Izzie checks on its own in the connected accounts, when it last did, and what went wrong. */
export function SourcesPanel() {
  const client = useRpc();
  const sources = useRuns((s) => s.sources);
  const status = useRuns((s) => s.sourcesStatus);
  const error = useRuns((s) => s.sourcesError);
  const [checking, setChecking] = useState(false);
  const headingId = useId();
  const now = useNow();

  async function check() {
    setChecking(true);
    await pollNow(client);
    setChecking(false);
  }

  return (
    <section className="activity-panel" aria-labelledby={headingId}>
      <div className="activity-panel__head">
        <h2 id={headingId} className="activity-panel__title">
          Checking for new activity
        </h2>
        {sources.length > 0 ? (
          <button type="button" className="button button--small" disabled={checking} onClick={() => void check()}>
            {checking ? 'Checking…' : 'Check now'}
          </button>
        ) : null}
      </div>
      {status === 'error' ? <LoadProblem what="the sources" error={error} onRetry={() => void loadSources(client)} /> : null}
      {sources.length > 0 ? (
        <ul className="scheduled">
          {sources.map((source) => (
            <SourceItem key={source.id} source={source} now={now} />
          ))}
        </ul>
      ) : status === 'ready' ? (
        <p className="activity-panel__empty">Connect an account on the Integrations page and Izzie checks it here.</p>
      ) : null}
    </section>
  );
}

function SourceItem({ source, now }: { source: SourceView; now: number }) {
  const nameId = useId();
  return (
    <li className="scheduled__item" aria-labelledby={nameId}>
      <div className="scheduled__text">
        <span id={nameId} className="scheduled__name">
          {source.label}
        </span>
        <span className="scheduled__when">
          {source.polledAt === null ? (
            'not checked yet'
          ) : (
            <>
              {'checked '}
              <time dateTime={new Date(source.polledAt).toISOString()} title={formatExact(source.polledAt)}>
                {formatAgo(source.polledAt, now)}
              </time>
              {` · every ${Math.round(source.intervalMs / 60_000)} min`}
            </>
          )}
        </span>
        {source.lastError ? (
          <span className="source__error" role="status">
            {source.failures > 1 ? `Failed ${source.failures} times in a row: ` : 'Failed: '}
            {source.lastError}
          </span>
        ) : null}
      </div>
    </li>
  );
}
