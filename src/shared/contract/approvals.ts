import { z } from 'zod';
import { mutation, query } from '../rpc/define';
import { OperatingMode, PersonaId } from './chat';
import { ActionClass } from './integrations';

/**
 * Proxy safety as the person sees it (seed: Operating Modes, Security Considerations): the
 * approvals queue, the grants (seed: ProxyAuthorization) and the permissions the policy gate
 * decides by. Everything here is decided in the core; the window only shows it and asks.
 */

/** The seed's PROXY_REQUIRES_CONFIRMATION: kinds of action that always wait for a person. */
export const ConfirmKind = z.enum(['send_email', 'post_slack', 'create_issue']);
export type ConfirmKind = z.infer<typeof ConfirmKind>;

/** The seed's PROXY_CONFIDENCE_THRESHOLD: below it, a proxy action waits for a person. */
export const PROXY_CONFIDENCE_THRESHOLD = 0.9;

export const ApprovalStatus = z.enum([
  /** Waiting for the person. */
  'pending',
  /** Approved (by the person or a grant); goes out at `sendAt` unless undone. */
  'approved',
  'executing',
  'done',
  'failed',
  'denied',
  'expired',
  /** Its grant was revoked, or it was undone while a grant had approved it. */
  'cancelled',
  /** Edited: the edit is a new item (`replacedBy`) that needs its own approval. */
  'superseded',
]);
export type ApprovalStatus = z.infer<typeof ApprovalStatus>;

/** Where an item stands, in the words refusals use ("This action is already denied."). */
export const APPROVAL_STATUS_WORDS: Readonly<Record<ApprovalStatus, string>> = {
  pending: 'waiting for you',
  approved: 'approved',
  executing: 'going out',
  done: 'done',
  failed: 'failed',
  denied: 'denied',
  expired: 'expired',
  cancelled: 'cancelled',
  superseded: 'replaced by an edit',
};

/** Why an action waits for a person. */
export const ApprovalReason = z.enum(['always-confirm', 'tainted', 'low-confidence', 'no-grant', 'grant-limit']);
export type ApprovalReason = z.infer<typeof ApprovalReason>;

/** The action as it will go out, for the person to read before agreeing. */
export const ApprovalPreview = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('email'),
    from: z.string().nullable(),
    to: z.array(z.string()),
    cc: z.array(z.string()),
    bcc: z.array(z.string()),
    subject: z.string(),
    body: z.string(),
  }),
  z.strictObject({ kind: z.literal('slack'), workspace: z.string().nullable(), channel: z.string(), text: z.string() }),
  z.strictObject({
    kind: z.literal('issue'),
    service: z.enum(['github', 'linear']),
    /** `owner/repo` for GitHub, the team for Linear. */
    target: z.string(),
    title: z.string(),
    body: z.string(),
  }),
  /** Any other tool: its arguments, one per row. */
  z.strictObject({ kind: z.literal('fields'), fields: z.array(z.strictObject({ label: z.string(), value: z.string() })) }),
]);
export type ApprovalPreview = z.infer<typeof ApprovalPreview>;

export const ApprovalTrigger = z.strictObject({
  kind: z.enum(['chat', 'engine']),
  threadId: z.string().nullable(),
  runId: z.string().nullable(),
  eventId: z.string().nullable(),
  /** One line: "Chat: Quarterly numbers" or "email/received: Mallory — Invoice". */
  summary: z.string(),
});
export type ApprovalTrigger = z.infer<typeof ApprovalTrigger>;

export const Approval = z.strictObject({
  id: z.string(),
  status: ApprovalStatus,
  persona: PersonaId,
  mode: OperatingMode,
  /** Izzie's name for the tool, e.g. `google.gmail_send`. */
  tool: z.string(),
  actionClass: ActionClass,
  /** The exact arguments that will be sent; `payloadHash` is the SHA-256 an approval is bound to. */
  payload: z.record(z.string(), z.unknown()),
  payloadHash: z.string(),
  preview: ApprovalPreview,
  reason: ApprovalReason,
  /** The reason in a sentence. */
  reasonText: z.string(),
  /** What outside content the context had read (a tainted context never uses a standing or class grant). */
  taintedBy: z.array(z.string()),
  trigger: ApprovalTrigger,
  createdAt: z.number(),
  expiresAt: z.number(),
  decidedAt: z.number().nullable(),
  decidedBy: z.enum(['user', 'grant']).nullable(),
  grantId: z.string().nullable(),
  denyReason: z.string().nullable(),
  /** End of the undo window. */
  sendAt: z.number().nullable(),
  executedAt: z.number().nullable(),
  /** The tool's answer once it ran (cut to a readable length), or why it failed. */
  result: z.string().nullable(),
  error: z.string().nullable(),
  editedFrom: z.string().nullable(),
  replacedBy: z.string().nullable(),
});
export type Approval = z.infer<typeof Approval>;

export const GrantScope = z.enum([
  /** Authorizes the next one action of its class, then is used up. */
  'single',
  /** An action class for a while (`expiresAt` required). */
  'class',
  /** Until revoked (an expiry is optional). */
  'standing',
]);
export type GrantScope = z.infer<typeof GrantScope>;

export const RateLimit = z.strictObject({
  count: z.number().int().min(1).max(10_000),
  perHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 30),
});
export type RateLimit = z.infer<typeof RateLimit>;

export const Grant = z.strictObject({
  id: z.string(),
  scope: GrantScope,
  persona: PersonaId,
  actionClass: ActionClass,
  /** Only this tool (`google.gmail_send`), or every tool of the class when null. */
  tool: z.string().nullable(),
  /** Recipients (`ada@example.com`, `@example.com`), channels (`#general`) or repos (`acme/app`); empty: any. */
  allowlist: z.array(z.string()),
  rateLimit: RateLimit.nullable(),
  createdAt: z.number(),
  expiresAt: z.number().nullable(),
  revokedAt: z.number().nullable(),
  uses: z.number().int(),
  lastUsedAt: z.number().nullable(),
  /** The approval it was created from ("approve and allow for N days"). */
  fromApproval: z.string().nullable(),
  /** `active`, or why it no longer authorizes anything. */
  state: z.enum(['active', 'expired', 'revoked', 'used']),
});
export type Grant = z.infer<typeof Grant>;

const ToolAccessList = z
  .array(z.string().regex(/^[a-z][a-z0-9_.-]{0,63}$/, 'Tool names are lowercase letters, digits, ".", "_" or "-"'))
  .max(200);

/** What the policy gate decides by, as Settings → Permissions edits it. */
export const PolicySettings = z.strictObject({
  /**
   * The proxy row of the seed's tool-access matrix: the tools (`gmail_send`, `google.gmail_send`)
   * or groups (`email`) each persona may use to act as the person. The assistant row is each
   * persona's tool access (Settings → Personas), minus every action that acts as the person.
   */
  proxyToolAccess: z.strictObject({ work: ToolAccessList, personal: ToolAccessList }),
  alwaysConfirm: z.array(ConfirmKind),
  /** How long an approved action waits before it goes out, with Undo. 0 sends at once. */
  undoSeconds: z.number().int().min(0).max(300),
  /** How long an approval waits for the person before it expires. */
  approvalTtlHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 14),
});
export type PolicySettings = z.infer<typeof PolicySettings>;

/** The seed's proxy row of the tool-access matrix, its always-confirm list, a 10 s undo window. */
export const DEFAULT_POLICY: PolicySettings = {
  proxyToolAccess: {
    work: ['gmail_send', 'calendar_create', 'issue_create', 'message_send'],
    personal: ['gmail_send', 'calendar_create'],
  },
  alwaysConfirm: ['send_email', 'post_slack', 'create_issue'],
  undoSeconds: 10,
  approvalTtlHours: 24,
};

const Id = z.string().min(1).max(200);
const ReasonText = z.string().trim().max(2000);

export const approvalMethods = {
  'approvals.list': query(
    z.strictObject({
      status: z.array(ApprovalStatus).max(9).optional(),
      limit: z.number().int().min(1).max(200).default(100),
    }),
    z.strictObject({ approvals: z.array(Approval), pending: z.number().int() }),
  ),
  'approvals.get': query(z.strictObject({ id: Id }), Approval),
  /** Saves an edited payload as a new pending item (the old one is superseded): an edit needs its own approval. */
  'approvals.edit': mutation(z.strictObject({ id: Id, payload: z.record(z.string(), z.unknown()) }), Approval, {
    sensitiveInput: true,
  }),
  /**
   * Approves exactly the payload the person saw (`payloadHash`); refused when the item changed since.
   * `grantDays` also creates a class grant for the action's class and persona.
   */
  'approvals.approve': mutation(
    z.strictObject({
      id: Id,
      payloadHash: z.string().regex(/^[0-9a-f]{64}$/),
      grantDays: z.number().int().min(1).max(90).optional(),
    }),
    Approval,
  ),
  'approvals.deny': mutation(z.strictObject({ id: Id, reason: ReasonText.default('') }), Approval),
  /** Stops an approved action inside its undo window; it goes back to pending (or is cancelled, when a grant approved it). */
  'approvals.undo': mutation(z.strictObject({ id: Id }), Approval),
  'grants.list': query(z.strictObject({}), z.array(Grant)),
  'grants.create': mutation(
    z
      .strictObject({
        scope: GrantScope,
        persona: PersonaId,
        actionClass: ActionClass.exclude(['read', 'draft']),
        tool: z.string().min(1).max(128).nullable().default(null),
        allowlist: z.array(z.string().trim().min(1).max(320)).max(100).default([]),
        rateLimit: RateLimit.nullable().default(null),
        /** Days from now; required for `class`. */
        days: z.number().int().min(1).max(365).nullable().default(null),
      })
      .refine((g) => g.scope !== 'class' || g.days !== null, { message: 'A class grant needs an expiry', path: ['days'] }),
    Grant,
  ),
  'grants.revoke': mutation(z.strictObject({ id: Id }), Grant),
  'policy.get': query(z.strictObject({}), PolicySettings),
  'policy.update': mutation(
    z
      .strictObject({
        proxyToolAccess: PolicySettings.shape.proxyToolAccess.optional(),
        alwaysConfirm: PolicySettings.shape.alwaysConfirm.optional(),
        undoSeconds: PolicySettings.shape.undoSeconds.optional(),
        approvalTtlHours: PolicySettings.shape.approvalTtlHours.optional(),
      })
      .refine((p) => Object.keys(p).length > 0, { message: 'Name at least one setting to change' }),
    PolicySettings,
  ),
};
