import { beforeEach, describe, expect, it, vi } from 'vitest';
import { Tray, nativeImage, resetElectronStandIn, type FakeMenuItem, type Menu } from './testing/electron-stand-in';
import { createFakeCore, type FakeCore } from './testing/fake-core';
import { buildTrayMenuTemplate, createIzzieTray, type IzzieTray } from './tray';

vi.mock('electron', () => import('./testing/electron-stand-in'));

const ICON = '/app/resources/tray.png';
const log = { warn: vi.fn(), error: vi.fn() };
const noop = {
  open: () => undefined,
  openApprovals: () => undefined,
  toggleProactivePaused: () => undefined,
  quit: () => undefined,
};

describe('buildTrayMenuTemplate', () => {
  it('offers Open, a Pause checkbox, a separator and Quit', () => {
    const template = buildTrayMenuTemplate({ proactivePaused: true, unread: 0, approvals: 0 }, noop);
    expect(template.map(({ label, type }) => ({ label, type }))).toEqual([
      { label: 'Open Izzie', type: undefined },
      { label: 'Pause proactive work', type: 'checkbox' },
      { label: undefined, type: 'separator' },
      { label: 'Quit Izzie', type: undefined },
    ]);
  });

  it('checks Pause exactly when proactive work is paused', () => {
    expect(buildTrayMenuTemplate({ proactivePaused: true, unread: 0, approvals: 0 }, noop)[1]).toMatchObject({
      checked: true,
      enabled: true,
    });
    expect(buildTrayMenuTemplate({ proactivePaused: false, unread: 0, approvals: 0 }, noop)[1]).toMatchObject({
      checked: false,
      enabled: true,
    });
  });

  it('disables Pause until the setting is known', () => {
    expect(buildTrayMenuTemplate({ proactivePaused: null, unread: 0, approvals: 0 }, noop)[1]).toMatchObject({
      checked: false,
      enabled: false,
    });
  });
});

describe('createIzzieTray', () => {
  let core: FakeCore;
  let tray: IzzieTray | null;
  const open = vi.fn();
  const openApprovals = vi.fn();
  const quit = vi.fn();

  beforeEach(() => {
    resetElectronStandIn();
    open.mockClear();
    openApprovals.mockClear();
    quit.mockClear();
    log.warn.mockClear();
  });

  function start(initiallyPaused: boolean, unread = 0, approvals = 0): void {
    core = createFakeCore({ proactivePaused: initiallyPaused }, { unread, approvals });
    tray = createIzzieTray({ core, iconFile: ICON, open, openApprovals, quit, log });
  }

  function nativeTray(): Tray {
    const created = Tray.instances[0];
    if (!created) throw new Error('no tray was created');
    return created;
  }

  function menuItem(label: string): FakeMenuItem {
    const menu: Menu | null = nativeTray().contextMenu;
    const item = menu?.template.find((entry) => entry.label === label);
    if (!item) throw new Error(`no "${label}" in the tray menu`);
    return item;
  }

  it('shows the Izzie icon and tooltip', () => {
    start(false);
    expect(nativeImage.createFromPath).toHaveBeenCalledWith(ICON);
    expect(nativeTray().tooltip).toBe('Izzie');
  });

  it('checks Pause once the persisted setting has been read', async () => {
    start(true);
    expect(menuItem('Pause proactive work')).toMatchObject({ enabled: false });
    await vi.waitFor(() => expect(menuItem('Pause proactive work')).toMatchObject({ checked: true, enabled: true }));
  });

  it('toggles the persisted setting when Pause is clicked', async () => {
    start(false);
    await vi.waitFor(() => expect(menuItem('Pause proactive work').enabled).toBe(true));
    menuItem('Pause proactive work').click?.();
    await vi.waitFor(() => expect(menuItem('Pause proactive work').checked).toBe(true));
    expect(core.handle).toHaveBeenCalledWith(
      expect.objectContaining({ method: 'settings.set', params: { proactivePaused: true } }),
    );
    expect(core.currentSettings().proactivePaused).toBe(true);

    menuItem('Pause proactive work').click?.();
    await vi.waitFor(() => expect(core.currentSettings().proactivePaused).toBe(false));
    expect(core.handle).toHaveBeenLastCalledWith(
      expect.objectContaining({ method: 'settings.set', params: { proactivePaused: false } }),
    );
  });

  it('follows a change made elsewhere (the settings page)', async () => {
    start(false);
    await vi.waitFor(() => expect(menuItem('Pause proactive work').enabled).toBe(true));
    core.emit({ type: 'event', event: 'settings.changed', payload: { ...core.currentSettings(), proactivePaused: true } });
    expect(menuItem('Pause proactive work').checked).toBe(true);
  });

  it('puts the checkbox back when the setting cannot be changed', async () => {
    start(false);
    await vi.waitFor(() => expect(menuItem('Pause proactive work').enabled).toBe(true));
    const menuBefore = nativeTray().contextMenu;
    core.handle.mockResolvedValueOnce({
      type: 'response',
      id: 1,
      ok: false,
      error: { code: 'UNAVAILABLE', message: 'stopping' },
    });
    menuItem('Pause proactive work').click?.();
    await vi.waitFor(() => expect(nativeTray().contextMenu).not.toBe(menuBefore));
    expect(menuItem('Pause proactive work').checked).toBe(false);
    expect(log.warn).toHaveBeenCalledWith('could not change the pause setting', { error: 'stopping' });
  });

  it('opens the window from Open Izzie and quits from Quit Izzie', () => {
    start(false);
    menuItem('Open Izzie').click?.();
    expect(open).toHaveBeenCalledOnce();
    expect(quit).not.toHaveBeenCalled();
    menuItem('Quit Izzie').click?.();
    expect(quit).toHaveBeenCalledOnce();
  });

  it('still gives a tray, and says so, when the icon file is missing', () => {
    nativeImage.missingFiles.add(ICON);
    start(false);
    expect(tray).not.toBeNull();
    expect(log.warn).toHaveBeenCalledWith('the tray icon is missing or unreadable', { file: ICON });
  });

  it('returns null when the system has no tray', () => {
    Tray.failWith = new Error('no status area');
    start(false);
    expect(tray).toBeNull();
    expect(log.warn).toHaveBeenCalledWith('no tray icon on this system', { error: 'no status area' });
  });

  it('shows the unread notification count in the tooltip and the menu, and follows it', async () => {
    start(false, 3);
    await vi.waitFor(() => expect(nativeTray().tooltip).toBe('Izzie — 3 unread notifications'));
    menuItem('3 unread notifications').click?.();
    expect(open).toHaveBeenCalledOnce();
    core.emit({ type: 'event', event: 'notifications.unread', payload: { unread: 1 } });
    expect(nativeTray().tooltip).toBe('Izzie — 1 unread notification');
    core.emit({ type: 'event', event: 'notifications.unread', payload: { unread: 0 } });
    expect(nativeTray().tooltip).toBe('Izzie');
    expect(nativeTray().contextMenu?.template.map((item) => item.label)).not.toContain('0 unread notifications');
  });

  it('shows the approvals waiting first, opens the Approvals page from the menu, and follows the count', async () => {
    start(false, 2, 1);
    await vi.waitFor(() => expect(nativeTray().tooltip).toBe('Izzie — 1 approval waiting, 2 unread notifications'));
    expect(
      nativeTray()
        .contextMenu?.template.map((item) => item.label)
        .slice(0, 3),
    ).toEqual(['Open Izzie', '1 approval waiting', '2 unread notifications']);
    menuItem('1 approval waiting').click?.();
    expect(openApprovals).toHaveBeenCalledOnce();
    expect(open).not.toHaveBeenCalled();
    core.emit({ type: 'event', event: 'approvals.pending', payload: { pending: 3 } });
    expect(nativeTray().tooltip).toBe('Izzie — 3 approvals waiting, 2 unread notifications');
    core.emit({ type: 'event', event: 'approvals.pending', payload: { pending: 0 } });
    expect(nativeTray().tooltip).toBe('Izzie — 2 unread notifications');
  });

  it('stops following the settings and removes the icon on dispose', () => {
    start(false);
    expect(core.listenerCount()).toBe(3);
    tray?.dispose();
    expect(core.listenerCount()).toBe(0);
    expect(nativeTray().isDestroyed()).toBe(true);
  });
});
