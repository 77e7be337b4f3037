import { defineHandlers } from '../handler-types';

export const settingsHandlers = defineHandlers({
  'settings.get': (_params, ctx) => ctx.settings.get(),
  'settings.set': (patch, ctx) => ctx.settings.set(patch),
});
