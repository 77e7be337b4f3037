import { z } from 'zod';
import { mutation, query } from '../rpc/define';

/**
 * Proactive work as the person sees it: runs of the engine's functions with their steps (the
 * Activity page), the morning digest, and the notifications Izzie raised.
 */

export const RunStatus = z.enum(['queued', 'running', 'sleeping', 'completed', 'failed', 'cancelled']);
export type RunStatus = z.infer<typeof RunStatus>;

export const StepView = z.strictObject({
  key: z.string(),
  name: z.string(),
  kind: z.enum(['run', 'sleep', 'send_event']),
  /** `running`: started in this process and not yet saved. */
  status: z.enum(['completed', 'failed', 'sleeping', 'running']),
  attempts: z.number().int(),
  error: z.string().nullable(),
  startedAt: z.number(),
  finishedAt: z.number().nullable(),
  /** The saved result, as JSON text, cut to a readable length. */
  output: z.string().nullable(),
});
export type StepView = z.infer<typeof StepView>;

export const RunUsage = z.strictObject({
  inputTokens: z.number(),
  outputTokens: z.number(),
  costUsd: z.number(),
  calls: z.number().int(),
});

export const RunView = z.strictObject({
  id: z.string(),
  functionId: z.string(),
  functionName: z.string(),
  status: RunStatus,
  trigger: z.strictObject({ eventId: z.string(), eventType: z.string(), source: z.string(), summary: z.string() }),
  createdAt: z.number(),
  startedAt: z.number().nullable(),
  finishedAt: z.number().nullable(),
  /** When a queued (retrying) or sleeping run goes next. */
  wakeAt: z.number().nullable(),
  error: z.string().nullable(),
  replayOf: z.string().nullable(),
  usage: RunUsage,
  steps: z.array(StepView),
});
export type RunView = z.infer<typeof RunView>;

export const FunctionView = z.strictObject({
  id: z.string(),
  name: z.string(),
  /** "every day at 07:00" or "on email/received". */
  trigger: z.string(),
  nextRunAt: z.number().nullable(),
});
export type FunctionView = z.infer<typeof FunctionView>;

export const DigestItem = z.strictObject({
  title: z.string(),
  detail: z.string().nullable(),
  url: z.string().nullable(),
});
export type DigestItem = z.infer<typeof DigestItem>;

export const DigestSection = z.strictObject({
  id: z.enum(['mail', 'calendar', 'conflicts', 'pull_requests', 'issues', 'approvals']),
  title: z.string(),
  items: z.array(DigestItem),
  /** Why a section is empty or partial ("GitHub is not connected"). */
  note: z.string().nullable(),
});
export type DigestSection = z.infer<typeof DigestSection>;

export const Digest = z.strictObject({
  id: z.string(),
  runId: z.string(),
  day: z.string(),
  summary: z.string(),
  sections: z.array(DigestSection),
  coversFrom: z.number(),
  createdAt: z.number(),
});
export type Digest = z.infer<typeof Digest>;

export const NotificationKind = z.enum(['attention', 'digest', 'draft', 'conflict', 'result', 'approval']);

export const NotificationView = z.strictObject({
  id: z.string(),
  kind: NotificationKind,
  title: z.string(),
  body: z.string(),
  target: z.strictObject({ page: z.string(), id: z.string().optional() }).nullable(),
  runId: z.string().nullable(),
  createdAt: z.number(),
  read: z.boolean(),
});
export type NotificationView = z.infer<typeof NotificationView>;

/** A poller of a connected account and how its polls go (the Activity page's "Sources"). */
export const SourceView = z.strictObject({
  id: z.string(),
  label: z.string(),
  intervalMs: z.number(),
  polledAt: z.number().nullable(),
  nextPollAt: z.number().nullable(),
  failures: z.number().int(),
  lastError: z.string().nullable(),
  delivered: z.number().int(),
});
export type SourceView = z.infer<typeof SourceView>;

const Id = z.string().min(1).max(200);

export const activityMethods = {
  'activity.runs': query(
    z.strictObject({
      status: z.array(RunStatus).max(6).optional(),
      functionId: z.string().max(64).optional(),
      /** Runs created before this time (paging back). */
      before: z.number().int().optional(),
      limit: z.number().int().min(1).max(200).default(50),
    }),
    z.strictObject({ runs: z.array(RunView), counts: z.record(RunStatus, z.number().int()) }),
  ),
  'activity.run': query(z.strictObject({ id: Id }), RunView),
  'activity.cancel': mutation(z.strictObject({ id: Id }), RunView),
  /** A finished run again, from its first step, as a new run. */
  'activity.replay': mutation(z.strictObject({ id: Id }), RunView),
  'activity.functions': query(z.strictObject({}), z.array(FunctionView)),
  /** Runs a scheduled function now (the digest before 07:00). */
  'activity.runNow': mutation(z.strictObject({ functionId: z.string().min(1).max(64) }), RunView),
  'activity.sources': query(z.strictObject({}), z.array(SourceView)),
  /** Polls every connected source now (the "Check now" button), even while paused. */
  'activity.pollNow': mutation(z.strictObject({}), z.array(SourceView)),
  'digest.latest': query(z.strictObject({}), Digest.nullable()),
  'notifications.list': query(
    z.strictObject({ unreadOnly: z.boolean().default(false), limit: z.number().int().min(1).max(200).default(50) }),
    z.strictObject({ notifications: z.array(NotificationView), unread: z.number().int() }),
  ),
  'notifications.read': mutation(
    z.strictObject({ ids: z.array(Id).max(500).optional() }),
    z.strictObject({ unread: z.number().int() }),
  ),
};
