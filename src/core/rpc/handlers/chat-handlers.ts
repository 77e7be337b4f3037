import { defineHandlers } from '../handler-types';

export const chatHandlers = defineHandlers({
  'threads.list': (_params, ctx) => ctx.threads.list(),
  'threads.create': ({ title }, ctx) => ctx.threads.create(title),
  'threads.rename': ({ id, title }, ctx) => ctx.threads.rename(id, title),
  'threads.delete': ({ id }, ctx) => {
    ctx.threads.delete(id);
    return { deleted: true as const };
  },
  'messages.list': ({ threadId, limit, before }, ctx) => ctx.messages.list(threadId, limit, before),
  'messages.send': ({ threadId, content }, ctx) => ctx.messages.send(threadId, content),
});
