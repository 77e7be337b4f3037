import { useEffect, useId, useMemo, type ReactNode } from 'react';
import type { Approval } from '../../../../shared';
import { EmptyState } from '../../components/EmptyState';
import { useRpc } from '../../rpc/rpc-context';
import { queueOf, recentOf, useApprovals } from '../../stores/approvals';
import { useNavigation } from '../../stores/navigation';
import { useNow } from '../chat/relative-time';
import { LoadProblem, Loading } from '../integrations/LoadState';
import { ApprovalCard } from './ApprovalCard';
import { loadApprovals, openApproval } from './approvals-actions';
import './approvals.css';

/**
 * Actions Izzie wants to take as the person, waiting for a yes or no, and what became of the recent
 * ones. The list is live (`approvals.changed`, app/use-core-sync.ts); a notification about an
 * approval lands here on its item (navigation `section`).
 */
export function ApprovalsPage() {
  const client = useRpc();
  const approvals = useApprovals((s) => s.approvals);
  const status = useApprovals((s) => s.status);
  const error = useApprovals((s) => s.error);
  const section = useNavigation((s) => s.section);
  const clearSection = useNavigation((s) => s.clearSection);
  const now = useNow(15_000);
  const queue = useMemo(() => queueOf(approvals), [approvals]);
  const recent = useMemo(() => recentOf(approvals), [approvals]);
  const loaded = status === 'ready' || approvals.length > 0;

  useEffect(() => {
    void loadApprovals(client);
  }, [client]);

  useEffect(() => {
    if (!section) return;
    clearSection();
    void openApproval(client, section);
  }, [client, section, clearSection]);

  return (
    <div className="page approvals-page">
      <header className="page__header">
        <h1 className="page__title">Approvals</h1>
        <p className="page__subtitle">Izzie asks before it acts as you. Nothing here goes out until you approve it.</p>
      </header>
      {status === 'error' ? <LoadProblem what="the approvals" error={error} onRetry={() => void loadApprovals(client)} /> : null}
      {loaded ? (
        <>
          <ApprovalSection title="Waiting for you" approvals={queue} now={now} count>
            <EmptyState icon="approvals" title="All clear">
              Actions Izzie wants to take as you — sending an email, posting to Slack, creating an issue — wait here for your yes
              or no. Nothing is waiting.
            </EmptyState>
          </ApprovalSection>
          <ApprovalSection title="Recent" approvals={recent} now={now}>
            <p className="approvals-page__none">
              Nothing decided yet. What you approve, deny or edit shows here with how it went.
            </p>
          </ApprovalSection>
        </>
      ) : status === 'loading' ? (
        <Loading what="approvals" />
      ) : null}
    </div>
  );
}

function ApprovalSection({
  title,
  approvals,
  now,
  count = false,
  children,
}: {
  title: string;
  approvals: Approval[];
  now: number;
  count?: boolean;
  /** What shows when the list is empty. */
  children: ReactNode;
}) {
  const headingId = useId();
  return (
    <section className="approvals-section" aria-labelledby={headingId}>
      <div className="approvals-section__head">
        <h2 id={headingId} className="approvals-section__title">
          {title}
        </h2>
        {count && approvals.length > 0 ? <span className="approvals-section__count">{approvals.length}</span> : null}
      </div>
      {approvals.length > 0 ? (
        <ul className="approval-list" aria-labelledby={headingId}>
          {approvals.map((approval) => (
            <li key={approval.id}>
              <ApprovalCard approval={approval} now={now} />
            </li>
          ))}
        </ul>
      ) : (
        children
      )}
    </section>
  );
}
