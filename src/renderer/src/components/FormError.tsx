import { Icon } from './Icon';

/**
 * A form's refusal, announced as it appears. Nothing is rendered without a message. `focusable`
 * lets a form move focus to it after a failed submit.
 */
export function FormError({
  message,
  id,
  focusable = false,
}: {
  message: string | null | undefined;
  id?: string;
  focusable?: boolean;
}) {
  if (!message) return null;
  return (
    <p id={id} className="form-error" role="alert" tabIndex={focusable ? -1 : undefined}>
      <Icon name="alert" size={14} />
      {message}
    </p>
  );
}
