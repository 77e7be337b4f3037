import type { ReactNode } from 'react';
import { useRpc } from '../../rpc/rpc-context';
import { openCitedMemory } from './memory-actions';

/** A reply's citation of a memory: opens it on the Memory page instead of leaving the app. */
export function MemoryCitation({ id, children }: { id: string; children: ReactNode }) {
  const client = useRpc();
  return (
    <button
      type="button"
      className="memory-citation"
      title="Show what Izzie remembers, and where it learned it"
      onClick={() => void openCitedMemory(client, id)}
    >
      {children}
    </button>
  );
}
