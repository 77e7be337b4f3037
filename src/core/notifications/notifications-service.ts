import { randomUUID } from 'node:crypto';
import type { NotificationView } from '../../shared';
import type { EventHub } from '../events/event-hub';
import type { Notifier } from '../ports';
import type { Clock } from '../ports';
import type { NotificationsRepo, StoredNotification } from '../store/notifications-repo';

/**
 * A notification to show. `dedupeKey` is a step's idempotency key (or another stable key): the same
 * key never notifies twice. `target` is where a click leads (`{ page: 'activity', id: runId }`).
 */
export type NewNotification = Omit<StoredNotification, 'id' | 'createdAt' | 'readAt'>;

/**
 * What Izzie tells the person, kept so the app can list them and count the unread (the tray shows
 * the count). Each new one also goes to the host's notify port: a native notification on the
 * desktop, a pushed notification in the browser host.
 */
export class NotificationsService {
  constructor(private readonly deps: { repo: NotificationsRepo; notifier: Notifier; events: EventHub; clock: Clock }) {}

  /** Shows and keeps the notification; false (and nothing shown) when its key was already used. */
  notify(input: NewNotification): boolean {
    const id = randomUUID();
    const fresh = this.deps.repo.insert({ ...input, id, createdAt: this.deps.clock.now() });
    if (!fresh) return false;
    this.deps.notifier.notify({ id, title: input.title, body: input.body, target: input.target });
    this.changed();
    return true;
  }

  list(unreadOnly: boolean, limit: number): { notifications: NotificationView[]; unread: number } {
    return { notifications: this.deps.repo.list(unreadOnly, limit).map(toView), unread: this.deps.repo.unread() };
  }

  markRead(ids: readonly string[] | null): number {
    this.deps.repo.markRead(ids, this.deps.clock.now());
    return this.changed();
  }

  unread(): number {
    return this.deps.repo.unread();
  }

  private changed(): number {
    const unread = this.deps.repo.unread();
    this.deps.events.emit('notifications.unread', { unread });
    return unread;
  }
}

function toView(n: StoredNotification): NotificationView {
  return {
    id: n.id,
    kind: n.kind,
    title: n.title,
    body: n.body,
    target: n.target,
    runId: n.runId,
    createdAt: n.createdAt,
    read: n.readAt !== null,
  };
}
