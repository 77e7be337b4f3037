import { z } from 'zod';
import type { Clock } from '../../ports';
import type { MessagesRepo } from '../../store/messages-repo';
import { defineTool, type Tool } from './tool-registry';

/** Tools Izzie always has, whatever is connected: the time, and search over past chats. */
export function builtinTools(deps: { clock: Clock; messages: MessagesRepo }): Tool[] {
  return [
    defineTool({
      name: 'current_time',
      group: 'builtin',
      description: 'The current date and time, in the user’s time zone or one you name (IANA, e.g. "Europe/Berlin").',
      args: z.strictObject({ timeZone: z.string().max(64).optional() }),
      actionClass: 'read',
      outsideContent: false,
      run: async ({ timeZone }) => {
        const zone = timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
        let local: string;
        try {
          local = new Intl.DateTimeFormat('en-GB', { dateStyle: 'full', timeStyle: 'long', timeZone: zone }).format(
            deps.clock.now(),
          );
        } catch {
          throw new Error(`"${zone}" is not a time zone I know; use an IANA name such as "America/New_York".`);
        }
        return { iso: new Date(deps.clock.now()).toISOString(), local, timeZone: zone };
      },
    }),
    defineTool({
      name: 'thread_search',
      group: 'builtin',
      description:
        'Keyword search over the user’s past chats with Izzie (this persona only). Returns matching snippets, best first.',
      args: z.strictObject({ query: z.string().trim().min(1).max(200), limit: z.number().int().min(1).max(20).default(8) }),
      actionClass: 'read',
      // Past replies may quote mail or messages Izzie read: their snippets count as outside content.
      outsideContent: true,
      run: async ({ query, limit }, context) => {
        const hits = deps.messages.search(query, context.persona.id, limit);
        return {
          results: hits.map((h) => ({
            thread: h.threadTitle,
            role: h.role,
            at: new Date(h.createdAt).toISOString(),
            snippet: h.snippet,
          })),
          note: hits.length === 0 ? 'No past messages matched.' : undefined,
        };
      },
    }),
  ];
}
