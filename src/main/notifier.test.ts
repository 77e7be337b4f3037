import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { DesktopNotification } from '../core';
import { createDesktopNotifier, notificationClickedFrame } from './notifier';
import { Notification, resetElectronStandIn } from './testing/electron-stand-in';

vi.mock('electron', () => import('./testing/electron-stand-in'));

const approval: DesktopNotification = {
  id: 'n1',
  title: 'Approval needed',
  body: 'Send the reply to Dana?',
  target: { page: 'approvals', id: 'a1' },
};
const log = { warn: vi.fn(), error: vi.fn() };

describe('createDesktopNotifier', () => {
  beforeEach(() => {
    resetElectronStandIn();
    log.warn.mockClear();
  });

  it('shows a native notification with the title and body', () => {
    createDesktopNotifier({ onClick: vi.fn(), log }).notify(approval);
    expect(Notification.instances).toHaveLength(1);
    expect(Notification.instances[0]?.options).toEqual({ title: 'Approval needed', body: 'Send the reply to Dana?' });
    expect(Notification.instances[0]?.shown).toBe(true);
  });

  it('hands the clicked notification to the host', () => {
    const onClick = vi.fn();
    createDesktopNotifier({ onClick, log }).notify(approval);
    Notification.instances[0]?.emit('click');
    expect(onClick).toHaveBeenCalledExactlyOnceWith(approval);
  });

  it('does nothing but log where notifications are unsupported', () => {
    Notification.supported = false;
    createDesktopNotifier({ onClick: vi.fn(), log }).notify(approval);
    expect(Notification.instances).toHaveLength(0);
    expect(log.warn).toHaveBeenCalledOnce();
  });
});

describe('notificationClickedFrame', () => {
  it('is the notification event frame the renderer routes on', () => {
    expect(notificationClickedFrame(approval)).toEqual({
      type: 'event',
      event: 'notification',
      payload: { id: 'n1', title: 'Approval needed', body: 'Send the reply to Dana?', target: { page: 'approvals', id: 'a1' } },
    });
  });

  it('keeps a null target null and leaves out a missing id', () => {
    expect(notificationClickedFrame({ ...approval, target: null }).payload.target).toBeNull();
    expect(notificationClickedFrame({ ...approval, target: { page: 'digest' } }).payload.target).toEqual({ page: 'digest' });
  });
});
