import { RpcError, type RpcClient, type Thread } from '../../../../shared';
import { reportError } from '../../stores/banners';
import { useMessages } from '../../stores/messages';
import { useNavigation } from '../../stores/navigation';
import { useThreads } from '../../stores/threads';

/**
 * What the chat page does, as plain functions over the RPC client and the stores, so components
 * stay thin and tests can call the same paths. Failures become banners a person can act on.
 */

export async function loadThreads(client: RpcClient): Promise<void> {
  const threads = useThreads.getState();
  if (threads.status !== 'ready') threads.setStatus('loading');
  try {
    const list = await client.call('threads.list');
    useThreads.getState().setAll(list);
    const { threadId } = useNavigation.getState();
    if (threadId && !list.some((t) => t.id === threadId)) useNavigation.setState({ threadId: null });
  } catch (error) {
    useThreads.getState().setStatus('error');
    reportError('chat', 'Couldn’t load your chats.', error, () => void loadThreads(client));
  }
}

export async function createThread(client: RpcClient): Promise<Thread | null> {
  try {
    const thread = await client.call('threads.create', {});
    useThreads.getState().upsert(thread);
    useMessages.getState().setLatestPage(thread.id, [], null);
    useNavigation.getState().selectThread(thread.id);
    return thread;
  } catch (error) {
    reportError('chat', 'Couldn’t start a new chat.', error);
    return null;
  }
}

export async function renameThread(client: RpcClient, id: string, title: string): Promise<void> {
  const current = useThreads.getState().threads.find((t) => t.id === id);
  const next = title.trim();
  if (!next || next === current?.title) return;
  try {
    useThreads.getState().upsert(await client.call('threads.rename', { id, title: next }));
  } catch (error) {
    reportError('chat', 'Couldn’t rename the chat.', error);
  }
}

export async function deleteThread(client: RpcClient, id: string): Promise<boolean> {
  try {
    await client.call('threads.delete', { id });
    forgetThread(id);
    return true;
  } catch (error) {
    if (error instanceof RpcError && error.code === 'NOT_FOUND') {
      forgetThread(id);
      return true;
    }
    reportError('chat', 'Couldn’t delete the chat.', error);
    return false;
  }
}

/** Drops a thread that no longer exists (deleted here, elsewhere, or found missing). */
export function forgetThread(id: string): void {
  useThreads.getState().remove(id);
  useMessages.getState().forget(id);
  if (useNavigation.getState().threadId === id) useNavigation.setState({ threadId: null });
}

export async function loadMessages(client: RpcClient, threadId: string): Promise<void> {
  const messages = useMessages.getState();
  if (messages.byThread[threadId]?.status !== 'ready') messages.setLoading(threadId);
  try {
    const page = await client.call('messages.list', { threadId });
    useMessages.getState().setLatestPage(threadId, page.messages, page.nextBefore);
  } catch (error) {
    if (error instanceof RpcError && error.code === 'NOT_FOUND') return forgetThread(threadId);
    useMessages.getState().setFailed(threadId);
    reportError('chat', 'Couldn’t load this conversation.', error, () => void loadMessages(client, threadId));
  }
}

export async function loadEarlierMessages(client: RpcClient, threadId: string): Promise<void> {
  const before = useMessages.getState().byThread[threadId]?.nextBefore;
  if (before === null || before === undefined) return;
  useMessages.getState().setLoadingEarlier(threadId, true);
  try {
    const page = await client.call('messages.list', { threadId, before });
    useMessages.getState().prependPage(threadId, page.messages, page.nextBefore);
  } catch (error) {
    useMessages.getState().setLoadingEarlier(threadId, false);
    reportError('chat', 'Couldn’t load earlier messages.', error, () => void loadEarlierMessages(client, threadId));
  }
}

/**
 * `saved` means the core stored the message but could not get a reply (no model provider yet):
 * the composer clears and the stored message carries the reason. `failed` keeps the draft.
 */
export type SendOutcome = 'sent' | 'saved' | 'failed';

export async function sendMessage(client: RpcClient, threadId: string | null, content: string): Promise<SendOutcome> {
  const target = threadId ?? (await createThread(client))?.id;
  if (!target) return 'failed';
  const messages = useMessages.getState();
  messages.setSending(target, true);
  try {
    const { message } = await client.call('messages.send', { threadId: target, content });
    useMessages.getState().upsert(message);
    useMessages.getState().setNotice(target, undefined);
    return 'sent';
  } catch (error) {
    if (error instanceof RpcError && error.code === 'PROVIDER_NOT_CONFIGURED') {
      // The `messages.added` event usually beat us here; re-reading makes sure even if it did not.
      await loadMessages(client, target);
      const latest = useMessages.getState().byThread[target]?.messages.at(-1);
      if (!latest?.deliveryError) useMessages.getState().setNotice(target, { code: error.code, message: error.message });
      return 'saved';
    }
    reportError('chat', 'Couldn’t send your message.', error);
    return 'failed';
  } finally {
    useMessages.getState().setSending(target, false);
  }
}
