import { defineHandlers } from '../handler-types';

export const activityHandlers = defineHandlers({
  'activity.runs': (filter, ctx) => ctx.activity.runs(filter),
  'activity.run': ({ id }, ctx) => ctx.activity.run(id),
  'activity.cancel': ({ id }, ctx) => ctx.activity.cancel(id),
  'activity.replay': ({ id }, ctx) => ctx.activity.replay(id),
  'activity.functions': (_params, ctx) => ctx.activity.functions(),
  'activity.runNow': ({ functionId }, ctx) => ctx.activity.runNow(functionId),
  'activity.sources': (_params, ctx) => ctx.activity.sources(),
  'activity.pollNow': (_params, ctx) => ctx.activity.pollNow(),
  'digest.latest': (_params, ctx) => ctx.activity.latestDigest(),
  'notifications.list': ({ unreadOnly, limit }, ctx) => ctx.notifications.list(unreadOnly, limit),
  'notifications.read': ({ ids }, ctx) => ({ unread: ctx.notifications.markRead(ids ?? null) }),
});
