import { useEffect, useId, useRef } from 'react';
import type { EntityRef } from '../../../../shared';
import { Icon } from '../../components/Icon';
import { useRpc } from '../../rpc/rpc-context';
import { useMemory } from '../../stores/memory';
import { LoadProblem, Loading } from '../integrations/LoadState';
import { EntityGraph } from './EntityGraph';
import { closeEntity, openEntity } from './memory-actions';
import { namespaceName } from './memory-format';
import { MemoryItem } from './MemoryItem';
import { RelationTimeline } from './RelationTimeline';

/** One person, project or thing: its names, a drawing of its relations, their history, and the memories about it. */
export function EntityPanel() {
  const client = useRpc();
  const state = useMemory((s) => s.entity);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const headingId = useId();
  const timelineId = useId();
  const memoriesId = useId();
  const entityId = state?.ref.id;

  // Opening an entity (or moving to a neighbour) takes the reader there; a refresh of the same one does not.
  useEffect(() => {
    if (entityId) headingRef.current?.focus();
  }, [entityId]);

  if (!state) return null;
  const { ref, detail } = state;
  const open = (entity: EntityRef) => void openEntity(client, entity);

  return (
    <section className="entity-panel" aria-labelledby={headingId}>
      <div className="entity-panel__head">
        <div className="entity-panel__title">
          <h2 id={headingId} ref={headingRef} tabIndex={-1} className="entity-panel__name">
            {ref.name}
          </h2>
          <span className="entity-panel__kind" data-kind={ref.kind}>
            {ref.kind}
          </span>
        </div>
        <button type="button" className="icon-button" aria-label="Close entity view" title="Close" onClick={closeEntity}>
          <Icon name="close" />
        </button>
      </div>
      {detail ? (
        <p className="entity-panel__names">
          {detail.entity.aliases.length > 0 ? <>Also known as {detail.entity.aliases.join(', ')} · </> : null}
          Kept in {namespaceName(detail.entity.namespace)}
        </p>
      ) : null}
      {state.status === 'error' ? (
        <LoadProblem what={ref.name} error={state.error} onRetry={() => open(ref)} />
      ) : !detail ? (
        <Loading what={ref.name} />
      ) : null}
      {detail ? (
        <>
          <EntityGraph entity={detail.entity} relations={detail.relations} onOpen={open} />
          <h3 id={timelineId} className="entity-panel__subtitle">
            Relations over time
          </h3>
          <div aria-labelledby={timelineId} role="group">
            <RelationTimeline entity={detail.entity} relations={detail.relations} onOpen={open} />
          </div>
          <h3 id={memoriesId} className="entity-panel__subtitle">
            Memories that mention {detail.entity.name}
          </h3>
          {detail.memories.length > 0 ? (
            <ul className="memory-list" aria-labelledby={memoriesId}>
              {detail.memories.map((memory) => (
                <li key={memory.id}>
                  <MemoryItem memory={memory} />
                </li>
              ))}
            </ul>
          ) : (
            <p className="entity-panel__quiet">No memory mentions {detail.entity.name} any more.</p>
          )}
        </>
      ) : null}
    </section>
  );
}
