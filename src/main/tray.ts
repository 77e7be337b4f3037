import { Menu, Tray, nativeImage, type MenuItemConstructorOptions } from 'electron';
import type { Settings } from '../shared';
import type { HostCore } from './host-core';
import { errorMessage, type HostLog } from './host-log';

export interface TrayMenuState {
  /** Null until the settings have been read; the pause item stays disabled until then. */
  readonly proactivePaused: boolean | null;
  /** Unread notifications (digests, things that need the person); 0 until known. */
  readonly unread: number;
  /** Proxy actions waiting for the person's approval; 0 until known. */
  readonly approvals: number;
}

export interface TrayMenuActions {
  open(): void;
  openApprovals(): void;
  toggleProactivePaused(): void;
  quit(): void;
}

export function buildTrayMenuTemplate(state: TrayMenuState, actions: TrayMenuActions): MenuItemConstructorOptions[] {
  return [
    { label: 'Open Izzie', click: () => actions.open() },
    ...(state.approvals > 0
      ? [{ label: approvalsLabel(state.approvals), click: () => actions.openApprovals() } satisfies MenuItemConstructorOptions]
      : []),
    ...(state.unread > 0
      ? [{ label: unreadLabel(state.unread), click: () => actions.open() } satisfies MenuItemConstructorOptions]
      : []),
    {
      label: 'Pause proactive work',
      type: 'checkbox',
      checked: state.proactivePaused === true,
      enabled: state.proactivePaused !== null,
      click: () => actions.toggleProactivePaused(),
    },
    { type: 'separator' },
    { label: 'Quit Izzie', click: () => actions.quit() },
  ];
}

export function approvalsLabel(pending: number): string {
  return `${pending} approval${pending === 1 ? '' : 's'} waiting`;
}

/** The tooltip: what waits for the person first. */
export function trayTooltip(state: TrayMenuState): string {
  const parts = [
    state.approvals > 0 ? approvalsLabel(state.approvals) : null,
    state.unread > 0 ? unreadLabel(state.unread) : null,
  ];
  const said = parts.filter((part): part is string => part !== null);
  return said.length > 0 ? `Izzie — ${said.join(', ')}` : 'Izzie';
}

export function unreadLabel(unread: number): string {
  return `${unread} unread notification${unread === 1 ? '' : 's'}`;
}

export interface IzzieTrayOptions {
  readonly core: HostCore;
  readonly iconFile: string;
  readonly open: () => void;
  /** Shows the window on the Approvals page. */
  readonly openApprovals: () => void;
  readonly quit: () => void;
  readonly log: HostLog;
}

export interface IzzieTray {
  dispose(): void;
}

/**
 * The tray icon and its menu. The pause checkbox mirrors the persisted `proactivePaused` setting:
 * read once, then kept in sync by 'settings.changed', so a change made in the window shows here.
 * The unread notification count and the pending approvals are read once and kept by
 * 'notifications.unread' and 'approvals.pending'.
 * Returns null when the platform gives no tray; the caller then lets closing the window quit.
 */
export function createIzzieTray({ core, iconFile, open, openApprovals, quit, log }: IzzieTrayOptions): IzzieTray | null {
  const icon = nativeImage.createFromPath(iconFile);
  if (icon.isEmpty()) log.warn('the tray icon is missing or unreadable', { file: iconFile });
  let tray: Tray;
  try {
    tray = new Tray(icon);
  } catch (error) {
    log.warn('no tray icon on this system', { error: errorMessage(error) });
    return null;
  }
  tray.setToolTip('Izzie');
  // An empty image is invisible in the macOS menu bar; a text title keeps the menu reachable.
  if (icon.isEmpty() && process.platform === 'darwin') tray.setTitle('Izzie');

  let state: TrayMenuState = { proactivePaused: null, unread: 0, approvals: 0 };
  const render = (): void => {
    if (tray.isDestroyed()) return;
    // Rebuilt and set again on every change: Linux ignores edits to a menu already set.
    tray.setContextMenu(Menu.buildFromTemplate(buildTrayMenuTemplate(state, actions)));
    tray.setToolTip(trayTooltip(state));
    // The macOS menu bar can show the count beside the icon; elsewhere the tooltip and menu say it.
    const waiting = state.approvals + state.unread;
    if (process.platform === 'darwin') tray.setTitle(waiting > 0 ? String(waiting) : icon.isEmpty() ? 'Izzie' : '');
  };
  const apply = (settings: Settings): void => {
    state = { ...state, proactivePaused: settings.proactivePaused };
    render();
  };
  const count = (unread: number): void => {
    state = { ...state, unread };
    render();
  };
  const countApprovals = (approvals: number): void => {
    state = { ...state, approvals };
    render();
  };
  const actions: TrayMenuActions = {
    open,
    openApprovals,
    quit,
    toggleProactivePaused: () => {
      const current = state.proactivePaused;
      if (current === null) return;
      core.client.call('settings.set', { proactivePaused: !current }).then(apply, (error: unknown) => {
        log.warn('could not change the pause setting', { error: errorMessage(error) });
        render(); // undo the checkbox Electron already flipped
      });
    },
  };

  render();
  const unsubscribe = core.client.on('settings.changed', apply);
  const unsubscribeUnread = core.client.on('notifications.unread', ({ unread }) => count(unread));
  core.client.call('notifications.list', { unreadOnly: true, limit: 1 }).then(
    ({ unread }) => count(unread),
    (error: unknown) => log.warn('could not read the unread count for the tray', { error: errorMessage(error) }),
  );
  const unsubscribeApprovals = core.client.on('approvals.pending', ({ pending }) => countApprovals(pending));
  core.client.call('approvals.list', { status: ['pending'], limit: 1 }).then(
    ({ pending }) => countApprovals(pending),
    (error: unknown) => log.warn('could not read the pending approvals for the tray', { error: errorMessage(error) }),
  );
  core.client.call('settings.get').then(
    (settings) => {
      if (state.proactivePaused === null) apply(settings); // an event may already have brought newer values
    },
    (error: unknown) => log.warn('could not read the settings for the tray', { error: errorMessage(error) }),
  );
  if (process.platform !== 'darwin') tray.on('click', open);

  return {
    dispose() {
      unsubscribe();
      unsubscribeApprovals();
      unsubscribeUnread();
      if (!tray.isDestroyed()) tray.destroy();
    },
  };
}
