import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CorePorts } from '../core';
import { IPC_EVENT_CHANNEL, IPC_RPC_CHANNEL } from '../shared';
import { CORE_STOP_DEADLINE_MS, runIzzie } from './lifecycle';
import {
  BrowserWindow,
  FakeWebContents,
  Notification,
  app,
  dialog,
  ipcMain,
  preventableEvent,
  resetElectronStandIn,
  session,
} from './testing/electron-stand-in';
import { createFakeFullCore } from './testing/fake-core';

vi.mock('electron', () => import('./testing/electron-stand-in'));

const MAIN_FILE_URL = 'file:///opt/izzie/out/main/index.js';
const log = { warn: vi.fn(), error: vi.fn() };

async function launch(options: { startError?: Error } = {}) {
  const fake = createFakeFullCore(options);
  let ports: CorePorts | null = null;
  const createCore = vi.fn((given: CorePorts) => {
    ports = given;
    return fake.core;
  });
  await runIzzie({ mainFileUrl: MAIN_FILE_URL, createCore, log });
  return { ...fake, createCore, ports: (): CorePorts | null => ports };
}

function mainWindow(): BrowserWindow {
  const window = BrowserWindow.instances.at(-1);
  if (!window) throw new Error('no window was created');
  return window;
}

describe('the Electron host lifecycle', () => {
  beforeEach(() => {
    resetElectronStandIn();
    log.error.mockClear();
    vi.unstubAllEnvs();
    vi.stubEnv('ELECTRON_RENDERER_URL', '');
    vi.stubEnv('IZZIE_HOME', '');
  });

  it('quits at once, without a core, when another Izzie already runs', async () => {
    app.singleInstanceLock = false;
    const { createCore } = await launch();
    expect(app.quit).toHaveBeenCalledOnce();
    expect(createCore).not.toHaveBeenCalled();
    expect(BrowserWindow.instances).toHaveLength(0);
  });

  it('starts the core with the Electron ports, then opens the window', async () => {
    const { ports, start } = await launch();
    expect(start).toHaveBeenCalledOnce();
    expect(ports()).toMatchObject({ hostKind: 'electron', appVersion: '0.1.0-test', paths: { dataDir: '/fake/userData' } });
    expect(BrowserWindow.instances).toHaveLength(1);
    expect(mainWindow().loaded).toEqual({ kind: 'file', target: '/opt/izzie/out/renderer/index.html' });
    expect(ipcMain.handlers.has(IPC_RPC_CHANNEL)).toBe(true);
    expect(session.defaultSession.permissionRequestHandler).not.toBeNull();
  });

  it('keeps its data where IZZIE_HOME says', async () => {
    vi.stubEnv('IZZIE_HOME', '/srv/izzie-profile');
    const { ports } = await launch();
    expect(ports()?.paths.dataDir).toBe('/srv/izzie-profile');
  });

  it('gives the core the OS keychain', async () => {
    const { ports } = await launch();
    expect(ports()?.keychain.description).toMatch(/Keychain|Credential Manager|Secret Service/);
  });

  it('shows why it cannot start and exits with code 1', async () => {
    await launch({ startError: new Error('Another Izzie is using /fake/userData.') });
    expect(dialog.showErrorBox).toHaveBeenCalledWith('Izzie cannot start', 'Another Izzie is using /fake/userData.');
    expect(app.exit).toHaveBeenCalledWith(1);
    expect(BrowserWindow.instances).toHaveLength(0);
    expect(ipcMain.handlers.has(IPC_RPC_CHANNEL)).toBe(false);
  });

  it('reports any other start-up failure the same way instead of leaving a windowless process', async () => {
    app.getPath.mockImplementationOnce(() => {
      throw new Error("Failed to get 'userData' path");
    });
    await launch();
    expect(dialog.showErrorBox).toHaveBeenCalledWith('Izzie cannot start', "Failed to get 'userData' path");
    expect(app.exit).toHaveBeenCalledWith(1);
  });

  it('hides the window on close and keeps running in the tray', async () => {
    await launch();
    const window = mainWindow();
    window.finishLoading();
    expect(window.close()).toBe(false);
    expect(window.isVisible()).toBe(false);
    expect(window.isDestroyed()).toBe(false);
  });

  it('really closes the window once quitting has begun', async () => {
    await launch();
    app.emit('before-quit', preventableEvent());
    expect(mainWindow().close()).toBe(true);
  });

  it('brings the window back, restored and focused, on a second launch', async () => {
    await launch();
    const window = mainWindow();
    window.finishLoading();
    window.minimize();
    window.hide();
    app.emit('second-instance', preventableEvent(), [], '/');
    expect(window).toMatchObject({ visible: true, minimized: false, focused: true });
  });

  it('creates the window again on activate if it was destroyed', async () => {
    await launch();
    mainWindow().destroy();
    app.emit('activate', preventableEvent(), false);
    expect(BrowserWindow.instances).toHaveLength(2);
  });

  it('stops the core before exiting, once, however often quit is asked', async () => {
    const { stop } = await launch();
    let releaseStop: () => void = () => undefined;
    stop.mockImplementationOnce(() => new Promise<undefined>((resolve) => (releaseStop = () => resolve(undefined))));

    const first = preventableEvent();
    app.emit('will-quit', first);
    const second = preventableEvent();
    app.emit('will-quit', second);
    expect(first.defaultPrevented && second.defaultPrevented).toBe(true);
    expect(stop).toHaveBeenCalledOnce();
    expect(app.exit).not.toHaveBeenCalled();
    expect(ipcMain.handlers.has(IPC_RPC_CHANNEL)).toBe(false);

    releaseStop();
    await vi.waitFor(() => expect(app.exit).toHaveBeenCalledExactlyOnceWith(0));
  });

  it('exits with code 1 when the core fails to stop', async () => {
    const { stop } = await launch();
    stop.mockRejectedValueOnce(new Error('database is locked'));
    app.emit('will-quit', preventableEvent());
    await vi.waitFor(() => expect(app.exit).toHaveBeenCalledExactlyOnceWith(1));
    expect(log.error).toHaveBeenCalledWith('the core did not stop cleanly', { error: 'database is locked' });
  });

  it('exits anyway when the core has not stopped by the deadline', async () => {
    const { stop } = await launch();
    vi.useFakeTimers();
    try {
      stop.mockImplementationOnce(() => new Promise<undefined>(() => undefined));
      app.emit('will-quit', preventableEvent());
      await vi.advanceTimersByTimeAsync(CORE_STOP_DEADLINE_MS - 1);
      expect(app.exit).not.toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(1);
      expect(app.exit).toHaveBeenCalledExactlyOnceWith(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('opens the window and tells the renderer where to go when a notification is clicked', async () => {
    const { ports } = await launch();
    const window = mainWindow();
    window.finishLoading();
    window.hide();
    ports()?.notifier.notify({
      id: 'n1',
      title: 'Approval needed',
      body: 'Reply to Dana?',
      target: { page: 'approvals', id: 'a1' },
    });
    Notification.instances[0]?.emit('click');
    expect(window.isVisible()).toBe(true);
    expect(window.webContents.sent).toEqual([
      {
        channel: IPC_EVENT_CHANNEL,
        args: [
          {
            type: 'event',
            event: 'notification',
            payload: { id: 'n1', title: 'Approval needed', body: 'Reply to Dana?', target: { page: 'approvals', id: 'a1' } },
          },
        ],
      },
    ]);
  });

  it('guards every web contents Electron creates', async () => {
    await launch();
    const contents = new FakeWebContents();
    app.emit('web-contents-created', preventableEvent(), contents);
    const navigation = preventableEvent('https://evil.com/');
    contents.emit('will-navigate', navigation);
    expect(navigation.defaultPrevented).toBe(true);
    expect(contents.windowOpenHandler?.({ url: 'https://evil.com/' })).toEqual({ action: 'deny' });
  });
});
