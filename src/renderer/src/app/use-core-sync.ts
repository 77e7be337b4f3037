import { useEffect } from 'react';
import { events, type EventName, type EventPayload, type RpcClient } from '../../../shared';
import { applyRun } from '../features/activity/activity-actions';
import { forgetThread } from '../features/chat/chat-actions';
import { applyStatus, onMemoryChanged } from '../features/memory/memory-actions';
import { useActivity } from '../stores/activity';
import { useApprovals } from '../stores/approvals';
import { useConnection } from '../stores/connection';
import { useIntegrations } from '../stores/integrations';
import { useMessages } from '../stores/messages';
import { usePermissions } from '../stores/permissions';
import { useRuns } from '../stores/runs';
import { useSettings } from '../stores/settings';
import { useThreads } from '../stores/threads';
import { useToasts } from '../stores/toasts';
import { refreshAll } from './refresh';

/** Keeps the stores in step with the core: pushed events in, a full refresh on every (re)connect. */
export function useCoreSync(client: RpcClient): void {
  useEffect(() => {
    const unsubscribes = [
      onValid(client, 'threads.changed', ({ thread, deletedId }) => {
        if (thread) useThreads.getState().upsert(thread);
        if (deletedId) forgetThread(deletedId);
      }),
      onValid(client, 'messages.added', ({ message }) => useMessages.getState().upsert(message)),
      // An authoritative snapshot: it replaces the streamed text (a retry may have shortened it).
      onValid(client, 'messages.updated', ({ message }) => useMessages.getState().upsert(message)),
      onValid(client, 'messages.removed', ({ threadId, messageIds }) => useMessages.getState().remove(threadId, messageIds)),
      onValid(client, 'chat.delta', ({ threadId, messageId, delta }) =>
        useMessages.getState().appendDelta(threadId, messageId, delta),
      ),
      onValid(client, 'chat.activity', (activity) => useActivity.getState().apply(activity)),
      onValid(client, 'settings.changed', (settings) => useSettings.getState().setSettings(settings)),
      onValid(client, 'integrations.changed', ({ integration }) => useIntegrations.getState().upsertIntegration(integration)),
      onValid(client, 'mcp.changed', ({ server, removedId }) => {
        if (server) useIntegrations.getState().upsertServer(server);
        if (removedId) useIntegrations.getState().removeServer(removedId);
      }),
      onValid(client, 'memory.changed', (change) => void onMemoryChanged(client, change)),
      onValid(client, 'memory.status', applyStatus),
      onValid(client, 'activity.run', ({ run }) => applyRun(client, run)),
      onValid(client, 'digest.ready', ({ digest }) =>
        useRuns.getState().set({ digest, digestStatus: 'ready', digestError: null }),
      ),
      onValid(client, 'notifications.unread', ({ unread }) => useRuns.getState().set({ unread })),
      onValid(client, 'notification', (notification) => useToasts.getState().push(notification)),
      onValid(client, 'approvals.changed', ({ approval }) => useApprovals.getState().upsert(approval)),
      onValid(client, 'approvals.pending', ({ pending }) => useApprovals.getState().set({ pending })),
      onValid(client, 'grants.changed', ({ grant }) => usePermissions.getState().upsertGrant(grant)),
      onValid(client, 'policy.changed', (policy) => usePermissions.getState().set({ policy })),
    ];
    return () => unsubscribes.forEach((unsubscribe) => unsubscribe());
  }, [client]);

  useEffect(() => {
    let previous = useConnection.getState().state;
    if (previous === 'connected') void refreshAll(client);
    return useConnection.subscribe(({ state }) => {
      if (state === 'connected' && previous !== 'connected') void refreshAll(client);
      previous = state;
    });
  }, [client]);
}

/** Event payloads cross a process boundary; check them against the contract before use. */
function onValid<E extends EventName>(client: RpcClient, event: E, listener: (payload: EventPayload<E>) => void): () => void {
  const schema = events[event];
  return client.on(event, (payload) => {
    const parsed = schema.safeParse(payload);
    if (parsed.success) listener(parsed.data as EventPayload<E>);
    else console.warn(`Ignoring a malformed "${event}" event`, parsed.error.issues);
  });
}
