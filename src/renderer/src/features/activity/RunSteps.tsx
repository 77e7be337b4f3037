import type { RunView, StepView } from '../../../../shared';
import { Icon } from '../../components/Icon';
import { formatExact, formatTries, prettyOutput, stepDuration, stepStatusText } from './activity-format';

/** A run's steps in order, as a timeline: what each did, how long it took, how often it was tried, what it returned. */
export function RunSteps({ run, now }: { run: RunView; now: number }) {
  if (run.steps.length === 0) {
    return <p className="run-steps__empty">{run.status === 'queued' ? 'No step has run yet.' : 'This run took no steps.'}</p>;
  }
  return (
    <ol className="run-steps" aria-label={`Steps of ${run.functionName}`}>
      {run.steps.map((step) => (
        <StepItem key={step.key} step={step} now={now} />
      ))}
    </ol>
  );
}

function StepItem({ step, now }: { step: StepView; now: number }) {
  const duration = stepDuration(step);
  const tries = formatTries(step.attempts);
  return (
    <li className={`run-step run-step--${step.status}`} aria-label={`${step.name}: ${stepStatusText(step, now)}`}>
      <span className="run-step__marker" aria-hidden="true" />
      <div className="run-step__body">
        <div className="run-step__head">
          <span className="run-step__name">{step.name}</span>
          <span className="run-step__status">{stepStatusText(step, now)}</span>
          {duration ? (
            <time className="run-step__duration" title={`Started ${formatExact(step.startedAt)}`}>
              {duration}
            </time>
          ) : null}
          {tries ? <span className="run-step__tries">{tries}</span> : null}
          {step.kind === 'run' ? null : <span className="run-step__kind">{step.kind === 'sleep' ? 'wait' : 'event'}</span>}
        </div>
        {step.error ? (
          <p className="run-step__error">
            <Icon name="alert" size={13} />
            <span>{step.error}</span>
          </p>
        ) : null}
        {step.output !== null && step.kind !== 'sleep' ? (
          <details className="run-step__output">
            <summary>Output</summary>
            <pre>{prettyOutput(step.output)}</pre>
          </details>
        ) : null}
      </div>
    </li>
  );
}
