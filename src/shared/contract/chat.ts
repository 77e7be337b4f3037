import { z } from 'zod';
import { mutation, query } from '../rpc/define';

export const THREAD_TITLE_MAX = 200;
export const MESSAGE_CONTENT_MAX = 100_000;

const Id = z.string().uuid();
const Title = z.string().trim().min(1, 'A title cannot be empty').max(THREAD_TITLE_MAX);
const Content = z
  .string()
  .max(MESSAGE_CONTENT_MAX, `A message can be at most ${MESSAGE_CONTENT_MAX.toLocaleString('en')} characters`)
  .refine((s) => s.trim().length > 0, 'A message cannot be empty');

export const PersonaId = z.enum(['work', 'personal']);
export type PersonaId = z.infer<typeof PersonaId>;
/** `assistant` speaks as Izzie; `proxy` speaks as the user (seed: Operating Modes). */
export const OperatingMode = z.enum(['assistant', 'proxy']);
export type OperatingMode = z.infer<typeof OperatingMode>;

export const Thread = z.strictObject({
  id: Id,
  title: z.string(),
  persona: PersonaId,
  mode: OperatingMode,
  createdAt: z.number(),
  updatedAt: z.number(),
  messageCount: z.number().int(),
  lastMessagePreview: z.string().nullable(),
});
export type Thread = z.infer<typeof Thread>;

export const MessageRole = z.enum(['user', 'assistant', 'system', 'tool']);
export type MessageRole = z.infer<typeof MessageRole>;

/** Why a message got no reply (kept with the message, so the reason survives a restart). */
export const DeliveryError = z.strictObject({ code: z.string(), message: z.string() });

export const ToolCallStatus = z.enum(['running', 'ok', 'error', 'denied', 'pending']);

/** A tool the model called while producing a reply; the UI shows each as a card. */
export const ToolCall = z.strictObject({
  id: z.string(),
  name: z.string(),
  arguments: z.string(),
  result: z.string().nullable(),
  status: ToolCallStatus,
  startedAt: z.number(),
  durationMs: z.number().nullable(),
});
export type ToolCall = z.infer<typeof ToolCall>;

export const MessageStatus = z.enum(['streaming', 'complete', 'stopped', 'error']);

export const MessageUsage = z.strictObject({
  model: z.string(),
  promptTokens: z.number().int(),
  completionTokens: z.number().int(),
  costUsd: z.number().nullable(),
  latencyMs: z.number().int(),
});
export type MessageUsage = z.infer<typeof MessageUsage>;

export const Message = z.strictObject({
  id: Id,
  threadId: Id,
  role: MessageRole,
  content: z.string(),
  createdAt: z.number(),
  /** On a user message: why it got no (complete) reply, kept so the reason survives a restart. */
  deliveryError: DeliveryError.nullable(),
  status: MessageStatus,
  /** On a reply: the model and what it cost (summed over tool rounds). */
  usage: MessageUsage.nullable(),
  toolCalls: z.array(ToolCall),
});
export type Message = z.infer<typeof Message>;

export const MessagePage = z.strictObject({
  messages: z.array(Message),
  /** Pass as `before` to load older messages; null when there are none. */
  nextBefore: z.number().nullable(),
});

export const threadMethods = {
  'threads.list': query(z.strictObject({}), z.array(Thread)),
  'threads.create': mutation(
    z.strictObject({ title: Title.optional(), persona: PersonaId.optional(), mode: OperatingMode.optional() }),
    Thread,
  ),
  'threads.rename': mutation(z.strictObject({ id: Id, title: Title }), Thread),
  'threads.configure': mutation(
    z
      .strictObject({ id: Id, persona: PersonaId.optional(), mode: OperatingMode.optional() })
      .refine((p) => p.persona !== undefined || p.mode !== undefined, { message: 'Name a persona or a mode to change' }),
    Thread,
  ),
  'threads.delete': mutation(z.strictObject({ id: Id }), z.strictObject({ deleted: z.literal(true) })),
};

export const messageMethods = {
  'messages.list': query(
    z.strictObject({
      threadId: Id,
      before: z.number().int().positive().optional(),
      limit: z.number().int().min(1).max(500).default(200),
    }),
    MessagePage,
  ),
  /**
   * Stores the message and starts the reply, which streams as `chat.*` events. Answers at once;
   * PROVIDER_NOT_CONFIGURED when there is no model to ask (the message is kept either way).
   */
  'messages.send': mutation(z.strictObject({ threadId: Id, content: Content }), z.strictObject({ message: Message }), {
    sensitiveInput: true,
  }),
  /** Replaces a user message's text, drops everything after it, and asks again. */
  'messages.edit': mutation(z.strictObject({ messageId: Id, content: Content }), z.strictObject({ message: Message }), {
    sensitiveInput: true,
  }),
  /** Asks again for a reply to the thread's last user message (after an error or a stop). */
  'messages.retry': mutation(z.strictObject({ threadId: Id }), z.strictObject({ message: Message })),
  /** Stops the reply being produced in a thread; what arrived so far is kept, marked stopped. */
  'chat.stop': mutation(z.strictObject({ threadId: Id }), z.strictObject({ stopped: z.boolean() })),
};
