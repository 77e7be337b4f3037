import { randomUUID } from 'node:crypto';
import type { Message } from '../../shared';
import { CoreError } from '../errors';
import type { EventHub } from '../events/event-hub';
import type { Clock } from '../ports';
import type { MessagesRepo } from '../store/messages-repo';
import { DEFAULT_THREAD_TITLE, type ThreadsService } from './threads-service';

const AUTO_TITLE_LENGTH = 60;

export const NO_PROVIDER_MESSAGE =
  'Izzie has no model provider yet, so this message was saved but not answered. Open Settings to connect one.';

export class MessagesService {
  constructor(
    private readonly repo: MessagesRepo,
    private readonly threads: ThreadsService,
    private readonly events: EventHub,
    private readonly clock: Clock,
  ) {}

  list(threadId: string, limit: number, before?: number): { messages: Message[]; nextBefore: number | null } {
    this.threads.require(threadId);
    const messages = this.repo.page(threadId, limit + 1, before);
    const hasOlder = messages.length > limit;
    const page = hasOlder ? messages.slice(1) : messages;
    return { messages: page, nextBefore: hasOlder ? (page[0]?.createdAt ?? null) : null };
  }

  /**
   * Saves the user's message, then asks for a reply. Until a model provider is configured there is
   * nobody to ask: the message keeps the reason with it and the caller gets PROVIDER_NOT_CONFIGURED.
   */
  send(threadId: string, content: string): never {
    const thread = this.threads.require(threadId);
    const latest = this.repo.latestCreatedAt(threadId);
    const createdAt = Math.max(this.clock.now(), (latest ?? 0) + 1);
    const message: Message = {
      id: randomUUID(),
      threadId,
      role: 'user',
      content,
      createdAt,
      deliveryError: { code: 'PROVIDER_NOT_CONFIGURED', message: NO_PROVIDER_MESSAGE },
    };
    this.repo.insert(message);
    if (thread.title === DEFAULT_THREAD_TITLE && thread.messageCount === 0) {
      this.threads.rename(threadId, autoTitle(content));
    }
    this.threads.touch(threadId, createdAt);
    this.events.emit('messages.added', { message });
    throw new CoreError('PROVIDER_NOT_CONFIGURED', NO_PROVIDER_MESSAGE);
  }
}

function autoTitle(content: string): string {
  const firstLine = content.trim().split('\n')[0]?.trim() ?? '';
  return firstLine.length <= AUTO_TITLE_LENGTH ? firstLine : `${firstLine.slice(0, AUTO_TITLE_LENGTH - 1).trimEnd()}…`;
}
