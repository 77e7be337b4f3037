import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { resolveAppPaths } from './app-paths';
import { resolveRendererLocation } from './renderer-location';
import { BrowserWindow, nativeTheme, resetElectronStandIn } from './testing/electron-stand-in';
import { WINDOW_BACKGROUND, createMainWindow } from './window';

vi.mock('electron', () => import('./testing/electron-stand-in'));

const appRoot = resolve('/opt/izzie');
const mainFileUrl = pathToFileURL(join(appRoot, 'out', 'main', 'index.js')).href;
const paths = resolveAppPaths(mainFileUrl, { isPackaged: false, resourcesPath: '/unused' });
const built = resolveRendererLocation({ devServerUrl: undefined, isPackaged: true, rendererIndexFile: paths.rendererIndexFile });
const dev = resolveRendererLocation({
  devServerUrl: 'http://localhost:5173/',
  isPackaged: false,
  rendererIndexFile: paths.rendererIndexFile,
});
const log = { warn: vi.fn(), error: vi.fn() };

function create(location = built, onClose = vi.fn()) {
  createMainWindow({ preloadFile: paths.preloadFile, location, log, onClose });
  const window = BrowserWindow.instances.at(-1);
  if (!window) throw new Error('no window was created');
  return window;
}

describe('resolveAppPaths', () => {
  it('finds the preload, renderer and tray icon next to the built main file', () => {
    expect(paths).toEqual({
      preloadFile: join(appRoot, 'out', 'preload', 'index.cjs'),
      rendererIndexFile: join(appRoot, 'out', 'renderer', 'index.html'),
      trayIconFile: join(appRoot, 'resources', 'tray.png'),
    });
  });

  it('reads the tray icon from the resources folder once packaged', () => {
    const resourcesPath = join(appRoot, 'resources-packaged');
    expect(resolveAppPaths(mainFileUrl, { isPackaged: true, resourcesPath }).trayIconFile).toBe(join(resourcesPath, 'tray.png'));
  });
});

describe('createMainWindow', () => {
  beforeEach(() => resetElectronStandIn());

  it('isolates and sandboxes the renderer, with Node nowhere in reach', () => {
    const window = create();
    expect(window.options).toMatchObject({
      webPreferences: {
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        webviewTag: false,
      },
    });
    expect(window.options).toHaveProperty('webPreferences.preload', expect.stringMatching(/[\\/]preload[\\/]index\.cjs$/));
  });

  it('is titled Izzie, sized sensibly and hidden until its first paint is ready', () => {
    const window = create();
    expect(window.options).toMatchObject({ title: 'Izzie', show: false, backgroundColor: WINDOW_BACKGROUND.light });
    expect(window.options).toHaveProperty('minWidth', expect.any(Number));
    expect(window.visible).toBe(false);
    window.finishLoading();
    expect(window.visible).toBe(true);
  });

  it('paints the dark background when the system theme is dark', () => {
    nativeTheme.shouldUseDarkColors = true;
    expect(create().options).toMatchObject({ backgroundColor: WINDOW_BACKGROUND.dark });
  });

  it('loads the built index.html from disk', () => {
    expect(create(built).loaded).toEqual({ kind: 'file', target: paths.rendererIndexFile });
  });

  it('loads the dev server while developing', () => {
    expect(create(dev).loaded).toEqual({ kind: 'url', target: 'http://localhost:5173/' });
  });

  it('lets the host decide what closing does', () => {
    const onClose = vi.fn((event: { preventDefault(): void }) => event.preventDefault());
    const window = create(built, onClose);
    expect(window.close()).toBe(false);
    expect(onClose).toHaveBeenCalledWith(expect.objectContaining({ defaultPrevented: true }), window);
    expect(window.isDestroyed()).toBe(false);
  });

  it('shows the window anyway when the page fails to load', async () => {
    const loadFile = vi.spyOn(BrowserWindow.prototype, 'loadFile').mockRejectedValueOnce(new Error('ERR_FILE_NOT_FOUND'));
    const window = create(built);
    await vi.waitFor(() => expect(window.visible).toBe(true));
    expect(log.error).toHaveBeenCalledWith('the Izzie window failed to load', { error: 'ERR_FILE_NOT_FOUND', kind: 'file' });
    loadFile.mockRestore();
  });
});
