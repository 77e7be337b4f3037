import { defineHandlers } from '../handler-types';

export const personaHandlers = defineHandlers({
  'personas.list': (_params, ctx) => ctx.personas.list(),
  'personas.update': ({ id, ...change }, ctx) => ctx.personas.update(id, change),
  'personas.reset': ({ id }, ctx) => ctx.personas.reset(id),
});
