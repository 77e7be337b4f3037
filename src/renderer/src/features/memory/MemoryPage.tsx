import { useEffect, useState } from 'react';
import { useRpc } from '../../rpc/rpc-context';
import { useConnection } from '../../stores/connection';
import { useMemory } from '../../stores/memory';
import { BrowseSection } from './BrowseSection';
import { EmbedderDialog } from './EmbedderDialog';
import { EntityPanel } from './EntityPanel';
import { JobProgress } from './JobProgress';
import { openMemoryPage, refreshShown } from './memory-actions';
import { MemorySummary } from './MemorySummary';
import { RetentionDialog } from './RetentionDialog';
import { SearchSection } from './SearchSection';
import './memory.css';

/**
 * What Izzie knows: search it as a persona would, browse it by namespace, correct or delete any
 * memory, see where it came from, and explore the people and projects it mentions. Stays current
 * through `memory.changed` and `memory.status` (app/use-core-sync.ts).
 */
export function MemoryPage() {
  const client = useRpc();
  const entityOpen = useMemory((s) => s.entity !== null);
  const [dialog, setDialog] = useState<'retention' | 'embedder' | null>(null);

  useEffect(() => {
    void openMemoryPage(client);
  }, [client]);

  // Changes pushed while the connection was down are lost: read what is shown again once it is back.
  useEffect(() => {
    let previous = useConnection.getState().state;
    return useConnection.subscribe(({ state }) => {
      if (state === 'connected' && previous !== 'connected') void refreshShown(client);
      previous = state;
    });
  }, [client]);

  return (
    <div className="page memory-page">
      <header className="page__header">
        <h1 className="page__title">Memory</h1>
        <p className="page__subtitle">What Izzie knows, kept on this computer. Search it, correct it, or make Izzie forget.</p>
      </header>
      <MemorySummary onRetention={() => setDialog('retention')} onEmbedder={() => setDialog('embedder')} />
      <JobProgress />
      <div className={entityOpen ? 'memory-layout memory-layout--with-entity' : 'memory-layout'}>
        <div className="memory-layout__main">
          <SearchSection />
          <BrowseSection />
        </div>
        {entityOpen ? (
          <div className="memory-layout__side">
            <EntityPanel />
          </div>
        ) : null}
      </div>
      {dialog === 'retention' ? <RetentionDialog onClose={() => setDialog(null)} /> : null}
      {dialog === 'embedder' ? <EmbedderDialog onClose={() => setDialog(null)} /> : null}
    </div>
  );
}
