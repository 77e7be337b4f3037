import { EmailReceivedData, LinearIssueData, PullRequestData, type Classification, type IzzieEvent } from '../../../shared';

/** A deterministic rule: answers for the events it recognizes, at no model cost; null for the rest. */
export interface ClassifierRule {
  readonly id: string;
  classify(event: IzzieEvent): Classification | null;
}

const quiet = (type: string, reason: string): Omit<Classification, 'personaContext'> => ({
  type,
  priority: 'low',
  mode: 'assistant',
  requiresAttention: false,
  needsReply: false,
  confidence: 1,
  reason,
});

const work = (rest: Omit<Classification, 'personaContext'>): Classification => ({ ...rest, personaContext: 'work' });

const BULK_LABELS = new Set(['CATEGORY_PROMOTIONS', 'CATEGORY_SOCIAL', 'CATEGORY_FORUMS']);
const AUTOMATED_SENDER = /(^|[<\s"])(no-?reply|do-?not-?reply|notifications?|mailer-daemon|postmaster)@/i;

/** Cheap rules first (seed: the classifier triages every event; most need no model). */
export const CLASSIFIER_RULES: readonly ClassifierRule[] = [
  {
    id: 'schedule',
    classify: (event) => (event.type === 'schedule/trigger' ? work(quiet('scheduled run', 'A scheduled function fired.')) : null),
  },
  {
    // Calendar changes are triaged by the scheduler agent's conflict check, not by a model.
    id: 'calendar-change',
    classify: (event) =>
      event.type.startsWith('calendar/event.')
        ? work(quiet('meeting change', 'A calendar change; the scheduler checks it for conflicts.'))
        : null,
  },
  {
    id: 'bulk-mail',
    classify: (event) => {
      if (event.type !== 'email/received') return null;
      const mail = EmailReceivedData.safeParse(event.data);
      if (!mail.success) return null;
      if (mail.data.bulk || mail.data.labels.some((l) => BULK_LABELS.has(l))) {
        return { ...quiet('newsletter', 'Bulk mail (a mailing list, promotion or social update).'), personaContext: 'personal' };
      }
      if (AUTOMATED_SENDER.test(mail.data.from)) {
        return work(quiet('automated mail', 'Sent by an automated address that takes no replies.'));
      }
      return null;
    },
  },
  {
    id: 'pull-request',
    classify: (event) => {
      if (!event.type.startsWith('github/pull_request.')) return null;
      const pr = PullRequestData.safeParse(event.data);
      if (!pr.success) return null;
      if (pr.data.author.endsWith('[bot]')) return work(quiet('bot pull request', `Opened by ${pr.data.author}.`));
      if (pr.data.state !== 'open') return work(quiet('closed pull request', `The pull request is ${pr.data.state}.`));
      if (pr.data.reviewRequested && !pr.data.draft) {
        return work({
          type: 'review request',
          priority: 'high',
          mode: 'assistant',
          requiresAttention: true,
          needsReply: false,
          confidence: 1,
          reason: `${pr.data.author} asked for your review on ${pr.data.repo}#${pr.data.number}.`,
        });
      }
      return null;
    },
  },
  {
    id: 'urgent-issue',
    classify: (event) => {
      if (!event.type.startsWith('linear/issue.')) return null;
      const issue = LinearIssueData.safeParse(event.data);
      if (!issue.success || !issue.data.assignedToViewer || issue.data.priority !== 1) return null;
      return work({
        type: 'urgent issue',
        priority: 'urgent',
        mode: 'assistant',
        requiresAttention: true,
        needsReply: false,
        confidence: 1,
        reason: `${issue.data.identifier} is assigned to you and marked urgent.`,
      });
    },
  },
];
