import { CalendarEventData } from '../../../shared';
import type { EngineFunction } from '../engine-function';
import type { ProactiveDeps } from './proactive-deps';

/** How long before a meeting the reminder comes. */
export const REMIND_BEFORE_MS = 10 * 60_000;

/**
 * The scheduler agent's reminders: a durable sleep until ten minutes before each timed meeting that
 * was created or changed, then a check that it still stands at that time (a moved meeting has its
 * own, newer run), then a notification. Nothing is sent for a meeting already under way.
 */
export function meetingReminder(deps: ProactiveDeps): EngineFunction {
  return {
    id: 'meeting-reminder',
    name: 'Meeting reminder',
    trigger: { event: 'calendar/event.*', if: (event) => event.type !== 'calendar/event.cancelled' },
    concurrency: 8,
    handler: async (ctx) => {
      const meeting = CalendarEventData.parse(ctx.event.data);
      if (meeting.allDay || meeting.status === 'cancelled') return { reminded: false, why: 'no time to remind of' };
      const plan = await ctx.step.run('plan', () => ({
        remindAt: meeting.start - REMIND_BEFORE_MS,
        started: meeting.start <= deps.clock.now(),
      }));
      if (plan.started) return { reminded: false, why: 'it has started' };
      await ctx.step.sleepUntil('wait until 10 minutes before', plan.remindAt);
      const still = await ctx.step.run('check it still stands', async () => {
        const found = await deps.scheduler.current(meeting.eventId, meeting.start, {
          runId: ctx.runId,
          persona: ctx.event.metadata.personaContext ?? 'work',
          signal: ctx.signal,
        });
        if (!found.ok) return { stands: true, note: found.reason };
        const now = found.value;
        const stands = now !== null && now.status !== 'cancelled' && Date.parse(now.start ?? '') === meeting.start;
        return { stands, note: stands ? null : now === null ? 'deleted' : 'moved or cancelled' };
      });
      if (!still.stands || deps.clock.now() >= meeting.start) return { reminded: false, why: still.note ?? 'too late' };
      await ctx.step.run('remind', ({ idempotencyKey }) =>
        deps.notifications.notify({
          dedupeKey: idempotencyKey,
          kind: 'attention',
          title: `In 10 minutes: ${meeting.summary || '(no title)'}`,
          body: `Starts at ${new Date(meeting.start).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' })}.`,
          target: meeting.htmlLink ? { page: 'activity', id: ctx.runId } : null,
          runId: ctx.runId,
          eventId: ctx.event.id,
        }),
      );
      return { reminded: true, why: null };
    },
  };
}
