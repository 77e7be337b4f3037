import { z } from 'zod';

/**
 * The seed's `IzzieEvent`: everything that can start proactive work enters one bus in this shape.
 * Events are persisted before they are acknowledged and de-duplicated by `id`, so a poller or a
 * relay may deliver the same thing twice without running anything twice.
 */

/** The seed's event types. `*` stands for the action, e.g. `github/pull_request.opened`. */
export const EVENT_TYPE_PATTERNS = [
  'user/message',
  'schedule/trigger',
  'github/pull_request.*',
  'linear/issue.*',
  'calendar/event.*',
  'email/received',
  'izzie/escalate',
  'izzie/action.complete',
  'test/scenario',
] as const;

const ACTION = /^[a-z][a-z0-9_]{0,39}$/;

/** Whether `type` is one of the seed's types (`github/pull_request.opened` matches `github/pull_request.*`). */
export function isKnownEventType(type: string): boolean {
  return EVENT_TYPE_PATTERNS.some((pattern) => eventTypeMatches(pattern, type));
}

/** `pattern` is an exact type, or ends in `.*` for any action of that kind. */
export function eventTypeMatches(pattern: string, type: string): boolean {
  if (!pattern.endsWith('.*')) return pattern === type;
  const prefix = pattern.slice(0, -1);
  return type.startsWith(prefix) && ACTION.test(type.slice(prefix.length));
}

export const EventType = z
  .string()
  .max(80)
  .refine(isKnownEventType, {
    error: (issue) => `"${String(issue.input)}" is not an event type Izzie knows (${EVENT_TYPE_PATTERNS.join(', ')})`,
  });

/** Where an event came from: typed by the person, a poller, the webhook relay, the clock, Izzie itself. */
export const EventSource = z.enum(['user', 'poll', 'relay', 'schedule', 'internal']);
export type EventSource = z.infer<typeof EventSource>;

export const EventPriority = z.enum(['low', 'medium', 'high', 'urgent']);
export type EventPriority = z.infer<typeof EventPriority>;

export const EventMetadata = z.strictObject({
  personaContext: z.enum(['work', 'personal']).optional(),
  priority: EventPriority.optional(),
  /** Ties events of one story together, e.g. a PR's opened / reviewed / merged. */
  correlationId: z.string().max(200).optional(),
});

/** JSON only: events are stored as text and read back on another day, by another version. */
const JsonValue: z.ZodType<unknown> = z.json();

export const IzzieEvent = z.strictObject({
  id: z
    .string()
    .min(1)
    .max(200)
    .regex(/^[\x21-\x7e]+$/, 'An event id is printable ASCII without spaces'),
  type: EventType,
  source: EventSource,
  timestamp: z.number().int().nonnegative(),
  data: JsonValue,
  metadata: EventMetadata,
});
export type IzzieEvent = z.infer<typeof IzzieEvent>;
