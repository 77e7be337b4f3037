import { defineHandlers } from '../handler-types';

export const chatHandlers = defineHandlers({
  'threads.list': (_params, ctx) => ctx.threads.list(),
  'threads.create': (params, ctx) => ctx.threads.create(params),
  'threads.rename': ({ id, title }, ctx) => ctx.threads.rename(id, title),
  'threads.configure': ({ id, persona, mode }, ctx) => ctx.threads.configure(id, { persona, mode }),
  'threads.delete': ({ id }, ctx) => {
    ctx.agent.stop(id);
    ctx.threads.delete(id);
    return { deleted: true as const };
  },
  'messages.list': ({ threadId, limit, before }, ctx) => ctx.messages.list(threadId, limit, before),
  'messages.send': ({ threadId, content }, ctx) => ctx.messages.send(threadId, content),
  'messages.edit': ({ messageId, content }, ctx) => ctx.messages.edit(messageId, content),
  'messages.retry': ({ threadId }, ctx) => ctx.messages.retry(threadId),
  'chat.stop': ({ threadId }, ctx) => ({ stopped: ctx.agent.stop(threadId) }),
});
