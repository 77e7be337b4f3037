import { defineHandlers } from '../handler-types';

export const auditHandlers = defineHandlers({
  'audit.list': ({ limit, ...filter }, ctx) => ctx.auditView.list(filter, limit),
  'audit.entry': ({ seq }, ctx) => ctx.auditView.entry(seq),
  'audit.verify': (_params, ctx) => ctx.auditView.verify(),
  'audit.chain': ({ seq }, ctx) => ctx.auditView.chain(seq),
  'audit.export': ({ format, ...filter }, ctx) => ctx.auditView.export(filter, format),
});
