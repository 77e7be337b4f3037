import { Notification } from 'electron';
import type { DesktopNotification, Notifier } from '../core';
import type { EventPayload, RpcEventFrame } from '../shared';
import type { HostLog } from './host-log';

export interface DesktopNotifierOptions {
  /** Runs when the user clicks a notification (show the window, route the renderer). */
  readonly onClick: (notification: DesktopNotification) => void;
  readonly log: HostLog;
}

/** The core's Notifier port on native notifications. */
export function createDesktopNotifier({ onClick, log }: DesktopNotifierOptions): Notifier {
  // Electron holds notifications weakly: once collected, a click is silently lost
  // (electron/electron#16922). Keep each one until it is clicked or closed.
  const pending = new Set<Notification>();
  return {
    notify(notification) {
      if (!Notification.isSupported()) {
        log.warn('native notifications are not supported here', { id: notification.id });
        return;
      }
      const native = new Notification({ title: notification.title, body: notification.body });
      const forget = (): void => {
        pending.delete(native);
      };
      native.on('click', () => {
        forget();
        onClick(notification);
      });
      native.on('close', forget);
      native.on('failed', (_event, error) => {
        forget();
        log.warn('a notification could not be shown', { id: notification.id, error });
      });
      pending.add(native);
      native.show();
    },
  };
}

/** The event frame the renderer routes on when a notification is clicked. */
export function notificationClickedFrame(notification: DesktopNotification): RpcEventFrame<EventPayload<'notification'>> {
  const { target } = notification;
  return {
    type: 'event',
    event: 'notification',
    payload: {
      id: notification.id,
      title: notification.title,
      body: notification.body,
      target: target === null ? null : { page: target.page, ...(target.id === undefined ? {} : { id: target.id }) },
    },
  };
}
