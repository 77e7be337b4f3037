import {
  CalendarEventData,
  EmailReceivedData,
  LinearIssueData,
  PullRequestData,
  type ClassificationResult,
} from '../../../shared';
import type { EngineFunction, RunContext } from '../engine-function';
import { classifyStep, headlineOf, type ProactiveDeps } from './proactive-deps';

/**
 * The seed's reactive functions: every inbound event is classified (rules first, then the cheap
 * tier); what needs attention becomes a notification; mail that needs a reply gets a draft; a
 * calendar change is checked for conflicts; an escalation goes to the orchestrator.
 */
export function inboundFunctions(deps: ProactiveDeps): EngineFunction[] {
  return [
    {
      id: 'email-received',
      name: 'New email',
      trigger: { event: 'email/received' },
      handler: async (ctx) => {
        const mail = EmailReceivedData.parse(ctx.event.data);
        const verdict = await classifyStep(ctx, deps);
        if (verdict.requiresAttention) await notifyAttention(ctx, deps, verdict, { page: 'activity', id: ctx.runId });
        if (!verdict.needsReply || mail.bulk) return { verdict: verdict.type, draft: null };
        const draft = await ctx.step.run('draft reply', async () => {
          const made = await deps.notifier.draftReply(mail, {
            runId: ctx.runId,
            persona: verdict.personaContext,
            signal: ctx.signal,
            recordUsage: (usage) => ctx.recordUsage(usage),
          });
          return { draftId: made.draftId, note: made.note };
        });
        if (draft.draftId) {
          await ctx.step.run('notify draft', ({ idempotencyKey }) =>
            deps.notifications.notify({
              dedupeKey: idempotencyKey,
              kind: 'draft',
              title: `Draft reply ready: ${mail.subject || '(no subject)'}`,
              body: `Izzie drafted a reply to ${mail.from} in Gmail. Review it there before sending.`,
              target: { page: 'activity', id: ctx.runId },
              runId: ctx.runId,
              eventId: ctx.event.id,
            }),
          );
        }
        return { verdict: verdict.type, draft };
      },
    },
    triageAndNotify(
      deps,
      'github-pr',
      'Pull request activity',
      'github/pull_request.*',
      (data) => PullRequestData.parse(data).url,
    ),
    triageAndNotify(deps, 'linear-issue', 'Linear issue changed', 'linear/issue.*', (data) => LinearIssueData.parse(data).url),
    {
      id: 'calendar-changed',
      name: 'Calendar changed',
      trigger: { event: 'calendar/event.*', if: (event) => event.type !== 'calendar/event.cancelled' },
      handler: async (ctx) => {
        const meeting = CalendarEventData.parse(ctx.event.data);
        await classifyStep(ctx, deps);
        const conflicts = await ctx.step.run('check conflicts', async () => {
          const found = await deps.scheduler.conflictsAround(meeting.eventId, meeting.start, meeting.end, {
            runId: ctx.runId,
            persona: ctx.event.metadata.personaContext ?? 'work',
            signal: ctx.signal,
          });
          if (!found.ok) return { checked: false, note: found.reason, with: [] as string[] };
          const others = found.value.map((c) => (c.first.id === meeting.eventId ? c.second : c.first).summary);
          return { checked: true, note: null, with: others };
        });
        if (conflicts.with.length > 0) {
          await ctx.step.run('notify conflict', ({ idempotencyKey }) =>
            deps.notifications.notify({
              dedupeKey: idempotencyKey,
              kind: 'conflict',
              title: `Calendar conflict: ${meeting.summary || '(no title)'}`,
              body: `It overlaps ${conflicts.with.join(', ')}.`,
              target: { page: 'activity', id: ctx.runId },
              runId: ctx.runId,
              eventId: ctx.event.id,
            }),
          );
        }
        return conflicts;
      },
    },
    {
      id: 'izzie-escalate',
      name: 'Escalation to the orchestrator',
      trigger: { event: 'izzie/escalate' },
      retries: 1,
      handler: async (ctx) => {
        const request = requestOf(ctx.event.data);
        const personaId = ctx.event.metadata.personaContext ?? 'work';
        const outcome = await ctx.step.run('orchestrate', async () => {
          const done = await deps.orchestrator.handle(request, deps.persona(personaId), {
            runId: ctx.runId,
            eventId: ctx.event.id,
            signal: ctx.signal,
            recordUsage: (usage) => ctx.recordUsage(usage),
          });
          return { answer: done.answer, toolCalls: done.toolCalls };
        });
        await ctx.step.run('notify result', ({ idempotencyKey }) =>
          deps.notifications.notify({
            dedupeKey: idempotencyKey,
            kind: 'result',
            title: 'Izzie looked into it',
            body: outcome.answer.slice(0, 500),
            target: { page: 'activity', id: ctx.runId },
            runId: ctx.runId,
            eventId: ctx.event.id,
          }),
        );
        return outcome;
      },
    },
  ];
}

/** Classify, then notify when it needs the person (the seed's github-pr-opened, for PRs and issues). */
function triageAndNotify(
  deps: ProactiveDeps,
  id: string,
  name: string,
  event: string,
  urlOf: (data: unknown) => string,
): EngineFunction {
  return {
    id,
    name,
    trigger: { event },
    handler: async (ctx) => {
      const url = urlOf(ctx.event.data);
      const verdict = await classifyStep(ctx, deps);
      if (verdict.requiresAttention) await notifyAttention(ctx, deps, verdict, { page: 'activity', id: ctx.runId }, url);
      return { verdict: verdict.type, notified: verdict.requiresAttention };
    },
  };
}

/**
 * Tells the person; an urgent item also goes to the orchestrator (`izzie/escalate`) to look into
 * what it needs, as the seed's chained functions do.
 */
async function notifyAttention(
  ctx: RunContext,
  deps: ProactiveDeps,
  verdict: ClassificationResult,
  target: { page: string; id?: string },
  url?: string,
): Promise<void> {
  if (verdict.priority === 'urgent') {
    await ctx.step.sendEvent('escalate', {
      type: 'izzie/escalate',
      data: {
        request: `Urgent (${verdict.type}): ${headlineOf(ctx.event)}. ${verdict.reason} Find out what the user needs to know or do about it, and prepare what you can.`,
        from: ctx.event.id,
      },
      metadata: {
        personaContext: verdict.personaContext,
        priority: 'urgent',
        correlationId: ctx.event.metadata.correlationId ?? ctx.event.id,
      },
    });
  }
  await ctx.step.run('notify', ({ idempotencyKey }) =>
    deps.notifications.notify({
      dedupeKey: idempotencyKey,
      kind: 'attention',
      title: headlineOf(ctx.event).slice(0, 200),
      body: `${verdict.reason}${url ? `\n${url}` : ''}`,
      target,
      runId: ctx.runId,
      eventId: ctx.event.id,
    }),
  );
}

function requestOf(data: unknown): string {
  if (typeof data === 'string') return data;
  if (data && typeof data === 'object' && 'request' in data && typeof data.request === 'string') return data.request;
  return JSON.stringify(data);
}
