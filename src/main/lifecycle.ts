import { app, dialog, session } from 'electron';
import {
  createOsKeychain,
  insecureFileVaultRequested,
  resolveDataDir,
  systemClock,
  type Core,
  type CoreOptions,
  type CorePorts,
} from '../core';
import { AppWindows } from './app-windows';
import { resolveAppPaths } from './app-paths';
import { consoleHostLog, errorMessage, type HostLog } from './host-log';
import { registerRpcIpc } from './ipc';
import { createDesktopNotifier, notificationClickedFrame } from './notifier';
import { openExternalWebUrl } from './open-external';
import { resolveRendererLocation } from './renderer-location';
import { hardenSession } from './session-policy';
import { createIzzieTray, type IzzieTray } from './tray';
import { guardWebContents } from './web-contents-guards';
import { createMainWindow } from './window';

export interface IzzieHostOptions {
  /** `import.meta.url` of the built main file; every other path is resolved from it. */
  readonly mainFileUrl: string;
  readonly createCore: (ports: CorePorts, options: CoreOptions) => Core;
  readonly log?: HostLog;
}

/** A request stuck in the core (a hung model call) must not keep the app from quitting. */
export const CORE_STOP_DEADLINE_MS = 15_000;

/** Must equal `appId` in electron-builder.yml: Windows shows notifications only for a known AppUserModelID. */
const WINDOWS_APP_USER_MODEL_ID = 'app.izzie.desktop';

/** One Izzie per user: a second launch only brings the first one's window forward. */
export function runIzzie(options: IzzieHostOptions): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return Promise.resolve();
  }
  return startIzzie(options).catch(failToStart);
}

function failToStart(error: unknown): void {
  dialog.showErrorBox('Izzie cannot start', errorMessage(error));
  app.exit(1);
}

async function startIzzie({ mainFileUrl, createCore, log: givenLog }: IzzieHostOptions): Promise<void> {
  // Until the core is up there is no log file, so warnings go to the console; after, to the file.
  let coreLog: HostLog | null = null;
  const log: HostLog = givenLog ?? {
    warn: (message, fields) => (coreLog ?? consoleHostLog).warn(message, fields ? { ...fields } : undefined),
    error: (message, fields) => (coreLog ?? consoleHostLog).error(message, fields ? { ...fields } : undefined),
  };
  await app.whenReady();
  if (process.platform === 'win32') app.setAppUserModelId(WINDOWS_APP_USER_MODEL_ID);
  const paths = resolveAppPaths(mainFileUrl, { isPackaged: app.isPackaged, resourcesPath: process.resourcesPath });
  const location = resolveRendererLocation({
    devServerUrl: process.env.ELECTRON_RENDERER_URL,
    isPackaged: app.isPackaged,
    rendererIndexFile: paths.rendererIndexFile,
  });
  hardenSession(session.defaultSession, location);
  app.on('web-contents-created', (_event, contents) =>
    guardWebContents(contents, { location, openExternal: openExternalWebUrl, log }),
  );

  let quitting = false;
  let tray: IzzieTray | null = null;
  const windows = new AppWindows(location, () =>
    createMainWindow({
      preloadFile: paths.preloadFile,
      location,
      log,
      onClose: (event, window) => {
        // Without a tray there would be no way back to a hidden window, so closing really closes.
        if (quitting || tray === null) return;
        event.preventDefault();
        window.hide();
      },
    }),
  );

  const core = createCore(
    {
      hostKind: 'electron',
      appVersion: app.getVersion(),
      paths: { dataDir: resolveDataDir(process.env, app.getPath('userData')) },
      keychain: createOsKeychain(),
      notifier: createDesktopNotifier({
        onClick: (notification) => windows.showAndSend(notificationClickedFrame(notification)),
        log,
      }),
      openExternal: openExternalWebUrl,
      clock: systemClock,
    },
    { insecureFileVault: insecureFileVaultRequested(process.env) },
  );
  // Refuses another Izzie on the same data dir, or a database this version must not touch;
  // runIzzie turns that into a dialog and exit code 1.
  await core.start();
  coreLog = core.log;

  const disposeIpc = registerRpcIpc({ core, windows, location, log });
  tray = createIzzieTray({
    core,
    iconFile: paths.trayIconFile,
    open: () => windows.show(),
    openApprovals: () =>
      windows.showAndSend(
        notificationClickedFrame({ id: 'tray-approvals', title: 'Approvals', body: '', target: { page: 'approvals' } }),
      ),
    quit: () => app.quit(),
    log,
  });

  app.on('second-instance', () => windows.show());
  app.on('activate', () => windows.show());
  app.on('before-quit', () => {
    quitting = true;
  });
  app.on('window-all-closed', () => {
    if (!quitting && process.platform !== 'darwin') app.quit();
  });
  let stopping = false;
  app.on('will-quit', (event) => {
    // Quit waits for the core to drain and close the database; app.exit() then skips this event,
    // so it cannot loop, and a second quit while stopping is simply held.
    event.preventDefault();
    if (stopping) return;
    stopping = true;
    disposeIpc();
    tray?.dispose();
    void stopWithin(core, CORE_STOP_DEADLINE_MS, log).then((clean) => app.exit(clean ? 0 : 1));
  });

  windows.show();
}

/** Resolves true when the core stopped cleanly, false when it failed or missed the deadline. */
async function stopWithin(core: Core, deadlineMs: number, log: HostLog): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), deadlineMs);
  });
  try {
    const outcome = await Promise.race([core.stop().then(() => 'stopped' as const), late]);
    if (outcome === 'late') log.error('the core did not stop in time; exiting anyway', { deadlineMs });
    return outcome === 'stopped';
  } catch (error) {
    log.error('the core did not stop cleanly', { error: errorMessage(error) });
    return false;
  } finally {
    clearTimeout(timer);
  }
}
