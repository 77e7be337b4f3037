/**
 * A hand-written stand-in for the parts of `electron` the main process uses; the Electron binary
 * is not available where these tests run. Use it with
 * `vi.mock('electron', () => import('./testing/electron-stand-in'))` and inspect the same exports.
 * Objects record what the code under test did; `emit` plays the events Electron would fire.
 */
import { EventEmitter } from 'node:events';
import { pathToFileURL } from 'node:url';
import { vi } from 'vitest';

export interface PreventableEvent {
  readonly url: string;
  defaultPrevented: boolean;
  preventDefault(): void;
}

export function preventableEvent(url = ''): PreventableEvent {
  const event = {
    url,
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true;
    },
  };
  return event;
}

let nextFrameTreeNodeId = 1;

export class FakeWebFrame {
  readonly frameTreeNodeId = nextFrameTreeNodeId++;
  constructor(
    public url: string,
    readonly parent: FakeWebFrame | null = null,
  ) {}
}

let nextWebContentsId = 1;

type WindowOpenHandler = (details: { url: string }) => { action: 'allow' | 'deny' };

export class FakeWebContents extends EventEmitter {
  readonly id = nextWebContentsId++;
  readonly mainFrame = new FakeWebFrame('');
  readonly sent: Array<{ channel: string; args: unknown[] }> = [];
  windowOpenHandler: WindowOpenHandler | null = null;
  loading = false;
  destroyed = false;

  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }
  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
  }
  getURL(): string {
    return this.mainFrame.url;
  }
  isLoading(): boolean {
    return this.loading;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  /** Simulates the page finishing a load of `url`. */
  finishLoad(url: string): void {
    this.mainFrame.url = url;
    this.loading = false;
    this.emit('did-finish-load');
  }
}

export class BrowserWindow extends EventEmitter {
  static readonly instances: BrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  loaded: { kind: 'url' | 'file'; target: string } | null = null;
  visible = false;
  minimized = false;
  focused = false;
  private destroyed = false;

  constructor(readonly options: unknown) {
    super();
    BrowserWindow.instances.push(this);
  }
  loadURL(url: string): Promise<void> {
    this.loaded = { kind: 'url', target: url };
    this.webContents.loading = true;
    return Promise.resolve();
  }
  loadFile(file: string): Promise<void> {
    this.loaded = { kind: 'file', target: file };
    this.webContents.loading = true;
    return Promise.resolve();
  }
  /** The page at `loaded` is ready: as Electron, fire did-finish-load and ready-to-show. */
  finishLoading(): void {
    const target = this.loaded?.kind === 'file' ? pathToFileURL(this.loaded.target).href : (this.loaded?.target ?? '');
    this.webContents.finishLoad(target);
    this.emit('ready-to-show');
  }
  show(): void {
    this.visible = true;
    this.minimized = false;
  }
  hide(): void {
    this.visible = false;
  }
  focus(): void {
    this.focused = true;
  }
  restore(): void {
    this.minimized = false;
  }
  minimize(): void {
    this.minimized = true;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  isVisible(): boolean {
    return this.visible;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  /** Asks to close, as the user clicking the close button does; returns whether it closed. */
  close(): boolean {
    const event = preventableEvent();
    this.emit('close', event);
    if (event.defaultPrevented) return false;
    this.destroy();
    return true;
  }
  destroy(): void {
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.emit('closed');
  }
}

type InvokeHandler = (event: unknown, ...args: unknown[]) => unknown;

export const ipcMain = {
  handlers: new Map<string, InvokeHandler>(),
  handle(channel: string, handler: InvokeHandler): void {
    if (this.handlers.has(channel)) throw new Error(`a handler for ${channel} is already registered`);
    this.handlers.set(channel, handler);
  },
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  },
};

const missingImageFiles = new Set<string>();

export const nativeImage = {
  /** Paths whose image reads as empty, as `createFromPath` does for a missing file. */
  missingFiles: missingImageFiles,
  createFromPath: vi.fn((file: string) => ({ file, isEmpty: (): boolean => missingImageFiles.has(file) })),
};

export class Tray extends EventEmitter {
  static readonly instances: Tray[] = [];
  /** Set to make the next `new Tray()` throw, as on a desktop without a status area. */
  static failWith: Error | null = null;
  tooltip = '';
  title = '';
  contextMenu: Menu | null = null;
  private destroyed = false;

  constructor(readonly image: unknown) {
    super();
    const failure = Tray.failWith;
    Tray.failWith = null;
    if (failure) throw failure;
    Tray.instances.push(this);
  }
  setToolTip(tooltip: string): void {
    this.tooltip = tooltip;
  }
  setTitle(title: string): void {
    this.title = title;
  }
  setContextMenu(menu: Menu): void {
    this.contextMenu = menu;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  destroy(): void {
    this.destroyed = true;
  }
}

export interface FakeMenuItem {
  label?: string;
  type?: string;
  checked?: boolean;
  enabled?: boolean;
  click?: () => void;
}

export class Menu {
  constructor(readonly template: readonly FakeMenuItem[]) {}
  static buildFromTemplate(template: readonly FakeMenuItem[]): Menu {
    return new Menu(template);
  }
}

export class Notification extends EventEmitter {
  static supported = true;
  static readonly instances: Notification[] = [];
  shown = false;

  static isSupported(): boolean {
    return Notification.supported;
  }
  constructor(readonly options: { title: string; body: string }) {
    super();
    Notification.instances.push(this);
  }
  show(): void {
    this.shown = true;
  }
}

type PermissionRequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void) => void;
type PermissionCheckHandler = (contents: unknown, permission: string) => boolean;
type HeadersReceivedListener = (
  details: { responseHeaders?: Record<string, string[]> },
  callback: (response: { responseHeaders?: Record<string, string[]> }) => void,
) => void;

export class FakeSession {
  permissionRequestHandler: PermissionRequestHandler | null = null;
  permissionCheckHandler: PermissionCheckHandler | null = null;
  headersReceived: HeadersReceivedListener | null = null;
  readonly webRequest = {
    onHeadersReceived: (listener: HeadersReceivedListener): void => {
      this.headersReceived = listener;
    },
  };
  setPermissionRequestHandler(handler: PermissionRequestHandler): void {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: PermissionCheckHandler): void {
    this.permissionCheckHandler = handler;
  }
}

export const session = { defaultSession: new FakeSession() };

export const shell = { openExternal: vi.fn((_url: string) => Promise.resolve()) };

export const dialog = { showErrorBox: vi.fn((_title: string, _content: string) => undefined) };

export const nativeTheme = { shouldUseDarkColors: false };

class FakeApp extends EventEmitter {
  isPackaged = false;
  singleInstanceLock = true;
  readonly requestSingleInstanceLock = vi.fn(() => this.singleInstanceLock);
  readonly quit = vi.fn(() => undefined);
  readonly exit = vi.fn((_code?: number) => undefined);
  readonly whenReady = vi.fn(() => Promise.resolve());
  readonly getVersion = vi.fn(() => '0.1.0-test');
  readonly getPath = vi.fn((name: string) => `/fake/${name}`);
}

export const app = new FakeApp();

/** Puts every recorder back to its first state; call in `beforeEach`. */
export function resetElectronStandIn(): void {
  BrowserWindow.instances.length = 0;
  Tray.instances.length = 0;
  Tray.failWith = null;
  Notification.instances.length = 0;
  Notification.supported = true;
  ipcMain.handlers.clear();
  nativeImage.missingFiles.clear();
  nativeImage.createFromPath.mockClear();
  session.defaultSession = new FakeSession();
  shell.openExternal.mockClear();
  dialog.showErrorBox.mockClear();
  nativeTheme.shouldUseDarkColors = false;
  app.removeAllListeners();
  app.isPackaged = false;
  app.singleInstanceLock = true;
  for (const fn of [app.requestSingleInstanceLock, app.quit, app.exit, app.whenReady, app.getVersion, app.getPath])
    fn.mockClear();
}
