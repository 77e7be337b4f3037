import { randomUUID } from 'node:crypto';
import type { Message } from '../../shared';
import type { ChatAgent } from '../agents/chat/chat-agent';
import { CoreError } from '../errors';
import type { EventHub } from '../events/event-hub';
import type { Clock } from '../ports';
import type { MessagesRepo } from '../store/messages-repo';
import { DEFAULT_THREAD_TITLE, type ThreadsService } from './threads-service';

const AUTO_TITLE_LENGTH = 60;

/** Whether a model can be asked right now; when not, a sentence saying what to set up. */
export type ModelReadiness = () => Promise<{ ready: true } | { ready: false; message: string }>;

export interface MessagesServiceDeps {
  readonly repo: MessagesRepo;
  readonly threads: ThreadsService;
  readonly agent: ChatAgent;
  readonly modelReadiness: ModelReadiness;
  readonly events: EventHub;
  readonly clock: Clock;
  /** Forget a thread's summary when its history is rewritten by an edit. */
  readonly forgetSummary: (threadId: string) => void;
}

export class MessagesService {
  constructor(private readonly deps: MessagesServiceDeps) {}

  list(threadId: string, limit: number, before?: number): { messages: Message[]; nextBefore: number | null } {
    this.deps.threads.require(threadId);
    const messages = this.deps.repo.page(threadId, limit + 1, before);
    const hasOlder = messages.length > limit;
    const page = hasOlder ? messages.slice(1) : messages;
    return { messages: page, nextBefore: hasOlder ? (page[0]?.createdAt ?? null) : null };
  }

  /**
   * Saves the user's message and starts the reply, which streams as events. Without a model to
   * ask, the message is still saved and keeps the reason with it; the caller gets
   * PROVIDER_NOT_CONFIGURED, so the UI can point to Settings.
   */
  async send(threadId: string, content: string): Promise<{ message: Message }> {
    const thread = this.deps.threads.require(threadId);
    this.refuseWhileReplying(threadId);
    const readiness = await this.deps.modelReadiness();
    const message: Message = {
      id: randomUUID(),
      threadId,
      role: 'user',
      content,
      createdAt: this.nextTime(threadId),
      deliveryError: readiness.ready ? null : { code: 'PROVIDER_NOT_CONFIGURED', message: readiness.message },
      status: 'complete',
      usage: null,
      toolCalls: [],
    };
    this.deps.repo.insert(message);
    if (thread.title === DEFAULT_THREAD_TITLE && thread.messageCount === 0)
      this.deps.threads.rename(threadId, autoTitle(content));
    this.deps.threads.touch(threadId, message.createdAt);
    this.deps.events.emit('messages.added', { message });
    if (!readiness.ready) throw new CoreError('PROVIDER_NOT_CONFIGURED', readiness.message);
    this.deps.agent.startReply(threadId, message);
    return { message };
  }

  /** Asks again for a reply to the thread's last user message, replacing whatever answered it. */
  async retry(threadId: string): Promise<{ message: Message }> {
    this.deps.threads.require(threadId);
    this.refuseWhileReplying(threadId);
    const last = [...this.deps.repo.all(threadId)].reverse().find((m) => m.role === 'user');
    if (!last) throw new CoreError('INVALID_INPUT', 'There is no message in this chat to answer yet.');
    return this.answerAgain(last, last.content);
  }

  /** Replaces a user message's text, drops every message after it, and asks again. */
  async edit(messageId: string, content: string): Promise<{ message: Message }> {
    const message = this.deps.repo.get(messageId);
    if (!message) throw new CoreError('NOT_FOUND', `Message ${messageId} does not exist (it may have been deleted).`);
    if (message.role !== 'user') throw new CoreError('INVALID_INPUT', 'Only your own messages can be edited.');
    this.refuseWhileReplying(message.threadId);
    this.deps.forgetSummary(message.threadId);
    return this.answerAgain(message, content);
  }

  private async answerAgain(userMessage: Message, content: string): Promise<{ message: Message }> {
    const { repo, events } = this.deps;
    const removed = repo.deleteAfter(userMessage.threadId, userMessage.createdAt);
    if (removed.length > 0) events.emit('messages.removed', { threadId: userMessage.threadId, messageIds: removed });
    const readiness = await this.deps.modelReadiness();
    const updated: Message = {
      ...userMessage,
      content,
      deliveryError: readiness.ready ? null : { code: 'PROVIDER_NOT_CONFIGURED', message: readiness.message },
    };
    repo.update(updated);
    this.deps.threads.touch(updated.threadId, this.deps.clock.now());
    events.emit('messages.updated', { message: updated });
    if (!readiness.ready) throw new CoreError('PROVIDER_NOT_CONFIGURED', readiness.message);
    this.deps.agent.startReply(updated.threadId, updated);
    return { message: updated };
  }

  private refuseWhileReplying(threadId: string): void {
    if (this.deps.agent.isReplying(threadId)) {
      throw new CoreError('CONFLICT', 'Izzie is still replying in this chat. Stop it first, or wait for it to finish.');
    }
  }

  private nextTime(threadId: string): number {
    return Math.max(this.deps.clock.now(), (this.deps.repo.latestCreatedAt(threadId) ?? 0) + 1);
  }
}

function autoTitle(content: string): string {
  const firstLine = content.trim().split('\n')[0]?.trim() ?? '';
  return firstLine.length <= AUTO_TITLE_LENGTH ? firstLine : `${firstLine.slice(0, AUTO_TITLE_LENGTH - 1).trimEnd()}…`;
}
