import type { ClassificationResult, IzzieEvent } from '../../../shared';
import { CalendarEventData, EmailReceivedData, LinearIssueData, PullRequestData } from '../../../shared';
import type { EventClassifier } from '../../agents/classifier/event-classifier';
import type { NotifierAgent } from '../../agents/proactive/notifier-agent';
import type { OrchestratorAgent } from '../../agents/proactive/orchestrator-agent';
import type { SchedulerAgent } from '../../agents/proactive/scheduler-agent';
import type { AgentTools } from '../../agents/proactive/agent-tools';
import type { NotificationsService } from '../../notifications/notifications-service';
import type { Clock } from '../../ports';
import type { DigestsRepo } from '../../store/digests-repo';
import type { TriageRepo } from '../../store/triage-repo';
import type { Persona, DigestItem } from '../../../shared';
import type { RunContext } from '../engine-function';

/** What the built-in functions work with: the role agents, triage, notifications, digests. */
export interface ProactiveDeps {
  readonly classifier: EventClassifier;
  readonly scheduler: SchedulerAgent;
  readonly notifier: NotifierAgent;
  readonly orchestrator: OrchestratorAgent;
  readonly tools: AgentTools;
  readonly triage: TriageRepo;
  readonly notifications: NotificationsService;
  readonly digests: DigestsRepo;
  readonly persona: (id: 'work' | 'personal') => Persona;
  /** Approvals waiting for the person (the approvals queue fills this). */
  readonly pendingApprovals: () => DigestItem[];
  readonly onDigest: (digestId: string) => void;
  readonly clock: Clock;
}

/** The classify step every inbound function starts with; its verdict is kept for the digest. */
export async function classifyStep(ctx: RunContext, deps: ProactiveDeps): Promise<ClassificationResult> {
  return ctx.step.run('classify', async () => {
    const result = await deps.classifier.classify(ctx.event, {
      correlationId: ctx.runId,
      trace: { runId: ctx.runId },
      signal: ctx.signal,
      recordUsage: (usage) => ctx.recordUsage(usage),
    });
    deps.triage.put({
      eventId: ctx.event.id,
      eventType: ctx.event.type,
      classification: JSON.stringify(result),
      headline: headlineOf(ctx.event),
      createdAt: deps.clock.now(),
    });
    return result;
  });
}

/** One line naming the item: a mail's sender and subject, a PR's repo, number and title. */
export function headlineOf(event: IzzieEvent): string {
  const mail = EmailReceivedData.safeParse(event.data);
  if (event.type === 'email/received' && mail.success) return `${mail.data.from}: ${mail.data.subject}`;
  const pr = PullRequestData.safeParse(event.data);
  if (event.type.startsWith('github/') && pr.success) return `${pr.data.repo}#${pr.data.number} ${pr.data.title}`;
  const issue = LinearIssueData.safeParse(event.data);
  if (event.type.startsWith('linear/') && issue.success) return `${issue.data.identifier} ${issue.data.title}`;
  const meeting = CalendarEventData.safeParse(event.data);
  if (event.type.startsWith('calendar/') && meeting.success) return meeting.data.summary;
  return event.type;
}
