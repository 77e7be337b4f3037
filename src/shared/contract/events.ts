import { z } from 'zod';
import { Settings } from './settings';
import { Message, Thread } from './chat';
import { Integration, McpServer } from './integrations';
import { MemoryStatus } from './memory';
import { Digest, RunView } from './activity';
import { Approval, Grant, PolicySettings } from './approvals';

/** Events the core pushes to every connected renderer. Later domains add theirs here. */
export const events = {
  'settings.changed': Settings,
  'threads.changed': z.strictObject({ thread: Thread.nullable(), deletedId: z.string().nullable() }),
  'messages.added': z.strictObject({ message: Message }),
  /** A message changed: a reply finished, stopped or failed; a tool call ended; an edit. */
  'messages.updated': z.strictObject({ message: Message }),
  'messages.removed': z.strictObject({ threadId: z.string(), messageIds: z.array(z.string()) }),
  /** Streamed reply text, in order, for a message whose status is `streaming`. */
  'chat.delta': z.strictObject({ threadId: z.string(), messageId: z.string(), delta: z.string() }),
  /** What the reply is doing now; `notice` explains something the person should know. */
  'chat.activity': z.strictObject({
    threadId: z.string(),
    messageId: z.string().nullable(),
    state: z.enum(['thinking', 'streaming', 'tool', 'retrying', 'summarizing', 'idle']),
    notice: z.string().nullable(),
  }),
  'integrations.changed': z.strictObject({ integration: Integration }),
  'mcp.changed': z.strictObject({ server: McpServer.nullable(), removedId: z.string().nullable() }),
  /** Memories were added, changed or removed (the Memory page refreshes what it shows). */
  'memory.changed': z.strictObject({ ids: z.array(z.string()), removedIds: z.array(z.string()) }),
  'memory.status': MemoryStatus,
  /** A run was queued, started, took a step, suspended or finished (the Activity page updates it). */
  'activity.run': z.strictObject({ run: RunView }),
  'digest.ready': z.strictObject({ digest: Digest }),
  /** The number of unread notifications changed (the tray shows it). */
  'notifications.unread': z.strictObject({ unread: z.number().int() }),
  /** An approval was queued, decided, sent, undone, expired or edited. */
  'approvals.changed': z.strictObject({ approval: Approval }),
  /** The number of approvals waiting for the person changed (the tray and the sidebar show it). */
  'approvals.pending': z.strictObject({ pending: z.number().int() }),
  'grants.changed': z.strictObject({ grant: Grant }),
  'policy.changed': PolicySettings,
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
