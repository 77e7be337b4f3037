import { useId, type ReactNode } from 'react';
import { Icon } from '../../components/Icon';

export interface ControlProps {
  id: string;
  'aria-describedby': string | undefined;
  'aria-invalid': boolean;
}

/**
 * A labelled form control with its hint and, after a refused submit, the reason under it. The
 * control itself is the caller's (input, password, textarea); it receives the wiring.
 */
export function Field({
  label,
  hint,
  error,
  optional = false,
  children,
}: {
  label: string;
  hint?: ReactNode;
  error?: string | undefined;
  optional?: boolean;
  children(control: ControlProps): ReactNode;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <div className="field__label-row">
        <label className="field__label" htmlFor={id}>
          {label}
        </label>
        {optional ? <span className="field__optional">Optional</span> : null}
      </div>
      {children({ id, 'aria-describedby': describedBy, 'aria-invalid': Boolean(error) })}
      {error ? (
        <p id={errorId} className="field__error">
          <Icon name="alert" size={13} />
          {error}
        </p>
      ) : null}
      {hint ? (
        <span id={hintId} className="field__hint">
          {hint}
        </span>
      ) : null}
    </div>
  );
}

/** A one-line text, URL or password input inside a {@link Field}. */
export function TextField({
  label,
  value,
  onChange,
  type = 'text',
  hint,
  error,
  optional,
  placeholder,
  mono = false,
}: {
  label: string;
  value: string;
  onChange(value: string): void;
  type?: 'text' | 'password' | 'url' | 'tel';
  hint?: ReactNode;
  error?: string | undefined;
  optional?: boolean;
  placeholder?: string;
  mono?: boolean;
}) {
  return (
    <Field label={label} hint={hint} error={error} optional={optional}>
      {(control) => (
        <input
          {...control}
          className={mono || type === 'password' || type === 'url' ? 'input input--mono' : 'input'}
          type={type}
          value={value}
          placeholder={placeholder}
          required={!optional}
          aria-required={!optional}
          autoComplete={type === 'password' ? 'new-password' : 'off'}
          spellCheck={false}
          onChange={(event) => onChange(event.currentTarget.value)}
        />
      )}
    </Field>
  );
}
