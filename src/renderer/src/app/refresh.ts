import type { RpcClient } from '../../../shared';
import { loadUnread, refreshActivity } from '../features/activity/activity-actions';
import { refreshApprovals } from '../features/approvals/approvals-actions';
import { refreshAudit } from '../features/audit/audit-actions';
import { loadMessages, loadThreads } from '../features/chat/chat-actions';
import { loadIntegrations, loadServers } from '../features/integrations/integrations-actions';
import { refreshShown } from '../features/memory/memory-actions';
import { loadModels } from '../features/settings/models-actions';
import { refreshPermissions } from '../features/settings/permissions-actions';
import { loadPersonas } from '../features/settings/personas-actions';
import { loadAppInfo, loadSettings } from '../features/settings/settings-actions';
import { useActivity } from '../stores/activity';
import { useMemory } from '../stores/memory';
import { useMessages } from '../stores/messages';
import { useModels } from '../stores/models';
import { useNavigation } from '../stores/navigation';
import { usePersonas } from '../stores/personas';
import { useRuns } from '../stores/runs';

/**
 * Reads everything the screens show. Runs on the first connection and after every reconnect,
 * because events pushed while the socket was down are gone: cached threads other than the open
 * one are dropped and reload when opened.
 */
export async function refreshAll(client: RpcClient): Promise<void> {
  const { threadId } = useNavigation.getState();
  // Only a list already shown: one still loading (the page opening as the app connects) is current.
  const memoryShown = useMemory.getState().browse.status === 'ready';
  const activityShown = ['ready', 'error'].includes(useRuns.getState().status);
  useMessages.getState().forgetAllExcept(threadId);
  useActivity.getState().clear();
  await Promise.all([
    loadSettings(client),
    loadAppInfo(client),
    // Settings → Models, Personas and Permissions load when first shown; once they have, keep them current.
    useModels.getState().status === 'idle' ? undefined : loadModels(client),
    usePersonas.getState().status === 'idle' ? undefined : loadPersonas(client),
    refreshPermissions(client),
    // Connections and servers change on their own (a sign-in finishing, a crash); events missed
    // while disconnected are gone, so read them again.
    loadIntegrations(client),
    loadServers(client),
    // The Memory page keeps what it showed; a memory learned or forgotten meanwhile must show.
    memoryShown ? refreshShown(client) : undefined,
    // Runs that moved on, a digest written and notifications raised while disconnected.
    activityShown ? refreshActivity(client) : undefined,
    loadUnread(client),
    // The sidebar's pending count, and the list itself once the page has shown it.
    refreshApprovals(client),
    // Entries written meanwhile, and the chain checked again.
    refreshAudit(client),
    loadThreads(client).then(() => {
      const current = useNavigation.getState().threadId;
      return current ? loadMessages(client, current) : undefined;
    }),
  ]);
}
