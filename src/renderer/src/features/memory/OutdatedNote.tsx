import { useId, useState } from 'react';
import type { Memory } from '../../../../shared';
import { FormError } from '../../components/FormError';
import { Icon } from '../../components/Icon';
import { useRpc } from '../../rpc/rpc-context';
import { fetchMemory } from './memory-actions';
import { Time } from './MemoryFacts';

/** A fact a later one contradicted: since when, and the fact that replaced it. */
export function OutdatedNote({ memory, invalidAt }: { memory: Memory; invalidAt: number }) {
  const client = useRpc();
  const [open, setOpen] = useState(false);
  const [newer, setNewer] = useState<Memory | string | null>(null);
  const newerId = useId();
  const supersededBy = memory.supersededBy;

  function toggle() {
    setOpen(!open);
    if (!open && newer === null && supersededBy) void fetchMemory(client, supersededBy).then(setNewer);
  }

  return (
    <div className="outdated">
      <p className="outdated__line">
        <Icon name="info" size={14} />
        <span>
          Outdated since <Time at={invalidAt} />.
        </span>
        {supersededBy ? (
          <button type="button" className="link-button" aria-expanded={open} aria-controls={newerId} onClick={toggle}>
            What replaced it
          </button>
        ) : null}
      </p>
      {open ? (
        <div id={newerId} className="outdated__newer">
          {newer === null ? (
            <p className="outdated__loading">Loading…</p>
          ) : typeof newer === 'string' ? (
            <FormError message={newer} />
          ) : (
            <p>
              <span className="outdated__now">Now:</span> {newer.content}{' '}
              <span className="outdated__since">
                (since <Time at={newer.validFrom} />)
              </span>
            </p>
          )}
        </div>
      ) : null}
    </div>
  );
}
