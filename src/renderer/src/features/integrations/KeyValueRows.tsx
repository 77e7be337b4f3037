import { useId } from 'react';
import { Icon } from '../../components/Icon';

export interface KeyValueRow {
  readonly id: number;
  readonly key: string;
  readonly value: string;
}

/**
 * Name/value pairs whose values are secrets (environment variables, HTTP headers): values are
 * password inputs, and the hint says where they go.
 */
export function KeyValueRows({
  legend,
  noun,
  keyPlaceholder,
  rows,
  onChange,
  onAdd,
  hint,
  error,
}: {
  legend: string;
  /** One row, capitalised: "Variable", "Header". */
  noun: string;
  keyPlaceholder: string;
  rows: readonly KeyValueRow[];
  onChange(rows: KeyValueRow[]): void;
  onAdd(): void;
  hint: string;
  error?: string | undefined;
}) {
  const hintId = useId();
  const errorId = useId();
  const update = (id: number, change: Partial<KeyValueRow>) =>
    onChange(rows.map((row) => (row.id === id ? { ...row, ...change } : row)));

  return (
    <fieldset className="kv" aria-describedby={[error ? errorId : null, hintId].filter(Boolean).join(' ')}>
      <legend className="field__label-row">
        <span className="field__label">{legend}</span>
        <span className="field__optional">Optional</span>
      </legend>
      {rows.length > 0 ? (
        <div className="kv__rows">
          {rows.map((row, index) => (
            <div key={row.id} className="kv__row">
              <input
                className="input input--mono"
                aria-label={`${noun} ${index + 1} name`}
                aria-invalid={Boolean(error)}
                placeholder={keyPlaceholder}
                value={row.key}
                spellCheck={false}
                autoComplete="off"
                onChange={(event) => update(row.id, { key: event.currentTarget.value })}
              />
              <input
                className="input input--mono"
                type="password"
                aria-label={`${noun} ${index + 1} value`}
                placeholder="value"
                value={row.value}
                autoComplete="new-password"
                onChange={(event) => update(row.id, { value: event.currentTarget.value })}
              />
              <button
                type="button"
                className="icon-button"
                aria-label={`Remove ${noun.toLowerCase()} ${index + 1}`}
                title="Remove"
                onClick={() => onChange(rows.filter((r) => r.id !== row.id))}
              >
                <Icon name="close" size={14} />
              </button>
            </div>
          ))}
        </div>
      ) : null}
      <button type="button" className="button button--small kv__add" onClick={onAdd}>
        <Icon name="plus" size={14} />
        Add {noun.toLowerCase()}
      </button>
      {error ? (
        <p id={errorId} className="field__error">
          <Icon name="alert" size={13} />
          {error}
        </p>
      ) : null}
      <span id={hintId} className="field__hint">
        {hint}
      </span>
    </fieldset>
  );
}

/**
 * The record the core takes, or why it cannot be built: a value with no name, or a name twice.
 * Rows left entirely empty are ignored.
 */
export function rowsToRecord(rows: readonly KeyValueRow[], noun: string): Record<string, string> | string {
  const record: Record<string, string> = {};
  for (const row of rows) {
    const key = row.key.trim();
    if (!key && !row.value) continue;
    if (!key) return `Give every ${noun.toLowerCase()} a name.`;
    if (Object.hasOwn(record, key)) return `“${key}” appears twice.`;
    record[key] = row.value;
  }
  return record;
}
