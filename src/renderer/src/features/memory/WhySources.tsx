import type { Memory, MemorySource } from '../../../../shared';
import { useNavigation } from '../../stores/navigation';
import { Time } from './MemoryFacts';
import { sourceTypeName } from './memory-format';

/** "Why do you know this?": every time the fact was learned, and a way to the chat it came from. */
export function WhySources({ id, memory }: { id: string; memory: Memory }) {
  const count = memory.sources.length;
  return (
    <div id={id} className="why" role="group" aria-label="Where Izzie learned this">
      <p className="why__lead">
        {count === 0
          ? 'Izzie kept no record of where this came from.'
          : `Izzie learned this ${count === 1 ? 'once' : `${count} times`}${memory.persona ? ` as your ${memory.persona} assistant` : ''}:`}
      </p>
      {count > 0 ? (
        <ul className="why__sources">
          {memory.sources.map((source) => (
            <li key={`${source.type}:${source.id}:${source.at}`} className="why__source">
              <span className="why__type">{sourceTypeName(source.type)}</span>
              <span className="why__label">{source.label ?? 'Untitled'}</span>
              <Time at={source.at} />
              <SourceLink source={source} />
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function SourceLink({ source }: { source: MemorySource }) {
  const selectThread = useNavigation((s) => s.selectThread);
  const threadId = source.parentId;
  if (source.type === 'chat_message' && threadId) {
    return (
      <button
        type="button"
        className="link-button"
        aria-label={source.label ? `Open chat ‘${source.label}’` : 'Open the chat'}
        onClick={() => selectThread(threadId)}
      >
        Open chat
      </button>
    );
  }
  // Mail, Slack and the others have no page in Izzie yet; say so rather than offer a dead link.
  return source.type === 'manual' ? null : <span className="why__note">Can’t be opened from here yet</span>;
}
