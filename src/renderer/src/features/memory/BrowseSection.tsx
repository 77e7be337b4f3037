import { useId } from 'react';
import { useRpc } from '../../rpc/rpc-context';
import { useMemory } from '../../stores/memory';
import { LoadProblem, Loading } from '../integrations/LoadState';
import { loadMore, refreshList, showNamespace } from './memory-actions';
import { formatCount, namespaceName } from './memory-format';
import { MemoryItem } from './MemoryItem';
import { NamespaceTabs, type NamespaceTab } from './NamespaceTabs';

/** Every memory, newest first, one namespace at a time, loaded a page at a time. */
export function BrowseSection() {
  const client = useRpc();
  const browse = useMemory((s) => s.browse);
  const namespaces = useMemory((s) => s.namespaces);
  const headingId = useId();
  const panelId = useId();
  const tabPrefix = useId();
  const tabId = (namespace: string | null) => `${tabPrefix}-${namespace ?? 'all'}`;
  const tabs: NamespaceTab[] = [
    { namespace: null, count: namespaces.reduce((sum, n) => sum + n.count, 0) },
    ...namespaces.map((n) => ({ namespace: n.namespace, count: n.count })),
  ];
  const where = browse.namespace === null ? '' : ` in ${namespaceName(browse.namespace)}`;
  const remaining = browse.total - browse.memories.length;

  return (
    <section className="memory-section" aria-labelledby={headingId}>
      <div className="memory-section__head">
        <h2 id={headingId} className="memory-section__title">
          Everything Izzie remembers
        </h2>
      </div>
      <NamespaceTabs
        tabs={tabs}
        value={browse.namespace}
        panelId={panelId}
        tabId={tabId}
        onChange={(namespace) => void showNamespace(client, namespace)}
      />
      <div id={panelId} role="tabpanel" aria-labelledby={tabId(browse.namespace)} className="memory-browse">
        {browse.status === 'error' ? (
          <LoadProblem what={`the memories${where}`} error={browse.error} onRetry={() => void refreshList(client)} />
        ) : null}
        {browse.memories.length > 0 ? (
          <ul className="memory-list" aria-label={`Memories${where}`}>
            {browse.memories.map((memory) => (
              <li key={memory.id}>
                <MemoryItem memory={memory} />
              </li>
            ))}
          </ul>
        ) : browse.status === 'ready' ? (
          <p className="memory-section__empty">
            {browse.namespace === null
              ? 'Izzie remembers nothing yet. Facts it learns in chat, mail and your other accounts will appear here.'
              : `Nothing is kept in ${namespaceName(browse.namespace)}.`}
          </p>
        ) : browse.status === 'loading' ? (
          <Loading what="memories" />
        ) : null}
        {browse.memories.length > 0 ? (
          <div className="memory-browse__foot">
            <span className="memory-browse__count" aria-live="polite">
              Showing {browse.memories.length.toLocaleString('en')} of {formatCount(browse.total, 'memory', 'memories')}
            </span>
            {remaining > 0 ? (
              <button
                type="button"
                className="button button--small"
                disabled={browse.status === 'loading'}
                onClick={() => void loadMore(client)}
              >
                {browse.status === 'loading' ? 'Loading…' : 'Load more'}
              </button>
            ) : null}
          </div>
        ) : null}
      </div>
    </section>
  );
}
