import type { Memory } from '../../../../shared';
import { formatFull } from '../chat/relative-time';
import { describeSource, formatDate, formatPercent } from './memory-format';

/** Where a memory came from, when it was learned and changed, how sure Izzie is, how often it was learned. */
export function MemoryFacts({ memory }: { memory: Memory }) {
  const first = memory.sources[0];
  return (
    <p className="memory__facts">
      {first ? <span>{describeSource(first)}</span> : null}
      <span>
        learned <Time at={memory.createdAt} />
      </span>
      {memory.updatedAt !== memory.createdAt ? (
        <span>
          updated <Time at={memory.updatedAt} />
        </span>
      ) : null}
      <span title="How sure Izzie is that this is true">confidence {formatPercent(memory.confidence)}</span>
      {memory.reinforcements > 0 ? (
        <span title={`Izzie learned the same fact again ${memory.reinforcements} more times`}>
          learned {memory.reinforcements + 1}×
        </span>
      ) : null}
    </p>
  );
}

export function Time({ at }: { at: number }) {
  return (
    <time dateTime={new Date(at).toISOString()} title={formatFull(at)}>
      {formatDate(at)}
    </time>
  );
}
