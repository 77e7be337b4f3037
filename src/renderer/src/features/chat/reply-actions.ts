import { RpcError, type OperatingMode, type PersonaId, type RpcClient } from '../../../../shared';
import { reportError } from '../../stores/banners';
import { useMessages } from '../../stores/messages';
import { useThreads } from '../../stores/threads';
import { loadMessages } from './chat-actions';

/**
 * Steering a reply: stop it, ask again, edit what was asked, and the thread's persona and mode.
 * The reply itself arrives as events; these only start things and turn refusals into banners.
 * CONFLICT (a reply is still running) is one of them: the core's sentence says what to do.
 */

export async function stopReply(client: RpcClient, threadId: string): Promise<void> {
  try {
    await client.call('chat.stop', { threadId });
  } catch (error) {
    reportError('chat', 'Couldn’t stop the reply.', error);
  }
}

export async function retryReply(client: RpcClient, threadId: string): Promise<void> {
  try {
    useMessages.getState().upsert((await client.call('messages.retry', { threadId })).message);
  } catch (error) {
    if (await keptWithReason(client, threadId, error)) return;
    reportError('chat', 'Couldn’t ask again.', error);
  }
}

/** True when the core has the new text (even if no reply can come); false keeps the editor open. */
export async function editMessage(client: RpcClient, threadId: string, messageId: string, content: string): Promise<boolean> {
  try {
    useMessages.getState().upsert((await client.call('messages.edit', { messageId, content })).message);
    return true;
  } catch (error) {
    if (await keptWithReason(client, threadId, error)) return true;
    reportError('chat', 'Couldn’t resend your message.', error);
    return false;
  }
}

/** Shows the change at once and puts the thread back if the core refuses it. */
export async function configureThread(
  client: RpcClient,
  id: string,
  change: { persona?: PersonaId; mode?: OperatingMode },
): Promise<void> {
  const before = useThreads.getState().threads.find((t) => t.id === id);
  if (before) useThreads.getState().upsert({ ...before, ...change });
  try {
    useThreads.getState().upsert(await client.call('threads.configure', { id, ...change }));
  } catch (error) {
    if (before) useThreads.getState().upsert(before);
    reportError('chat', 'Couldn’t change this chat’s settings.', error);
  }
}

/**
 * Without a provider the core keeps the message and attaches the reason to it (the notice with
 * "Open Settings" shows it); re-reading makes sure we have that copy.
 */
async function keptWithReason(client: RpcClient, threadId: string, error: unknown): Promise<boolean> {
  if (!(error instanceof RpcError) || error.code !== 'PROVIDER_NOT_CONFIGURED') return false;
  await loadMessages(client, threadId);
  return true;
}
