import { useState } from 'react';
import type { Approval } from '../../../../shared';
import { describeActionResult } from '../../../../shared/proxy/action-result';
import { Icon } from '../../components/Icon';
import { useRpc } from '../../rpc/rpc-context';
import { useApprovals } from '../../stores/approvals';
import { useNow } from '../chat/relative-time';
import { secondsUntil } from '../integrations/time';
import { undo } from './approvals-actions';

/**
 * How a decided action went. An approved one counts down to `sendAt` with Undo beside it; then it
 * shows what happened once the core reports it. The countdown is a timer (not read out every
 * second); the outcome beside it is a status, so "Sent" or "Failed" is announced when it arrives.
 * A done action says what the service answered in a line ("Posted in #general"), never the tool's
 * raw JSON, with a link to what it made when the answer has one.
 */
export function ApprovalOutcome({ approval }: { approval: Approval }) {
  return (
    <div className={`approval-outcome approval-outcome--${approval.status}`}>
      {approval.status === 'approved' && approval.sendAt !== null ? (
        <Countdown approval={approval} sendAt={approval.sendAt} />
      ) : (
        <>
          <p role="status" className="approval-outcome__text">
            <Outcome approval={approval} />
          </p>
          {approval.status === 'done' ? <ResultLink approval={approval} /> : null}
        </>
      )}
    </div>
  );
}

function Countdown({ approval, sendAt }: { approval: Approval; sendAt: number }) {
  const client = useRpc();
  const now = useNow(1_000);
  const [busy, setBusy] = useState(false);
  const left = secondsUntil(sendAt, now);
  const by = approval.decidedBy === 'grant' ? 'Approved by a grant you gave' : 'Approved';

  async function stop() {
    setBusy(true);
    await undo(client, approval);
    setBusy(false);
  }

  return (
    <>
      <p role="status" className="approval-outcome__text">
        <Icon name="check" size={14} />
        {left > 0 ? by : `${by}; sending…`}
      </p>
      {left > 0 ? (
        <>
          <span role="timer" className="approval-outcome__countdown">
            Sending in {left} s
          </span>
          <button type="button" className="button button--small" data-focus="undo" disabled={busy} onClick={() => void stop()}>
            {busy ? 'Undoing…' : 'Undo'}
          </button>
        </>
      ) : null}
    </>
  );
}

function Outcome({ approval }: { approval: Approval }) {
  switch (approval.status) {
    case 'approved':
    case 'executing':
      return <>Sending…</>;
    case 'done':
      return (
        <>
          <Icon name="check" size={14} />
          <span className="approval-outcome__result">{describeActionResult(approval.tool, approval.result).text}</span>
        </>
      );
    case 'failed':
      return (
        <>
          <Icon name="alert" size={14} />
          <span>Failed: {approval.error ?? 'the service did not say why.'}</span>
        </>
      );
    case 'denied':
      return <>Denied{approval.denyReason ? `: “${approval.denyReason}”` : ''}. Izzie did not send it.</>;
    case 'expired':
      return <>Expired: nobody approved it in time, so Izzie did not send it.</>;
    case 'cancelled':
      return <>Cancelled before it went out. Izzie did not send it.</>;
    case 'superseded':
      return <Superseded approval={approval} />;
    case 'pending':
      return null;
  }
}

/** Opens what the action made (the issue, the event) in the browser, when the service said where. */
function ResultLink({ approval }: { approval: Approval }) {
  const { url, site } = describeActionResult(approval.tool, approval.result);
  if (!url) return null;
  return (
    <a className="approval-outcome__link" href={url} target="_blank" rel="noreferrer">
      Open in {site ?? 'the browser'}
    </a>
  );
}

/** An edited item points at the version that replaced it. */
function Superseded({ approval }: { approval: Approval }) {
  const replacement = useApprovals((s) => s.approvals.find((a) => a.id === approval.replacedBy) ?? null);
  return (
    <>
      You edited this; the edited version {replacement?.status === 'pending' ? 'waits for your approval' : 'replaced it'}.{' '}
      {replacement ? (
        <button
          type="button"
          className="approval__link"
          onClick={() => useApprovals.getState().set({ focus: { id: replacement.id, on: 'item', highlight: true } })}
        >
          Show the edited version
        </button>
      ) : null}
    </>
  );
}
