import type { Problem } from '../../../../shared';
import { Icon } from '../../components/Icon';

/** The last thing that went wrong, and what the person can do about it. */
export function ProblemNote({ problem }: { problem: Problem }) {
  return (
    <div className="problem">
      <Icon name="alert" size={15} className="problem__icon" />
      <div className="problem__text">
        <p className="problem__message">{problem.message}</p>
        {problem.hint ? (
          <p className="problem__hint">
            <strong>How to fix it:</strong> {problem.hint}
          </p>
        ) : null}
      </div>
    </div>
  );
}
