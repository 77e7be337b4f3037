import { useActivity } from '../../stores/activity';
import { useMessages } from '../../stores/messages';

/**
 * Whether a reply is being produced in a thread: the core said what it is doing, or the newest
 * reply is still streaming (after a reconnect, before any new activity event).
 */
export function useReplying(threadId: string | null): boolean {
  const active = useActivity((s) => (threadId ? s.byThread[threadId] !== undefined : false));
  const streaming = useMessages((s) => {
    const messages = threadId ? s.byThread[threadId]?.messages : undefined;
    return messages?.findLast((m) => m.role === 'assistant')?.status === 'streaming';
  });
  return active || streaming;
}
