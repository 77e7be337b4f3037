import { defineHandlers } from '../handler-types';

export const approvalHandlers = defineHandlers({
  'approvals.list': ({ status, limit }, ctx) => ctx.policy.approvals.list(status ?? null, limit),
  'approvals.get': ({ id }, ctx) => ctx.policy.approvals.get(id),
  'approvals.edit': ({ id, payload }, ctx) => ctx.policy.approvals.edit(id, payload),
  'approvals.approve': ({ id, payloadHash, grantDays }, ctx) => ctx.policy.approvals.approve(id, payloadHash, grantDays),
  'approvals.deny': ({ id, reason }, ctx) => ctx.policy.approvals.deny(id, reason),
  'approvals.undo': ({ id }, ctx) => ctx.policy.approvals.undo(id),
  'grants.list': (_params, ctx) => ctx.policy.grants.list(),
  'grants.create': (input, ctx) => ctx.policy.grants.create(input),
  'grants.revoke': ({ id }, ctx) => ctx.policy.grants.revoke(id),
  'policy.get': (_params, ctx) => ctx.policy.settings.get(),
  'policy.update': (patch, ctx) => ctx.policy.settings.update(patch),
});
