import type { ReactNode } from 'react';
import type { AuditEntry } from '../../../../shared';
import { EmptyState } from '../../components/EmptyState';
import { useRpc } from '../../rpc/rpc-context';
import { NO_FILTERS, useAudit } from '../../stores/audit';
import { formatExact, formatDuration } from '../activity/activity-format';
import { useNow } from '../chat/relative-time';
import { formatCost } from '../chat/usage';
import { LoadProblem, Loading } from '../integrations/LoadState';
import { loadEntries, selectEntry } from './audit-actions';
import { ACTOR_NAMES, MODE_NAMES, PERSONA_NAMES, formatTime, formatTokens } from './audit-format';

/** The log under the filters, newest first, a page at a time; choosing an entry opens it beside the list. */
export function AuditTable() {
  const client = useRpc();
  const entries = useAudit((s) => s.entries);
  const total = useAudit((s) => s.total);
  const status = useAudit((s) => s.status);
  const error = useAudit((s) => s.error);
  const selectedSeq = useAudit((s) => s.selected?.seq ?? null);
  const filtered = useAudit((s) => JSON.stringify(s.filters) !== JSON.stringify(NO_FILTERS));
  const now = useNow(60_000);

  if (entries.length === 0) {
    if (status === 'error') return <LoadProblem what="the audit log" error={error} onRetry={() => void loadEntries(client)} />;
    if (status !== 'ready') return <Loading what="the audit log" />;
    return filtered ? (
      <p className="audit-table__none">No entries match these filters.</p>
    ) : (
      <EmptyState icon="audit" title="Nothing recorded yet">
        Every model call, tool call, policy decision, approval and change you make is written here, chained to the entry before it
        so nothing can be altered unnoticed.
      </EmptyState>
    );
  }

  return (
    <div className="audit-table">
      {status === 'error' ? <LoadProblem what="more entries" error={error} onRetry={() => void loadEntries(client)} /> : null}
      <div className="audit-table__scroll">
        <table>
          <caption className="visually-hidden">Audit log entries, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Action</th>
              <th scope="col">Actor</th>
              <th scope="col">Mode</th>
              <th scope="col">Persona</th>
              <th scope="col">Outcome</th>
              <th scope="col">Model</th>
              <th scope="col" className="audit-table__number">
                Tokens
              </th>
              <th scope="col" className="audit-table__number">
                Latency
              </th>
              <th scope="col" className="audit-table__number">
                Cost
              </th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <Row key={entry.seq} entry={entry} now={now} selected={entry.seq === selectedSeq} />
            ))}
          </tbody>
        </table>
      </div>
      <div className="audit-table__foot">
        <span className="audit-table__count">
          Showing {entries.length.toLocaleString('en')} of {total.toLocaleString('en')}
        </span>
        {entries.length < total ? (
          <button
            type="button"
            className="button button--small"
            disabled={status === 'loading'}
            onClick={() => void loadEntries(client, { older: true })}
          >
            {status === 'loading' ? 'Loading…' : 'Load older'}
          </button>
        ) : null}
      </div>
    </div>
  );
}

function Row({ entry, now, selected }: { entry: AuditEntry; now: number; selected: boolean }) {
  const client = useRpc();
  const tokens = formatTokens(entry);
  return (
    <tr className="audit-row" data-selected={selected || undefined} data-seq={entry.seq}>
      <td>
        <time dateTime={new Date(entry.at).toISOString()} title={formatExact(entry.at)}>
          {formatTime(entry.at, now)}
        </time>
      </td>
      <td>
        <button
          type="button"
          className="audit-row__open"
          aria-current={selected || undefined}
          aria-label={`Entry ${entry.seq}: ${entry.action}`}
          onClick={() => void selectEntry(client, entry)}
        >
          {entry.action}
        </button>
      </td>
      <td>{ACTOR_NAMES[entry.actor]}</td>
      <td>{entry.mode ? MODE_NAMES[entry.mode] : <None />}</td>
      <td>{entry.persona ? PERSONA_NAMES[entry.persona] : <None />}</td>
      <td>
        <span className={entry.success ? 'audit-outcome audit-outcome--ok' : 'audit-outcome audit-outcome--failed'}>
          {entry.success ? 'OK' : 'Failed'}
        </span>
      </td>
      <td className="audit-row__model">{entry.model ?? <None />}</td>
      <NumberCell title={tokens?.title}>{tokens?.text}</NumberCell>
      <NumberCell>{entry.latencyMs === null ? null : formatDuration(entry.latencyMs)}</NumberCell>
      <NumberCell>{entry.costUsd === null ? null : formatCost(entry.costUsd)}</NumberCell>
    </tr>
  );
}

function NumberCell({ children, title }: { children: ReactNode; title?: string | undefined }) {
  return (
    <td className="audit-table__number" title={title}>
      {children ?? <None />}
    </td>
  );
}

/** An empty cell: a dash to see, "none" to hear. */
function None() {
  return (
    <>
      <span aria-hidden="true">—</span>
      <span className="visually-hidden">none</span>
    </>
  );
}
