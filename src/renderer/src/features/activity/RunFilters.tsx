import { useId } from 'react';
import type { RunStatus } from '../../../../shared';
import { useRpc } from '../../rpc/rpc-context';
import { FILTER_STATUSES, useRuns, type RunFilter } from '../../stores/runs';
import { showFilter, showFunction } from './activity-actions';

const CHIPS: { filter: RunFilter; label: string }[] = [
  { filter: 'all', label: 'All' },
  { filter: 'active', label: 'Active' },
  { filter: 'failed', label: 'Failed' },
  { filter: 'completed', label: 'Completed' },
];

/** Status chips with how many runs each holds, and which function's runs to show. */
export function RunFilters() {
  const client = useRpc();
  const filter = useRuns((s) => s.filter);
  const counts = useRuns((s) => s.counts);
  const functionId = useRuns((s) => s.functionId);
  const functions = useRuns((s) => s.functions);
  const selectId = useId();
  const countOf = (chip: RunFilter) =>
    (FILTER_STATUSES[chip] ?? (Object.keys(counts) as RunStatus[])).reduce((sum, status) => sum + counts[status], 0);

  return (
    <div className="run-filters">
      <div role="group" aria-label="Filter runs by status" className="run-filters__chips">
        {CHIPS.map((chip) => (
          <button
            key={chip.filter}
            type="button"
            className="run-chip"
            aria-pressed={filter === chip.filter}
            onClick={() => void showFilter(client, chip.filter)}
          >
            {chip.label} <span className="run-chip__count">{countOf(chip.filter).toLocaleString('en')}</span>
          </button>
        ))}
      </div>
      <div className="run-filters__function">
        <label htmlFor={selectId} className="visually-hidden">
          Function
        </label>
        <select
          id={selectId}
          className="input run-filters__select"
          value={functionId ?? ''}
          onChange={(event) => void showFunction(client, event.target.value || null)}
        >
          <option value="">All functions</option>
          {functions.map((fn) => (
            <option key={fn.id} value={fn.id}>
              {fn.name}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
