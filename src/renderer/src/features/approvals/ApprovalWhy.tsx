import type { Approval } from '../../../../shared';
import { Icon } from '../../components/Icon';
import { useNavigation } from '../../stores/navigation';
import { formatExact } from '../activity/activity-format';
import { formatRelative } from './approvals-format';

/** Why the action waits for the person, what led to it (a link to the chat or the run), and when it was asked and expires. */
export function ApprovalWhy({ approval, now }: { approval: Approval; now: number }) {
  const { trigger } = approval;
  const pending = approval.status === 'pending';
  return (
    <div className="approval-why">
      <p className="approval-why__reason">
        <Icon name="info" size={14} />
        <span>{approval.reasonText}</span>
      </p>
      {approval.taintedBy.length > 0 ? (
        <p className="approval-why__tainted">
          <Icon name="alert" size={14} />
          <span>
            Izzie had read: {approval.taintedBy.join(', ')}. Outside content can carry instructions, so your class and standing
            grants don’t apply.
          </span>
        </p>
      ) : null}
      <p className="approval-why__meta">
        <span>
          From <TriggerLink trigger={trigger} />
        </span>
        <span>
          asked{' '}
          <time dateTime={new Date(approval.createdAt).toISOString()} title={formatExact(approval.createdAt)}>
            {formatRelative(approval.createdAt, now)}
          </time>
        </span>
        {pending ? (
          <span className={approval.expiresAt - now < 3_600_000 ? 'approval-why__expiry--soon' : undefined}>
            {approval.expiresAt > now ? 'expires' : 'expired'}{' '}
            <time dateTime={new Date(approval.expiresAt).toISOString()} title={formatExact(approval.expiresAt)}>
              {formatRelative(approval.expiresAt, now)}
            </time>
          </span>
        ) : null}
      </p>
    </div>
  );
}

/** The chat thread or the Activity run the action came from, when the page can open it. */
function TriggerLink({ trigger }: { trigger: Approval['trigger'] }) {
  const { threadId, runId } = trigger;
  if (trigger.kind === 'chat' && threadId) {
    return (
      <button type="button" className="approval__link" onClick={() => useNavigation.getState().selectThread(threadId)}>
        {trigger.summary}
      </button>
    );
  }
  if (runId) {
    return (
      <button
        type="button"
        className="approval__link"
        onClick={() => useNavigation.getState().navigate('activity', { section: runId })}
      >
        {trigger.summary}
      </button>
    );
  }
  return <span className="approval-why__trigger">{trigger.summary}</span>;
}
