import { useId } from 'react';

export interface SegmentedOption<T extends string> {
  value: T;
  label: string;
  /** The accessible name when the visible label is a short form of it. */
  name?: string;
  title?: string;
}

/**
 * A radio group drawn as a segmented control: native radios (arrow keys, form semantics), named by
 * `label`, one choice visible at a glance.
 */
export function Segmented<T extends string>({
  label,
  options,
  value,
  onChange,
  disabled = false,
  small = false,
}: {
  label: string;
  options: readonly SegmentedOption<T>[];
  value: T | null;
  onChange(value: T): void;
  disabled?: boolean;
  small?: boolean;
}) {
  const name = useId();
  return (
    <div role="radiogroup" aria-label={label} className={small ? 'segmented segmented--small' : 'segmented'}>
      {options.map((option) => (
        <label key={option.value} className="segmented__option" title={option.title}>
          <input
            type="radio"
            name={name}
            value={option.value}
            aria-label={option.name}
            checked={value === option.value}
            disabled={disabled}
            onChange={() => onChange(option.value)}
          />
          <span>{option.label}</span>
        </label>
      ))}
    </div>
  );
}
