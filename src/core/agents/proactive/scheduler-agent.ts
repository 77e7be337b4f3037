import { z } from 'zod';
import type { AgentTools, ToolRead } from './agent-tools';

/** An event of the day as the calendar tool lists it. */
export const AgendaItem = z.object({
  id: z.string().nullable(),
  summary: z.string(),
  start: z.string().nullable(),
  end: z.string().nullable(),
  allDay: z.boolean(),
  status: z.string().nullable(),
  link: z.string().optional(),
});
export type AgendaItem = z.infer<typeof AgendaItem>;

const Agenda = z.object({ events: z.array(AgendaItem), more: z.boolean() });

export interface Conflict {
  readonly first: AgendaItem;
  readonly second: AgendaItem;
  readonly overlapMinutes: number;
}

export interface AgentContext {
  readonly runId: string;
  readonly persona: 'work' | 'personal';
  readonly signal: AbortSignal;
}

/**
 * The scheduler agent (seed: calendar operations, conflict detection, reminders). Conflicts are
 * arithmetic, not a model's guess: two timed, not-cancelled events on one calendar that overlap.
 */
export class SchedulerAgent {
  constructor(private readonly tools: AgentTools) {}

  /** The events overlapping [from, to) on the primary calendar, in start order. */
  async agenda(from: number, to: number, context: AgentContext): Promise<ToolRead<AgendaItem[]>> {
    const read = await this.tools.call(
      'google.calendar_query',
      { timeMin: new Date(from).toISOString(), timeMax: new Date(to).toISOString(), maxResults: 50 },
      Agenda,
      context,
    );
    if (!read.ok) return read;
    const items = read.value.events.filter((e) => overlaps(e, from, to));
    return { ok: true, value: items.sort((a, b) => startOf(a) - startOf(b)) };
  }

  /** Every overlapping pair of timed, confirmed events, in start order. */
  static conflicts(items: readonly AgendaItem[]): Conflict[] {
    const timed = items
      .filter((e) => !e.allDay && e.status !== 'cancelled' && e.start && e.end)
      .sort((a, b) => startOf(a) - startOf(b));
    const found: Conflict[] = [];
    for (let i = 0; i < timed.length; i++) {
      for (let j = i + 1; j < timed.length; j++) {
        const a = timed[i];
        const b = timed[j];
        if (!a || !b || startOf(b) >= endOf(a)) continue;
        const overlap = Math.min(endOf(a), endOf(b)) - startOf(b);
        if (overlap > 0) found.push({ first: a, second: b, overlapMinutes: Math.round(overlap / 60_000) });
      }
    }
    return found;
  }

  /** The event as the calendar has it now (moved, cancelled or deleted events answer differently or null). */
  async current(eventId: string, around: number, context: AgentContext): Promise<ToolRead<AgendaItem | null>> {
    const agenda = await this.agenda(around - 86_400_000, around + 86_400_000, context);
    if (!agenda.ok) return agenda;
    return { ok: true, value: agenda.value.find((e) => e.id === eventId) ?? null };
  }

  /** The conflicts a changed event is part of, on its own day. */
  async conflictsAround(eventId: string, start: number, end: number, context: AgentContext): Promise<ToolRead<Conflict[]>> {
    const dayStart = new Date(start);
    dayStart.setHours(0, 0, 0, 0);
    const dayEnd = Math.max(end, dayStart.getTime() + 86_400_000);
    const agenda = await this.agenda(dayStart.getTime(), dayEnd, context);
    if (!agenda.ok) return agenda;
    return {
      ok: true,
      value: SchedulerAgent.conflicts(agenda.value).filter((c) => c.first.id === eventId || c.second.id === eventId),
    };
  }
}

const startOf = (e: AgendaItem) => Date.parse(e.start ?? '') || 0;
const endOf = (e: AgendaItem) => Date.parse(e.end ?? '') || startOf(e);
const overlaps = (e: AgendaItem, from: number, to: number) => startOf(e) < to && (endOf(e) > from || startOf(e) >= from);
