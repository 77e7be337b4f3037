import { defineHandlers } from '../handler-types';

export const appHandlers = defineHandlers({
  'app.info': (_params, ctx) => ctx.appInfo(),
});
