import { z } from 'zod';
import { Settings } from './settings';
import { Message, Thread } from './chat';

/** Events the core pushes to every connected renderer. Later domains add theirs here. */
export const events = {
  'settings.changed': Settings,
  'threads.changed': z.strictObject({ thread: Thread.nullable(), deletedId: z.string().nullable() }),
  'messages.added': z.strictObject({ message: Message }),
  notification: z.strictObject({
    id: z.string(),
    title: z.string(),
    body: z.string(),
    /** Where a click on the notification leads, e.g. `{ page: 'approvals', id }`. */
    target: z.strictObject({ page: z.string(), id: z.string().optional() }).nullable(),
  }),
};

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.infer<Events[E]>;
