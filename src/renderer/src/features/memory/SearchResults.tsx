import { useId } from 'react';
import { useRpc } from '../../rpc/rpc-context';
import { useMemory } from '../../stores/memory';
import { Loading } from '../integrations/LoadState';
import { EntityChips } from './EntityChips';
import { openEntity } from './memory-actions';
import { PERSONA_NAMES, formatCount, relationVerb } from './memory-format';
import { MemoryItem } from './MemoryItem';

export function SearchResults() {
  const client = useRpc();
  const search = useMemory((s) => s.search);
  const resultsId = useId();
  const relationsId = useId();

  if (search.status === 'loading' && !search.context) return <Loading what="what Izzie remembers" />;
  const context = search.context;
  if (!context) return null;
  if (context.memories.length === 0 && search.entities.length === 0) {
    return (
      <p className="memory-section__empty" role="status">
        Nothing the {PERSONA_NAMES[search.persona].toLowerCase()} persona may read matches “{search.query}”.
      </p>
    );
  }

  return (
    <div className="search-results" aria-busy={search.status === 'loading'}>
      {search.entities.length > 0 ? (
        <div className="search-results__entities">
          <span className="search-results__label">People and things</span>
          <EntityChips entities={search.entities} label="Matching people and things" />
        </div>
      ) : null}
      <h3 id={resultsId} className="search-results__title" aria-live="polite">
        {formatCount(context.memories.length, 'memory', 'memories')} for “{search.query}”
      </h3>
      {context.memories.length > 0 ? (
        <ol className="memory-list" aria-labelledby={resultsId}>
          {context.memories.map((result) => (
            <li key={result.memory.id}>
              <MemoryItem memory={result.memory} result={result} />
            </li>
          ))}
        </ol>
      ) : null}
      {context.relations.length > 0 ? (
        <>
          <h3 id={relationsId} className="search-results__title">
            Relations
          </h3>
          <ul className="relations" aria-labelledby={relationsId}>
            {context.relations.map((relation) => (
              <li key={relation.id} className="relations__item" data-ended={relation.invalidAt !== null || undefined}>
                <button type="button" className="link-button" onClick={() => void openEntity(client, relation.from)}>
                  {relation.from.name}
                </button>{' '}
                — {relationVerb(relation)} →{' '}
                <button type="button" className="link-button" onClick={() => void openEntity(client, relation.to)}>
                  {relation.to.name}
                </button>
                {relation.invalidAt !== null ? <span className="relations__ended"> (ended)</span> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
