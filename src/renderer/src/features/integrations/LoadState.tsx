import { Icon } from '../../components/Icon';

export function Loading({ what }: { what: string }) {
  return (
    <p className="load-state" role="status">
      <span className="spinner" aria-hidden="true" />
      Loading {what}…
    </p>
  );
}

/** A list that could not be read, the core's reason, and a way to try again. */
export function LoadProblem({ what, error, onRetry }: { what: string; error: string | null; onRetry(): void }) {
  return (
    <div className="load-state load-state--problem" role="alert">
      <Icon name="alert" size={15} />
      <p>
        Couldn’t load {what}.{error ? ` ${error}` : ''}
      </p>
      <button type="button" className="button button--small" onClick={onRetry}>
        Try again
      </button>
    </div>
  );
}
