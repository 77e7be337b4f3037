import { useEffect, useId, useRef, useState } from 'react';
import type { Approval } from '../../../../shared';
import { Segmented } from '../../components/Segmented';
import { CLASS_PHRASES, PERSONA_NAMES } from './approvals-format';

const CHOICES = [
  { value: '1', label: '1 day' },
  { value: '7', label: '7 days' },
  { value: '30', label: '30 days' },
] as const;

type Days = (typeof CHOICES)[number]['value'];

/** "Approve and allow for N days": this action, and a class grant for the ones like it. */
export function AllowForDays({
  approval,
  busy,
  onApprove,
  onCancel,
}: {
  approval: Approval;
  busy: boolean;
  onApprove(days: number): void;
  onCancel(): void;
}) {
  const [days, setDays] = useState<Days>('7');
  const groupRef = useRef<HTMLDivElement>(null);
  const textId = useId();

  useEffect(() => {
    groupRef.current?.querySelector<HTMLInputElement>('input:checked')?.focus();
  }, []);

  return (
    <div
      ref={groupRef}
      className="approval-panel"
      role="group"
      aria-label="Approve and allow"
      aria-describedby={textId}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !busy) {
          event.stopPropagation();
          onCancel();
        }
      }}
    >
      <p id={textId} className="approval-panel__text">
        Approve this, and let Izzie {CLASS_PHRASES[approval.actionClass]} as your {PERSONA_NAMES[approval.persona]} persona
        without asking for a while. Actions you always confirm, and any action after Izzie has read outside content, still wait
        for you. You can revoke this in Settings → Permissions.
      </p>
      <Segmented<Days> small label="Allow for" options={CHOICES} value={days} disabled={busy} onChange={setDays} />
      <div className="approval__buttons">
        <button type="button" className="button button--small button--ghost" disabled={busy} onClick={onCancel}>
          Cancel
        </button>
        <button
          type="button"
          className="button button--small button--primary"
          disabled={busy}
          onClick={() => onApprove(Number(days))}
        >
          {busy ? 'Approving…' : `Approve and allow for ${CHOICES.find((c) => c.value === days)?.label ?? days}`}
        </button>
      </div>
    </div>
  );
}
