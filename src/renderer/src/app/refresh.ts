import type { RpcClient } from '../../../shared';
import { loadMessages, loadThreads } from '../features/chat/chat-actions';
import { loadAppInfo, loadSettings } from '../features/settings/settings-actions';
import { useMessages } from '../stores/messages';
import { useNavigation } from '../stores/navigation';

/**
 * Reads everything the screens show. Runs on the first connection and after every reconnect,
 * because events pushed while the socket was down are gone: cached threads other than the open
 * one are dropped and reload when opened.
 */
export async function refreshAll(client: RpcClient): Promise<void> {
  const { threadId } = useNavigation.getState();
  useMessages.getState().forgetAllExcept(threadId);
  await Promise.all([
    loadSettings(client),
    loadAppInfo(client),
    loadThreads(client).then(() => {
      const current = useNavigation.getState().threadId;
      return current ? loadMessages(client, current) : undefined;
    }),
  ]);
}
