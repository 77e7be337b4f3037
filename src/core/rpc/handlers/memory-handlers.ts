import { defineHandlers } from '../handler-types';

export const memoryHandlers = defineHandlers({
  'memory.search': async ({ persona, ...query }, ctx) =>
    ctx.memory.search({ ...query, persona: await ctx.personas.get(persona) }),
  'memory.list': (params, ctx) => ctx.memory.list(params),
  'memory.get': ({ id }, ctx) => ctx.memory.get(id),
  'memory.update': ({ id, content }, ctx) => ctx.memory.update(id, content),
  'memory.delete': async ({ id }, ctx) => {
    await ctx.memory.delete(id);
    return { deleted: true as const };
  },
  'memory.entities': ({ query, limit }, ctx) => ctx.memory.entities(query, limit),
  'memory.entity': ({ id }, ctx) => ctx.memory.entity(id),
  'memory.namespaces': (_params, ctx) => ctx.memory.namespaceInfo(),
  'memory.setRetention': ({ namespace, retentionDays }, ctx) => ctx.memory.setRetention(namespace, retentionDays),
  'memory.purge': async (_params, ctx) => ({ removed: await ctx.memory.purge() }),
  'memory.status': (_params, ctx) => ctx.memory.status(),
  'memory.setEmbedder': (choice, ctx) => ctx.memory.setEmbedder(choice),
  'memory.cancelJob': (_params, ctx) => ctx.memory.cancelJob(),
});
