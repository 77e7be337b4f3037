import { randomUUID } from 'node:crypto';
import type { OperatingMode, PersonaId, Thread } from '../../shared';
import { notFound } from '../errors';
import type { EventHub } from '../events/event-hub';
import type { Clock } from '../ports';
import type { ThreadsRepo } from '../store/threads-repo';

export const DEFAULT_THREAD_TITLE = 'New chat';

export class ThreadsService {
  constructor(
    private readonly repo: ThreadsRepo,
    private readonly events: EventHub,
    private readonly clock: Clock,
  ) {}

  list(): Thread[] {
    return this.repo.list();
  }

  exists(id: string): boolean {
    return this.repo.get(id) !== null;
  }

  require(id: string): Thread {
    const thread = this.repo.get(id);
    if (!thread) throw notFound('Thread', id);
    return thread;
  }

  create(options: { title?: string; persona?: PersonaId; mode?: OperatingMode } = {}): Thread {
    const id = randomUUID();
    this.repo.insert(
      { id, title: options.title ?? DEFAULT_THREAD_TITLE, persona: options.persona ?? 'work', mode: options.mode ?? 'assistant' },
      this.clock.now(),
    );
    return this.changed(id);
  }

  configure(id: string, change: { persona?: PersonaId; mode?: OperatingMode }): Thread {
    if (!this.repo.configure(id, change, this.clock.now())) throw notFound('Thread', id);
    return this.changed(id);
  }

  rename(id: string, title: string): Thread {
    if (!this.repo.rename(id, title, this.clock.now())) throw notFound('Thread', id);
    return this.changed(id);
  }

  delete(id: string): void {
    if (!this.repo.delete(id)) throw notFound('Thread', id);
    this.events.emit('threads.changed', { thread: null, deletedId: id });
  }

  /** Marks activity (a new message) so the thread sorts first. */
  touch(id: string, at: number): Thread {
    this.repo.touch(id, at);
    return this.changed(id);
  }

  private changed(id: string): Thread {
    const thread = this.require(id);
    this.events.emit('threads.changed', { thread, deletedId: null });
    return thread;
  }
}
