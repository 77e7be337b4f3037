import { Icon } from '../../components/Icon';
import { useMemory } from '../../stores/memory';
import { formatCount } from './memory-format';

/** How much Izzie remembers and what it embeds with, with the page's two settings. */
export function MemorySummary({ onRetention, onEmbedder }: { onRetention(): void; onEmbedder(): void }) {
  const status = useMemory((s) => s.status);
  return (
    <div className="memory-summary">
      <div className="memory-summary__facts">
        <p className="memory-summary__total">
          {status ? <strong>{formatCount(status.total, 'memory', 'memories')}</strong> : 'Counting memories…'}
        </p>
        {status ? (
          <p className="memory-summary__embedder">
            Embedded with <strong>{status.embedder.label}</strong>
            {status.embedder.dimension ? ` · ${status.embedder.dimension} dimensions` : ''}
          </p>
        ) : null}
      </div>
      <div className="memory-summary__actions">
        <button type="button" className="button button--small" onClick={onEmbedder}>
          <Icon name="sparkle" size={14} />
          Change embedder
        </button>
        <button type="button" className="button button--small" onClick={onRetention}>
          <Icon name="lock" size={14} />
          Retention
        </button>
      </div>
    </div>
  );
}
