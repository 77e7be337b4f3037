import { z } from 'zod';
import { mutation, query } from '../rpc/define';

export const THREAD_TITLE_MAX = 200;
export const MESSAGE_CONTENT_MAX = 100_000;

const Id = z.string().uuid();
const Title = z.string().trim().min(1, 'A title cannot be empty').max(THREAD_TITLE_MAX);

export const Thread = z.strictObject({
  id: Id,
  title: z.string(),
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

export const Message = z.strictObject({
  id: Id,
  threadId: Id,
  role: MessageRole,
  content: z.string(),
  createdAt: z.number(),
  deliveryError: DeliveryError.nullable(),
});
export type Message = z.infer<typeof Message>;

export const MessagePage = z.strictObject({
  messages: z.array(Message),
  /** Pass as `before` to load older messages; null when there are none. */
  nextBefore: z.number().nullable(),
});

export const threadMethods = {
  'threads.list': query(z.strictObject({}), z.array(Thread)),
  'threads.create': mutation(z.strictObject({ title: Title.optional() }), Thread),
  'threads.rename': mutation(z.strictObject({ id: Id, title: Title }), Thread),
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
  'messages.send': mutation(
    z.strictObject({
      threadId: Id,
      content: z
        .string()
        .max(MESSAGE_CONTENT_MAX, `A message can be at most ${MESSAGE_CONTENT_MAX.toLocaleString('en')} characters`)
        .refine((s) => s.trim().length > 0, 'A message cannot be empty'),
    }),
    z.strictObject({ message: Message }),
    { sensitiveInput: true },
  ),
};
