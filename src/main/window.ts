import { BrowserWindow, nativeTheme, type BrowserWindowConstructorOptions } from 'electron';
import { errorMessage, type HostLog } from './host-log';
import type { RendererLocation } from './renderer-location';

/** Painted before the renderer's first frame: the renderer's `--bg` token (src/renderer/src/styles/tokens.css). */
export const WINDOW_BACKGROUND = { light: '#fbfbfc', dark: '#111114' } as const;

export function mainWindowOptions(preloadFile: string, darkTheme: boolean): BrowserWindowConstructorOptions {
  return {
    title: 'Izzie',
    width: 1200,
    height: 800,
    minWidth: 720,
    minHeight: 480,
    // Shown on 'ready-to-show' so the user never sees an empty white frame.
    show: false,
    backgroundColor: darkTheme ? WINDOW_BACKGROUND.dark : WINDOW_BACKGROUND.light,
    webPreferences: {
      preload: preloadFile,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: true,
    },
  };
}

export interface MainWindowOptions {
  readonly preloadFile: string;
  readonly location: RendererLocation;
  readonly log: HostLog;
  /** Decides what closing does (hide to the tray, or really close while quitting). */
  readonly onClose: (event: { preventDefault(): void }, window: BrowserWindow) => void;
}

export function createMainWindow({ preloadFile, location, log, onClose }: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(preloadFile, nativeTheme.shouldUseDarkColors));
  window.once('ready-to-show', () => {
    window.show();
    window.focus();
  });
  window.on('close', (event) => onClose(event, window));
  const loading = location.kind === 'dev-server' ? window.loadURL(location.url.href) : window.loadFile(location.indexFile);
  loading.catch((error: unknown) => {
    log.error('the Izzie window failed to load', { error: errorMessage(error), kind: location.kind });
    // A failed load may never reach 'ready-to-show'; an empty window beats an invisible app.
    if (!window.isDestroyed()) window.show();
  });
  return window;
}
