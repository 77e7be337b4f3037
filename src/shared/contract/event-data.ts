import { z } from 'zod';

/**
 * The `data` of the events the pollers (and later the relay) deliver. Functions parse an event's
 * data with these before using it: an event is stored as JSON and may come from an older Izzie.
 */

const Text = (max: number) => z.string().max(max);

/** `email/received`: one new message in the connected Gmail account. */
export const EmailReceivedData = z.object({
  account: Text(320),
  messageId: Text(200),
  threadId: Text(200),
  from: Text(500),
  to: z.array(Text(500)).max(100),
  subject: Text(1_000),
  snippet: Text(1_000),
  /** Gmail label ids: INBOX, UNREAD, CATEGORY_PROMOTIONS… */
  labels: z.array(Text(100)).max(50),
  receivedAt: z.number(),
  /** List-Unsubscribe or `Precedence: bulk`/`list` was present: a newsletter or notification mail. */
  bulk: z.boolean(),
});
export type EmailReceivedData = z.infer<typeof EmailReceivedData>;

/** `github/pull_request.<action>`: a pull request the person is involved in changed. */
export const PullRequestData = z.object({
  repo: Text(200),
  number: z.number().int().positive(),
  title: Text(1_000),
  author: Text(200),
  url: Text(2_000),
  state: z.enum(['open', 'closed', 'merged']),
  draft: z.boolean(),
  /** The person is among the requested reviewers. */
  reviewRequested: z.boolean(),
  /** Why GitHub notified (review_requested, mention, author, …), when it came from notifications. */
  reason: Text(100).nullable(),
  updatedAt: z.number(),
});
export type PullRequestData = z.infer<typeof PullRequestData>;

/** `linear/issue.<action>`: an issue assigned to the person was created or changed. */
export const LinearIssueData = z.object({
  id: Text(200),
  identifier: Text(50),
  title: Text(1_000),
  state: Text(100),
  /** Linear's 0 (none) to 4 (low); 1 is urgent. */
  priority: z.number().int().min(0).max(4),
  assignedToViewer: z.boolean(),
  url: Text(2_000),
  updatedAt: z.number(),
});
export type LinearIssueData = z.infer<typeof LinearIssueData>;

/** `calendar/event.<action>`: an event on the person's primary calendar was created, changed or cancelled. */
export const CalendarEventData = z.object({
  calendarId: Text(500),
  eventId: Text(1_000),
  summary: Text(1_000),
  start: z.number(),
  end: z.number(),
  allDay: z.boolean(),
  status: z.enum(['confirmed', 'tentative', 'cancelled']),
  organizer: Text(320).nullable(),
  htmlLink: Text(2_000).nullable(),
});
export type CalendarEventData = z.infer<typeof CalendarEventData>;
