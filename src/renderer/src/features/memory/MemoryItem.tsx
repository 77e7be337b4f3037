import { useEffect, useId, useRef, useState } from 'react';
import type { Memory, ScoredMemory } from '../../../../shared';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Icon } from '../../components/Icon';
import { useRpc } from '../../rpc/rpc-context';
import { EntityChips } from './EntityChips';
import { deleteMemory } from './memory-actions';
import { KIND_NAMES } from './memory-format';
import { MemoryEditor } from './MemoryEditor';
import { MemoryFacts } from './MemoryFacts';
import { OutdatedNote } from './OutdatedNote';
import { ResultScore } from './ResultScore';
import { WhySources } from './WhySources';

/**
 * One memory wherever it shows (search results, the list, an entity's memories): what Izzie
 * knows, where from and since when, and what the person can do about it.
 */
export function MemoryItem({ memory, result }: { memory: Memory; result?: ScoredMemory }) {
  const client = useRpc();
  const [editing, setEditing] = useState(false);
  const [showWhy, setShowWhy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const contentId = useId();
  const whyId = useId();
  const editRef = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);

  // Leaving the editor (saved or cancelled) puts focus back where editing started.
  useEffect(() => {
    if (wasEditing.current && !editing) editRef.current?.focus();
    wasEditing.current = editing;
  }, [editing]);

  async function confirmDelete() {
    setDeleting(true);
    if (await deleteMemory(client, memory)) return;
    setDeleting(false);
    setConfirming(false);
  }

  return (
    <article
      className="memory"
      data-outdated={memory.invalidAt !== null || undefined}
      aria-labelledby={editing ? undefined : contentId}
      aria-label={editing ? memory.content : undefined}
    >
      <div className="memory__tags">
        <span className="memory__namespace" title="Namespace">
          {memory.namespace}
        </span>
        <span className="memory__kind">{KIND_NAMES[memory.kind]}</span>
        {result ? <ResultScore result={result} /> : null}
      </div>
      {editing ? (
        <MemoryEditor memory={memory} onDone={() => setEditing(false)} />
      ) : (
        <p id={contentId} className="memory__content">
          {memory.content}
        </p>
      )}
      {memory.invalidAt !== null ? <OutdatedNote memory={memory} invalidAt={memory.invalidAt} /> : null}
      {memory.entities.length > 0 ? <EntityChips entities={memory.entities} label="Mentions" /> : null}
      <div className="memory__foot">
        <MemoryFacts memory={memory} />
        <div className="memory__actions">
          <button
            type="button"
            className="button button--small button--ghost"
            aria-expanded={showWhy}
            aria-controls={whyId}
            onClick={() => setShowWhy(!showWhy)}
          >
            Why do you know this?
          </button>
          {editing ? null : (
            <button
              ref={editRef}
              type="button"
              className="icon-button"
              aria-label="Edit memory"
              title="Edit"
              onClick={() => setEditing(true)}
            >
              <Icon name="pencil" />
            </button>
          )}
          <button
            type="button"
            className="icon-button memory__delete"
            aria-label="Delete memory"
            title="Delete"
            onClick={() => setConfirming(true)}
          >
            <Icon name="trash" />
          </button>
        </div>
      </div>
      {showWhy ? <WhySources id={whyId} memory={memory} /> : null}
      {confirming ? (
        <ConfirmDialog
          title="Delete this memory?"
          confirmLabel="Delete"
          danger
          busy={deleting}
          onCancel={() => setConfirming(false)}
          onConfirm={() => void confirmDelete()}
        >
          Izzie forgets “{memory.content}”: the memory, its entries in the search index, and the graph relations learned only from
          it are removed. This can’t be undone.
        </ConfirmDialog>
      ) : null}
    </article>
  );
}
