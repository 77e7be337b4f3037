import { useEffect, useRef, useState } from 'react';
import type { Approval } from '../../../../shared';
import { useRpc } from '../../rpc/rpc-context';
import { AllowForDays } from './AllowForDays';
import { approve, deny } from './approvals-actions';
import { DenyForm } from './DenyForm';

export type Panel = 'none' | 'edit' | 'allow' | 'deny';

/**
 * What the person can do with a waiting action: approve it as shown, approve it and allow its kind
 * for a while, edit it, or deny it. A panel that closes gives focus back to the button that opened it.
 */
export function PendingActions({ approval, panel, onPanel }: { approval: Approval; panel: Panel; onPanel(panel: Panel): void }) {
  const client = useRpc();
  const [busy, setBusy] = useState(false);
  const editRef = useRef<HTMLButtonElement>(null);
  const allowRef = useRef<HTMLButtonElement>(null);
  const denyRef = useRef<HTMLButtonElement>(null);
  const previous = useRef<Panel>(panel);

  useEffect(() => {
    const closed = previous.current;
    previous.current = panel;
    if (panel !== 'none' || closed === 'none') return;
    const opener = closed === 'edit' ? editRef : closed === 'allow' ? allowRef : denyRef;
    opener.current?.focus();
  }, [panel]);

  async function decide(action: () => Promise<boolean>) {
    setBusy(true);
    const decided = await action();
    setBusy(false);
    if (decided) onPanel('none');
  }

  if (panel === 'edit') return null;
  if (panel === 'allow') {
    return (
      <AllowForDays
        approval={approval}
        busy={busy}
        onApprove={(days) => void decide(() => approve(client, approval, days))}
        onCancel={() => onPanel('none')}
      />
    );
  }
  if (panel === 'deny') {
    return (
      <DenyForm
        busy={busy}
        onDeny={(reason) => void decide(() => deny(client, approval, reason))}
        onCancel={() => onPanel('none')}
      />
    );
  }
  return (
    <div className="approval__actions">
      <button
        type="button"
        className="button button--small button--primary"
        disabled={busy}
        onClick={() => void decide(() => approve(client, approval))}
      >
        {busy ? 'Approving…' : 'Approve'}
      </button>
      <button
        ref={allowRef}
        type="button"
        className="button button--small"
        disabled={busy || approval.actionClass === 'read' || approval.actionClass === 'draft'}
        onClick={() => onPanel('allow')}
      >
        Approve and allow…
      </button>
      <button ref={editRef} type="button" className="button button--small" disabled={busy} onClick={() => onPanel('edit')}>
        Edit
      </button>
      <button
        ref={denyRef}
        type="button"
        className="button button--small button--ghost approval__deny"
        disabled={busy}
        onClick={() => onPanel('deny')}
      >
        Deny
      </button>
    </div>
  );
}
