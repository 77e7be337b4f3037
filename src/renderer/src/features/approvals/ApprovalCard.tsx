import { useEffect, useId, useRef, useState } from 'react';
import type { Approval } from '../../../../shared';
import { FormError } from '../../components/FormError';
import { useApprovals } from '../../stores/approvals';
import { ApprovalEditor } from './ApprovalEditor';
import { ApprovalOutcome } from './ApprovalOutcome';
import { ApprovalPreview } from './ApprovalPreview';
import { ApprovalWhy } from './ApprovalWhy';
import { PERSONA_NAMES, STATUS_NAMES, actionTitle } from './approvals-format';
import { PendingActions, type Panel } from './PendingActions';

const HIGHLIGHT_MS = 1_600;
/** Still worth reading in full: it can be undone, or is going out now. */
const LIVE: readonly Approval['status'][] = ['pending', 'approved', 'executing'];

/**
 * One action Izzie wants to take as the person: what it is (the preview, or the editor), why it
 * waits, what led to it, and what can be done about it — or, once decided, how it went.
 */
export function ApprovalCard({ approval, now }: { approval: Approval; now: number }) {
  const [panel, setPanel] = useState<Panel>('none');
  const focus = useApprovals((s) => (s.focus?.id === approval.id ? s.focus : null));
  const problem = useApprovals((s) => s.problems[approval.id]);
  const articleRef = useRef<HTMLElement>(null);
  const titleId = useId();
  const noteId = useId();
  const pending = approval.status === 'pending';
  const title = actionTitle(approval);

  // Sent here (a notification, an edit saved, a decision moving it between lists): into view, focused.
  useEffect(() => {
    if (!focus) return;
    const article = articleRef.current;
    const target = (focus.on === 'undo' && article?.querySelector<HTMLElement>('[data-focus="undo"]')) || article;
    target?.scrollIntoView?.({ behavior: 'smooth', block: 'center' });
    target?.focus({ preventScroll: true });
    useApprovals.getState().set({ focus: null });
    if (!focus.highlight || !article) return;
    article.classList.add('is-highlighted');
    setTimeout(() => article.classList.remove('is-highlighted'), HIGHLIGHT_MS);
  }, [focus]);

  const preview = <ApprovalPreview preview={approval.preview} label={`${title}: what will be sent`} />;

  return (
    <article
      ref={articleRef}
      tabIndex={-1}
      className={`approval approval--${approval.status}`}
      aria-labelledby={titleId}
      aria-describedby={approval.editedFrom && pending ? noteId : undefined}
      data-approval-id={approval.id}
    >
      <header className="approval__head">
        <h3 id={titleId} className="approval__title">
          {title}
        </h3>
        <span className="pill" title={`Acting as you, as your ${PERSONA_NAMES[approval.persona]} persona`}>
          {PERSONA_NAMES[approval.persona]}
        </span>
        {pending ? null : (
          <span className="approval__status" data-status={approval.status}>
            {STATUS_NAMES[approval.status]}
          </span>
        )}
      </header>
      {approval.editedFrom && pending ? (
        <p id={noteId} className="approval__note">
          Your edit. It needs your approval before it goes out.
        </p>
      ) : null}
      {panel === 'edit' ? (
        <ApprovalEditor approval={approval} onClose={() => setPanel('none')} />
      ) : LIVE.includes(approval.status) ? (
        preview
      ) : (
        <details className="approval__details">
          <summary>What it was</summary>
          {preview}
        </details>
      )}
      {pending ? <ApprovalWhy approval={approval} now={now} /> : null}
      {pending ? (
        <PendingActions approval={approval} panel={panel} onPanel={setPanel} />
      ) : (
        <ApprovalOutcome approval={approval} />
      )}
      <FormError message={problem} />
    </article>
  );
}
