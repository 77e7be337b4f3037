import { z } from 'zod';
import { mutation, query } from '../rpc/define';

/**
 * The audit trail as the person reads it (seed: Audit Trail): every model call, tool call, policy
 * decision, approval, denial and proxy action, hash-chained so any edit, deletion or reordering is
 * found and named.
 */

/** The ids that tie an entry to what caused it (the "why did Izzie do this?" chain follows them). */
export const AuditTrace = z.strictObject({
  threadId: z.string().optional(),
  messageId: z.string().optional(),
  runId: z.string().optional(),
  stepKey: z.string().optional(),
  eventId: z.string().optional(),
  toolCallId: z.string().optional(),
  approvalId: z.string().optional(),
  grantId: z.string().optional(),
});
export type AuditTrace = z.infer<typeof AuditTrace>;

export const AuditEntry = z.strictObject({
  seq: z.number().int(),
  id: z.string(),
  at: z.number(),
  actor: z.enum(['user', 'izzie', 'system']),
  /** `model.call`, `tool.call`, `policy.decision`, `approval.approved`, `proxy.action`, an RPC mutation … */
  action: z.string(),
  mode: z.enum(['assistant', 'proxy']).nullable(),
  persona: z.enum(['work', 'personal']).nullable(),
  /** JSON text, secrets removed. */
  input: z.string().nullable(),
  output: z.string().nullable(),
  model: z.string().nullable(),
  tokensIn: z.number().nullable(),
  tokensOut: z.number().nullable(),
  latencyMs: z.number().nullable(),
  costUsd: z.number().nullable(),
  success: z.boolean(),
  error: z.string().nullable(),
  trace: AuditTrace,
  hash: z.string(),
  prevHash: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditFilter = z.strictObject({
  from: z.number().int().optional(),
  to: z.number().int().optional(),
  /** An action, or a prefix ending in `.` (`approval.` is every approval entry). */
  action: z.string().max(100).optional(),
  mode: z.enum(['assistant', 'proxy']).optional(),
  persona: z.enum(['work', 'personal']).optional(),
  outcome: z.enum(['success', 'failure']).optional(),
  /** Words anywhere in the entry (action, input, output, error, model). */
  q: z.string().trim().max(200).optional(),
});
export type AuditFilter = z.infer<typeof AuditFilter>;

export const AuditVerification = z.discriminatedUnion('ok', [
  z.strictObject({ ok: z.literal(true), entries: z.number().int(), checkedAt: z.number() }),
  z.strictObject({
    ok: z.literal(false),
    entries: z.number().int(),
    checkedAt: z.number(),
    /** The entry where the chain breaks. */
    brokenAt: z.number().int(),
    /** What happened there, in a sentence: edited, deleted, reordered, or cut off at the end. */
    reason: z.string(),
  }),
]);
export type AuditVerification = z.infer<typeof AuditVerification>;

/** One link of the "why did Izzie do this?" chain, from the event that started it to the effect. */
export const ChainLink = z.strictObject({
  kind: z.enum(['event', 'classification', 'run', 'step', 'message', 'model', 'tool_call', 'policy', 'approval', 'effect']),
  title: z.string(),
  detail: z.string().nullable(),
  at: z.number().nullable(),
  /** The audit entry this link is, when it is one. */
  seq: z.number().int().nullable(),
  /** Where the window can open it (`{ page: 'activity', id: runId }`). */
  target: z.strictObject({ page: z.string(), id: z.string().optional() }).nullable(),
});
export type ChainLink = z.infer<typeof ChainLink>;

export const auditMethods = {
  'audit.list': query(
    AuditFilter.extend({
      /** Entries before this sequence number (paging back). */
      before: z.number().int().optional(),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    z.strictObject({ entries: z.array(AuditEntry), total: z.number().int() }),
  ),
  'audit.entry': query(z.strictObject({ seq: z.number().int() }), AuditEntry),
  'audit.verify': query(z.strictObject({}), AuditVerification),
  'audit.chain': query(z.strictObject({ seq: z.number().int() }), z.array(ChainLink)),
  /** The filtered entries as a file's text; the window saves it. */
  'audit.export': mutation(
    AuditFilter.extend({ format: z.enum(['json', 'csv']) }),
    z.strictObject({ filename: z.string(), mimeType: z.string(), content: z.string(), entries: z.number().int() }),
  ),
};
