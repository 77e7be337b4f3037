import type { EntityRef } from '../../../../shared';
import { useRpc } from '../../rpc/rpc-context';
import { openEntity } from './memory-actions';

/** People, projects and things, each opening its entity view. */
export function EntityChips({ entities, label }: { entities: readonly EntityRef[]; label: string }) {
  const client = useRpc();
  return (
    <ul className="entity-chips" aria-label={label}>
      {entities.map((entity) => (
        <li key={entity.id}>
          <button
            type="button"
            className="entity-chip"
            data-kind={entity.kind}
            title={`Open ${entity.name} (${entity.kind})`}
            onClick={() => void openEntity(client, entity)}
          >
            <span className="entity-chip__dot" aria-hidden="true" />
            {entity.name}
          </button>
        </li>
      ))}
    </ul>
  );
}
