import {
  APPROVAL_STATUS_WORDS,
  DEFAULT_POLICY,
  previewOf,
  RpcError,
  type Approval,
  type EventName,
  type EventPayload,
  type Grant,
  type PolicySettings,
} from '../../../shared';
import type { Handlers } from './fake-models';
import { payloadHash, type Payload } from './fake-payload';

type Emit = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export interface FakeApprovalsOptions {
  approvals?: Approval[];
  grants?: Grant[];
  policy?: Partial<PolicySettings>;
  /** What a sent action answers (`result`); its tool's JSON answer (`toolAnswer`) unless a test says otherwise. */
  result?: string;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ADDRESS = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Proxy safety behind the fake core, with the core's rules: an approval is bound to the payload hash
 * the person saw (any other hash, or an item no longer pending, is refused with CONFLICT); an
 * approved action waits out the undo window (`sendAt`), during which Undo puts it back to pending;
 * an edit is a new pending item with its own hash and preview, and the old one is superseded;
 * "approve and allow for N days" also creates a class grant; revoking a grant cancels what it
 * approved and has not sent yet. Events go out before the call answers, as the core's hub sends
 * them. Times come from `clock` (the window's clock, so countdowns and fake timers agree); nothing
 * is sent on its own: tests move approved actions on with `sendDue`.
 */
export function createFakeApprovals(emit: Emit, clock: () => number, options: FakeApprovalsOptions = {}) {
  const state = {
    approvals: [...(options.approvals ?? [])],
    grants: [...(options.grants ?? [])],
    policy: { ...DEFAULT_POLICY, ...options.policy },
  };

  const pendingCount = () => state.approvals.filter((a) => a.status === 'pending').length;

  function requireApproval(id: string): Approval {
    const found = state.approvals.find((a) => a.id === id);
    if (!found) throw new RpcError('NOT_FOUND', `Approval ${id} does not exist (it may have been removed).`);
    return found;
  }

  function requireGrant(id: string): Grant {
    const found = state.grants.find((g) => g.id === id);
    if (!found) throw new RpcError('NOT_FOUND', `Grant ${id} does not exist.`);
    return found;
  }

  /** Keeps the changed items and pushes each, then the pending count, as the core's approval queue does. */
  function put(...changed: Approval[]): void {
    for (const approval of changed) {
      state.approvals = [approval, ...state.approvals.filter((a) => a.id !== approval.id)];
      emit('approvals.changed', { approval });
    }
    emit('approvals.pending', { pending: pendingCount() });
  }

  function putGrant(grant: Grant): Grant {
    state.grants = [grant, ...state.grants.filter((g) => g.id !== grant.id)];
    emit('grants.changed', { grant });
    return grant;
  }

  /** Refuses a decision on an item that is no longer waiting; one past its expiry expires first, as in the core. */
  function requirePending(id: string, refusal: (status: string) => string): Approval {
    let found = requireApproval(id);
    if (found.status === 'pending' && found.expiresAt <= clock()) {
      found = { ...found, status: 'expired' };
      put(found);
    }
    if (found.status !== 'pending') throw new RpcError('CONFLICT', refusal(APPROVAL_STATUS_WORDS[found.status]));
    return found;
  }

  const alreadyDecided = (status: string) => `This action is already ${status}.`;

  function createGrant(input: Omit<Grant, 'id' | 'createdAt' | 'revokedAt' | 'uses' | 'lastUsedAt' | 'state'>): Grant {
    return putGrant({
      ...input,
      id: crypto.randomUUID(),
      createdAt: clock(),
      revokedAt: null,
      uses: 0,
      lastUsedAt: null,
      state: 'active',
    });
  }

  const handlers: Pick<
    Handlers,
    | 'approvals.list'
    | 'approvals.get'
    | 'approvals.edit'
    | 'approvals.approve'
    | 'approvals.deny'
    | 'approvals.undo'
    | 'grants.list'
    | 'grants.create'
    | 'grants.revoke'
    | 'policy.get'
    | 'policy.update'
  > = {
    'approvals.list': ({ status, limit = 100 }) => ({
      approvals: state.approvals
        .filter((a) => !status || status.length === 0 || status.includes(a.status))
        .sort((a, b) => b.createdAt - a.createdAt)
        .slice(0, limit),
      pending: pendingCount(),
    }),
    'approvals.get': ({ id }) => requireApproval(id),
    'approvals.edit': ({ id, payload }) => {
      const old = requirePending(id, (status) => `Only a waiting action can be edited; this one is ${status}.`);
      checkPayload(old.tool, payload);
      if (payloadHash(payload) === old.payloadHash) return old;
      const at = clock();
      const context =
        old.preview.kind === 'email'
          ? { from: old.preview.from }
          : old.preview.kind === 'slack'
            ? { workspace: old.preview.workspace }
            : {};
      const edited: Approval = {
        ...old,
        id: crypto.randomUUID(),
        payload,
        payloadHash: payloadHash(payload),
        preview: previewOf(old.tool, payload, context),
        createdAt: at,
        expiresAt: at + state.policy.approvalTtlHours * HOUR,
        editedFrom: old.id,
        replacedBy: null,
      };
      put({ ...old, status: 'superseded', replacedBy: edited.id, decidedAt: at, decidedBy: 'user' }, edited);
      return edited;
    },
    'approvals.approve': ({ id, payloadHash: seen, grantDays }) => {
      const found = requirePending(id, alreadyDecided);
      if (seen !== found.payloadHash) {
        throw new RpcError('CONFLICT', 'This action changed since you looked at it. Review it again before approving.');
      }
      const at = clock();
      if (grantDays !== undefined) {
        if (found.actionClass === 'read' || found.actionClass === 'draft') {
          throw new RpcError(
            'INVALID_INPUT',
            `Invalid input for approvals.approve: grantDays: A ${found.actionClass} action needs no grant`,
          );
        }
        createGrant({
          scope: 'class',
          persona: found.persona,
          actionClass: found.actionClass,
          tool: null,
          allowlist: [],
          rateLimit: null,
          expiresAt: at + grantDays * DAY,
          fromApproval: found.id,
        });
      }
      const approved: Approval = {
        ...found,
        status: 'approved',
        decidedAt: at,
        decidedBy: 'user',
        sendAt: at + state.policy.undoSeconds * 1_000,
      };
      put(approved);
      // With no undo window the action goes out at once.
      return state.policy.undoSeconds === 0 ? (sendDue()[0] ?? approved) : approved;
    },
    'approvals.deny': ({ id, reason = '' }) => {
      const found = requirePending(id, alreadyDecided);
      const denied: Approval = {
        ...found,
        status: 'denied',
        decidedAt: clock(),
        decidedBy: 'user',
        denyReason: reason.trim() || null,
      };
      put(denied);
      return denied;
    },
    'approvals.undo': ({ id }) => {
      const found = requireApproval(id);
      const at = clock();
      if (found.status !== 'approved' || found.sendAt === null || found.sendAt <= at) {
        throw new RpcError(
          'CONFLICT',
          found.status === 'approved'
            ? 'It is going out now; it is too late to undo.'
            : `This action is ${APPROVAL_STATUS_WORDS[found.status]}.`,
        );
      }
      const undone: Approval =
        found.decidedBy === 'grant'
          ? { ...found, status: 'cancelled', error: 'Undone before it went out.' }
          : {
              ...found,
              status: 'pending',
              decidedAt: null,
              decidedBy: null,
              sendAt: null,
              expiresAt: Math.max(found.expiresAt, at + HOUR),
            };
      put(undone);
      return undone;
    },
    'grants.list': () => [...state.grants].sort((a, b) => b.createdAt - a.createdAt),
    'grants.create': ({ scope, persona, actionClass, tool = null, allowlist = [], rateLimit = null, days = null }) =>
      createGrant({
        scope,
        persona,
        actionClass,
        tool,
        allowlist: allowlist.map((entry) => entry.trim()),
        rateLimit,
        expiresAt: days === null ? null : clock() + days * DAY,
        fromApproval: null,
      }),
    'grants.revoke': ({ id }) => {
      const found = requireGrant(id);
      // Revoking twice is not an error in the core: the grant is revoked either way.
      if (found.revokedAt !== null) return found;
      const revoked = putGrant({ ...found, revokedAt: clock(), state: 'revoked' });
      const waiting = state.approvals.filter((a) => a.grantId === id && a.status === 'approved');
      if (waiting.length > 0) put(...waiting.map((a): Approval => ({ ...a, status: 'cancelled', sendAt: null })));
      return revoked;
    },
    'policy.get': () => state.policy,
    'policy.update': (change) => {
      state.policy = { ...state.policy, ...change };
      emit('policy.changed', state.policy);
      return state.policy;
    },
  };

  /** Every approved action whose undo window has passed goes out: sent, or failed with `error`. */
  function sendDue(outcome: { error?: string } = {}): Approval[] {
    const at = clock();
    const due = state.approvals.filter((a) => a.status === 'approved' && a.sendAt !== null && a.sendAt <= at);
    const sent = due.map((a): Approval =>
      outcome.error
        ? { ...a, status: 'failed', executedAt: at, error: outcome.error }
        : { ...a, status: 'done', executedAt: at, result: options.result ?? toolAnswer(a) },
    );
    if (sent.length > 0) put(...sent);
    return sent;
  }

  return {
    handlers,
    state,
    sendDue,
    /** Izzie asks for a new approval: kept and pushed (`approvals.changed`, `approvals.pending`). */
    queue(approval: Approval): void {
      put(approval);
    },
  };
}

/**
 * What the tool answers once the action went out, as the core keeps it: the JSON text of the built-in
 * tool's `run` result (src/core/integrations/<service>/*-tools.ts), made up from the payload.
 */
export function toolAnswer(approval: Pick<Approval, 'tool' | 'payload'>): string {
  const { payload } = approval;
  const text = (key: string, fallback: string) => (typeof payload[key] === 'string' ? payload[key] : fallback);
  switch (approval.tool) {
    case 'google.gmail_send':
      return JSON.stringify({ id: '18c2f0a1b2c3d4e5', threadId: '18c2f0a1b2c3d4e5', labelIds: ['SENT'] });
    case 'slack.message_send': {
      const channel = text('channel', '#general');
      const name = /^C[A-Z0-9]{8,}$/.test(channel) ? null : channel.replace(/^#/, '');
      return JSON.stringify({
        channel: { id: 'C0123ABCD', name },
        ts: '1712345678.000100',
        thread_ts: null,
        text: text('text', ''),
      });
    }
    case 'github.issue_create': {
      const repo = `${text('owner', 'octocat')}/${text('repo', 'hello-world')}`;
      return JSON.stringify({
        number: 12,
        title: text('title', ''),
        state: 'open',
        author: 'ada',
        labels: [],
        assignees: [],
        comments: 0,
        url: `https://github.com/${repo}/issues/12`,
        created_at: '2024-03-01T10:00:00Z',
        updated_at: '2024-03-01T10:00:00Z',
      });
    }
    case 'linear.issue_create': {
      const identifier = `${text('team', 'ENG').toUpperCase()}-8`;
      return JSON.stringify({
        identifier,
        title: text('title', ''),
        state: 'Todo',
        priority: 'No priority',
        assignee: null,
        url: `https://linear.app/acme/issue/${identifier}`,
        updatedAt: '2024-03-01T10:00:00.000Z',
      });
    }
    case 'google.calendar_create':
      return JSON.stringify({
        id: 'evt-1',
        summary: text('summary', '(no title)'),
        start: text('start', ''),
        end: text('end', ''),
        allDay: false,
        status: 'confirmed',
        attendees: [],
        link: 'https://www.google.com/calendar/event?eid=evt-1',
      });
    default:
      return JSON.stringify({ ok: true });
  }
}

/**
 * What the tool's schema would refuse in an edited email, in the core's words (its argument check
 * runs Ajv over the tool's JSON Schema: "google.gmail_send would refuse this: to.1: must match
 * format "email"").
 */
function checkPayload(tool: string, payload: Payload): void {
  if (!tool.endsWith('gmail_send')) return;
  const problems: string[] = [];
  if (!Array.isArray(payload['to']) || payload['to'].length === 0) problems.push('to: must NOT have fewer than 1 items');
  for (const key of ['to', 'cc', 'bcc']) {
    const list = payload[key];
    if (!Array.isArray(list)) continue;
    list.forEach((address, i) => {
      if (typeof address !== 'string' || !ADDRESS.test(address)) problems.push(`${key}.${i}: must match format "email"`);
    });
  }
  if (problems.length > 0) throw new RpcError('INVALID_INPUT', `${tool} would refuse this: ${problems.join('; ')}`);
}

/** A pending email from the Work persona that Izzie wrote in a chat; the preview and hash follow the payload. */
export function approval(overrides: Partial<Approval> & { from?: string | null } = {}): Approval {
  const { from = 'ada@acme.com', ...rest } = overrides;
  const createdAt = rest.createdAt ?? Date.now() - 5 * 60_000;
  const tool = rest.tool ?? 'google.gmail_send';
  const payload = rest.payload ?? {
    to: ['dana@acme.com'],
    subject: 'Re: Atlas launch plan',
    body: 'Hi Dana,\n\nFriday works. I will bring the numbers.\n\nAda',
  };
  return {
    id: crypto.randomUUID(),
    status: 'pending',
    persona: 'work',
    mode: 'proxy',
    tool,
    actionClass: 'send',
    payload,
    payloadHash: payloadHash(payload),
    preview: previewOf(tool, payload, { from, workspace: 'Acme' }),
    reason: 'always-confirm',
    reasonText: 'You always confirm sending email.',
    taintedBy: [],
    trigger: { kind: 'chat', threadId: 'thread-atlas', runId: null, eventId: null, summary: 'Chat: Atlas launch' },
    createdAt,
    expiresAt: createdAt + 24 * HOUR,
    decidedAt: null,
    decidedBy: null,
    grantId: null,
    denyReason: null,
    sendAt: null,
    executedAt: null,
    result: null,
    error: null,
    editedFrom: null,
    replacedBy: null,
    ...rest,
  };
}

export function grant(overrides: Partial<Grant> = {}): Grant {
  return {
    id: crypto.randomUUID(),
    scope: 'class',
    persona: 'work',
    actionClass: 'send',
    tool: null,
    allowlist: [],
    rateLimit: null,
    createdAt: Date.now() - DAY,
    expiresAt: Date.now() + 6 * DAY,
    revokedAt: null,
    uses: 0,
    lastUsedAt: null,
    fromApproval: null,
    state: 'active',
    ...overrides,
  };
}
