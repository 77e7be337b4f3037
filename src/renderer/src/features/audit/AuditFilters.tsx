import { useEffect, useId, useRef, useState } from 'react';
import { Segmented } from '../../components/Segmented';
import { useRpc } from '../../rpc/rpc-context';
import { useAudit, type AuditFilters as Filters, type TimeRange } from '../../stores/audit';
import { applyFilters } from './audit-actions';
import { ACTION_PREFIXES } from './audit-format';

const RANGES = [
  { value: 'hour', label: 'Last hour' },
  { value: 'day', label: 'Last day' },
  { value: 'week', label: 'Last week' },
  { value: 'all', label: 'All' },
] as const;

/** Typing waits this long for a pause before the log is read again. */
const TYPING_PAUSE_MS = 300;

type Choice<K extends keyof Filters> = { value: Filters[K]; label: string }[];

const MODES: Choice<'mode'> = [
  { value: '', label: 'Any mode' },
  { value: 'assistant', label: 'Assistant' },
  { value: 'proxy', label: 'Proxy' },
];
const PERSONAS: Choice<'persona'> = [
  { value: '', label: 'Any persona' },
  { value: 'work', label: 'Work' },
  { value: 'personal', label: 'Personal' },
];
const OUTCOMES: Choice<'outcome'> = [
  { value: '', label: 'Any outcome' },
  { value: 'success', label: 'Succeeded' },
  { value: 'failure', label: 'Failed' },
];

/** The time window, what kind of entry, in which mode and persona, how it went, and words anywhere in it. */
export function AuditFilters() {
  const client = useRpc();
  const filters = useAudit((s) => s.filters);
  const [text, setText] = useState({ action: filters.action, q: filters.q });
  const ids = { action: useId(), actions: useId() };
  const applied = useRef(text);

  // The two text boxes are read again after a pause in typing, not on every key.
  useEffect(() => {
    if (text.action === applied.current.action && text.q === applied.current.q) return;
    const timer = setTimeout(() => {
      applied.current = text;
      void applyFilters(client, text);
    }, TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [client, text]);

  return (
    <div className="audit-filters" role="search" aria-label="Filter the audit log">
      <input
        type="search"
        className="input audit-filters__search"
        aria-label="Search the audit log"
        placeholder="Search actions, inputs, outputs, errors…"
        value={text.q}
        onChange={(event) => setText({ ...text, q: event.currentTarget.value })}
      />
      <div className="audit-filters__row">
        <Segmented<TimeRange>
          small
          label="Time"
          options={RANGES}
          value={filters.range}
          onChange={(range) => void applyFilters(client, { range })}
        />
        <label className="visually-hidden" htmlFor={ids.action}>
          Action
        </label>
        <input
          id={ids.action}
          className="input input--mono audit-filters__action"
          list={ids.actions}
          placeholder="Action, or a prefix like approval."
          value={text.action}
          spellCheck={false}
          autoComplete="off"
          onChange={(event) => setText({ ...text, action: event.currentTarget.value })}
        />
        <datalist id={ids.actions}>
          {ACTION_PREFIXES.map((prefix) => (
            <option key={prefix} value={prefix} />
          ))}
        </datalist>
        <Select label="Mode" value={filters.mode} options={MODES} onChange={(mode) => void applyFilters(client, { mode })} />
        <Select
          label="Persona"
          value={filters.persona}
          options={PERSONAS}
          onChange={(persona) => void applyFilters(client, { persona })}
        />
        <Select
          label="Outcome"
          value={filters.outcome}
          options={OUTCOMES}
          onChange={(outcome) => void applyFilters(client, { outcome })}
        />
      </div>
    </div>
  );
}

function Select<T extends string>({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: T;
  options: { value: T; label: string }[];
  onChange(value: T): void;
}) {
  const id = useId();
  return (
    <>
      <label className="visually-hidden" htmlFor={id}>
        {label}
      </label>
      <select
        id={id}
        className="input audit-filters__select"
        value={value}
        onChange={(event) => {
          const next = options.find((o) => o.value === event.currentTarget.value);
          if (next) onChange(next.value);
        }}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </>
  );
}
