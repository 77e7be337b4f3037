import { z } from 'zod';
import { ClassificationResult, EmailReceivedData, PullRequestData, type DigestItem, type DigestSection } from '../../../shared';
import { SchedulerAgent } from '../../agents/proactive/scheduler-agent';
import type { EngineFunction, RunContext } from '../engine-function';
import type { ProactiveDeps } from './proactive-deps';

/** With no digest before, "overnight" is the last this many hours. */
const FIRST_WINDOW_MS = 16 * 3_600_000;
/** A review request older than this is left to GitHub's own reminders. */
const REVIEW_WINDOW_MS = 14 * 86_400_000;
const DONE_STATES = /^(done|canceled|cancelled|duplicate)$/i;

const LinearIssues = z.object({
  issues: z.array(
    z.object({ identifier: z.string(), title: z.string(), state: z.string().nullable(), priority: z.string(), url: z.string() }),
  ),
});

/** `0 7 * * *` for "07:00". */
export function digestCron(time: string): string {
  const [hours = '7', minutes = '0'] = time.split(':');
  return `${Number(minutes)} ${Number(hours)} * * *`;
}

/**
 * The seed's morning digest: at the configured local time (07:00 by default), overnight mail that
 * needs the person, today's calendar with its conflicts, pull requests awaiting their review, Linear
 * issues assigned to them, and approvals waiting. The sections are gathered by code; the standard
 * tier writes the opening lines. A morning the laptop slept through is made up once on wake.
 */
export function morningDigest(deps: ProactiveDeps, time: string): EngineFunction {
  return {
    id: 'morning-digest',
    name: 'Morning digest',
    trigger: { cron: digestCron(time), missed: 'once' },
    handler: async (ctx) => {
      const gathered = await ctx.step.run('gather', () => gather(ctx, deps));
      const summary = await ctx.step.run('summarize', () =>
        deps.notifier.digestSummary(gathered.sections, {
          runId: ctx.runId,
          persona: 'work',
          signal: ctx.signal,
          recordUsage: (usage) => ctx.recordUsage(usage),
        }),
      );
      const digestId = await ctx.step.run('save and notify', ({ idempotencyKey }) => {
        const id = `digest-${ctx.runId}`;
        deps.digests.put({
          id,
          runId: ctx.runId,
          day: gathered.day,
          summary,
          sections: JSON.stringify(gathered.sections),
          coversFrom: gathered.coversFrom,
          createdAt: deps.clock.now(),
        });
        const waiting = gathered.sections.reduce((n, s) => n + (s.id === 'calendar' ? 0 : s.items.length), 0);
        deps.notifications.notify({
          dedupeKey: idempotencyKey,
          kind: 'digest',
          title: `Your digest for ${gathered.day}`,
          body: summary.slice(0, 300) || `${waiting} items need you today.`,
          target: { page: 'activity', id: 'digest' },
          runId: ctx.runId,
          eventId: ctx.event.id,
        });
        deps.onDigest(id);
        return id;
      });
      return { digestId, items: gathered.sections.map((s) => [s.id, s.items.length]) };
    },
  };
}

async function gather(
  ctx: RunContext,
  deps: ProactiveDeps,
): Promise<{ day: string; coversFrom: number; sections: DigestSection[] }> {
  const now = deps.clock.now();
  const coversFrom = deps.digests.lastAt() ?? now - FIRST_WINDOW_MS;
  const dayStart = new Date(now);
  dayStart.setHours(0, 0, 0, 0);
  const dayEnd = new Date(dayStart);
  dayEnd.setDate(dayEnd.getDate() + 1);
  const context = { runId: ctx.runId, persona: 'work' as const, signal: ctx.signal };

  const mail: DigestItem[] = deps.triage.since('email/received', coversFrom, 200).flatMap((row) => {
    const verdict = ClassificationResult.safeParse(JSON.parse(row.classification));
    const data = EmailReceivedData.safeParse(JSON.parse(row.data));
    if (!verdict.success || !(verdict.data.needsReply || verdict.data.requiresAttention)) return [];
    const thread = data.success ? data.data.threadId : null;
    return [
      {
        title: row.headline,
        detail: `${verdict.data.needsReply ? 'Needs a reply. ' : ''}${verdict.data.reason}`,
        url: thread ? `https://mail.google.com/mail/u/0/#inbox/${thread}` : null,
      },
    ];
  });

  const agenda = await deps.scheduler.agenda(dayStart.getTime(), dayEnd.getTime(), context);
  const calendar: DigestItem[] = agenda.ok
    ? agenda.value.map((e) => ({ title: e.summary, detail: e.allDay ? 'all day' : span(e.start, e.end), url: e.link ?? null }))
    : [];
  const conflicts: DigestItem[] = agenda.ok
    ? SchedulerAgent.conflicts(agenda.value).map((c) => ({
        title: `${c.first.summary} overlaps ${c.second.summary}`,
        detail: `${span(c.first.start, c.first.end)} and ${span(c.second.start, c.second.end)} (${c.overlapMinutes} min)`,
        url: c.second.link ?? c.first.link ?? null,
      }))
    : [];

  const latest = new Map<string, { title: string; url: string; open: boolean; asked: boolean }>();
  for (const row of deps.triage.since('github/pull_request.%', now - REVIEW_WINDOW_MS, 500).reverse()) {
    const pr = PullRequestData.safeParse(JSON.parse(row.data));
    if (!pr.success) continue;
    latest.set(`${pr.data.repo}#${pr.data.number}`, {
      title: row.headline,
      url: pr.data.url,
      open: pr.data.state === 'open' && !pr.data.draft,
      asked: pr.data.reviewRequested,
    });
  }
  const reviews: DigestItem[] = [...latest.values()]
    .filter((p) => p.open && p.asked)
    .map((p) => ({ title: p.title, detail: 'Your review is requested.', url: p.url }));

  const linear = deps.tools.has('linear.issues_list', deps.persona('work'))
    ? await deps.tools.call('linear.issues_list', { assignedToMe: true, limit: 25 }, LinearIssues, context)
    : null;
  const issues: DigestItem[] =
    linear?.ok === true
      ? linear.value.issues
          .filter((i) => !DONE_STATES.test(i.state ?? ''))
          .map((i) => ({ title: `${i.identifier} ${i.title}`, detail: `${i.state ?? 'No state'} · ${i.priority}`, url: i.url }))
      : [];

  const approvals = deps.pendingApprovals();
  const sections: DigestSection[] = [
    section('mail', 'Mail that needs you', mail, mail.length === 0 ? 'Nothing overnight needs a reply.' : null),
    section(
      'calendar',
      'Today',
      calendar,
      agenda.ok ? (calendar.length === 0 ? 'Nothing on the calendar.' : null) : unavailable('Google Calendar', agenda.reason),
    ),
    section('conflicts', 'Conflicts', conflicts, agenda.ok ? null : 'The calendar could not be read.'),
    section(
      'pull_requests',
      'Pull requests awaiting your review',
      reviews,
      reviews.length > 0
        ? null
        : deps.tools.has('github.notifications_list', deps.persona('work'))
          ? 'No review is waiting for you.'
          : 'GitHub is not connected.',
    ),
    section(
      'issues',
      'Linear issues assigned to you',
      issues,
      linear === null ? 'Linear is not connected.' : linear.ok ? null : unavailable('Linear', linear.reason),
    ),
    section(
      'approvals',
      'Waiting for your approval',
      approvals,
      approvals.length === 0 ? 'Nothing is waiting for your approval.' : null,
    ),
  ];
  return { day: localDay(dayStart), coversFrom, sections };
}

function section(id: DigestSection['id'], title: string, items: DigestItem[], note: string | null): DigestSection {
  return { id, title, items, note };
}

function unavailable(service: string, reason: string): string {
  return /no tool named/i.test(reason) ? `${service} is not connected.` : `${service} could not be read: ${reason}`;
}

function span(start: string | null, end: string | null): string {
  const time = (iso: string | null) =>
    iso ? new Date(iso).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', hour12: false }) : '?';
  return `${time(start)}–${time(end)}`;
}

function localDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
