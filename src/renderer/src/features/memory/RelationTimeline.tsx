import { useState } from 'react';
import type { EntityRef, Relation } from '../../../../shared';
import { Segmented, type SegmentedOption } from '../../components/Segmented';
import { Time } from './MemoryFacts';
import { relationVerb } from './memory-format';

type Order = 'newest' | 'oldest';

const ORDERS: readonly SegmentedOption<Order>[] = [
  { value: 'newest', label: 'Newest first' },
  { value: 'oldest', label: 'Oldest first' },
];

/** Every relation of the entity over time: when it started holding and, if it did, when it stopped. */
export function RelationTimeline({
  entity,
  relations,
  onOpen,
}: {
  entity: EntityRef;
  relations: readonly Relation[];
  onOpen(entity: EntityRef): void;
}) {
  const [order, setOrder] = useState<Order>('newest');
  const sorted = [...relations].sort((a, b) => (order === 'newest' ? b.validFrom - a.validFrom : a.validFrom - b.validFrom));

  if (relations.length === 0) return <p className="entity-panel__quiet">No relations recorded yet.</p>;
  return (
    <div className="timeline">
      <Segmented small label="Timeline order" value={order} options={ORDERS} onChange={(next) => setOrder(next)} />
      <ol className="timeline__list" aria-label={`Relations of ${entity.name} over time, ${order} first`}>
        {sorted.map((relation) => (
          <li key={relation.id} className="timeline__item" data-ended={relation.invalidAt !== null || undefined}>
            <span className="timeline__when">
              <Time at={relation.validFrom} /> →{' '}
              {relation.invalidAt === null ? <span className="timeline__now">now</span> : <Time at={relation.invalidAt} />}
            </span>
            <span className="timeline__what">
              <End entity={relation.from} self={entity} onOpen={onOpen} /> — {relationVerb(relation)} →{' '}
              <End entity={relation.to} self={entity} onOpen={onOpen} />
            </span>
            <span className={relation.invalidAt === null ? 'timeline__state' : 'timeline__state timeline__state--ended'}>
              {relation.invalidAt === null ? 'holds' : 'ended'}
            </span>
          </li>
        ))}
      </ol>
    </div>
  );
}

function End({ entity, self, onOpen }: { entity: EntityRef; self: EntityRef; onOpen(entity: EntityRef): void }) {
  if (entity.id === self.id) return <strong>{entity.name}</strong>;
  return (
    <button type="button" className="link-button" onClick={() => onOpen(entity)}>
      {entity.name}
    </button>
  );
}
