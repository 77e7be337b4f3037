import { useEffect, useId, useRef, useState } from 'react';
import type { Grant } from '../../../../shared';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useRpc } from '../../rpc/rpc-context';
import { PERSONA_NAMES } from '../approvals/approvals-format';
import { CLASS_NAMES, SCOPE_NAMES, STATE_NAMES, describeExpiry, describeRateLimit, describeUses } from './permissions-format';
import { revokeGrant } from './permissions-actions';

/** One grant: what it lets Izzie do as the person, within which limits, how much it was used, and Revoke. */
export function GrantItem({ grant, now }: { grant: Grant; now: number }) {
  const client = useRpc();
  const [confirming, setConfirming] = useState(false);
  const [revoking, setRevoking] = useState(false);
  const [focusSelf, setFocusSelf] = useState(false);
  const articleRef = useRef<HTMLElement>(null);
  const titleId = useId();
  const title = `${CLASS_NAMES[grant.actionClass]} as ${PERSONA_NAMES[grant.persona]}`;

  // Revoked: its Revoke button is gone, so focus stays on the grant rather than falling to the page.
  useEffect(() => {
    if (focusSelf) articleRef.current?.focus();
  }, [focusSelf]);

  async function revoke() {
    setRevoking(true);
    const revoked = await revokeGrant(client, grant);
    setRevoking(false);
    setConfirming(false);
    setFocusSelf(revoked);
  }

  return (
    <article
      ref={articleRef}
      tabIndex={-1}
      className="grant"
      data-state={grant.state}
      aria-labelledby={titleId}
      data-grant-id={grant.id}
    >
      <div className="grant__head">
        <h4 id={titleId} className="grant__title">
          {title}
        </h4>
        <span className="pill">{SCOPE_NAMES[grant.scope]}</span>
        <span className="grant__state">{STATE_NAMES[grant.state]}</span>
        {grant.state === 'active' ? (
          <button type="button" className="button button--small button--ghost grant__revoke" onClick={() => setConfirming(true)}>
            Revoke
          </button>
        ) : null}
      </div>
      <dl className="grant__facts">
        <Fact label="Tool" value={grant.tool ?? `Any ${CLASS_NAMES[grant.actionClass].toLowerCase()} tool`} />
        <Fact label="Only for" value={grant.allowlist.length > 0 ? grant.allowlist.join(', ') : 'Anyone'} />
        <Fact label="Rate limit" value={describeRateLimit(grant.rateLimit)} />
        <Fact label="Expiry" value={describeExpiry(grant, now)} />
        <Fact label="Uses" value={describeUses(grant, now)} />
        {grant.fromApproval ? <Fact label="From" value="Approve and allow, on the Approvals page" /> : null}
      </dl>
      {confirming ? (
        <ConfirmDialog
          title={`Revoke “${title}”?`}
          confirmLabel={revoking ? 'Revoking…' : 'Revoke'}
          danger
          busy={revoking}
          onConfirm={() => void revoke()}
          onCancel={() => setConfirming(false)}
        >
          It stops at once: Izzie asks you again before actions like these, and any it approved that are still waiting to go out
          are cancelled.
        </ConfirmDialog>
      ) : null}
    </article>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div className="grant__fact">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}
