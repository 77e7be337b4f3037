import type { BrowserWindow, WebContents } from 'electron';
import { IPC_EVENT_CHANNEL, type RpcEventFrame } from '../shared';
import { isAppUrl, type RendererLocation } from './renderer-location';

/**
 * The windows Izzie created. IPC trusts only their web contents, and pushed events go only to
 * them — and only while they show the app's own page.
 */
export class AppWindows {
  private mainWindow: BrowserWindow | null = null;
  private readonly windows = new Set<BrowserWindow>();

  constructor(
    private readonly location: RendererLocation,
    private readonly createWindow: () => BrowserWindow,
  ) {}

  /** Shows, restores and focuses the main window, creating it again if it was destroyed. */
  show(): BrowserWindow {
    const existing = this.mainWindow;
    if (existing && !existing.isDestroyed()) {
      if (existing.isMinimized()) existing.restore();
      existing.show();
      existing.focus();
      return existing;
    }
    const created = this.createWindow();
    this.mainWindow = created;
    this.windows.add(created);
    created.once('closed', () => {
      this.windows.delete(created);
      if (this.mainWindow === created) this.mainWindow = null;
    });
    return created;
  }

  owns(contents: WebContents): boolean {
    if (contents.isDestroyed()) return false;
    return this.live().some((window) => window.webContents.id === contents.id);
  }

  broadcast(frame: RpcEventFrame): void {
    for (const window of this.live()) this.sendIfShowingApp(window, frame);
  }

  /** Shows the main window and hands it one frame, after its page has loaded if it was just created. */
  showAndSend(frame: RpcEventFrame): void {
    const window = this.show();
    const contents = window.webContents;
    if (contents.isLoading()) contents.once('did-finish-load', () => this.sendIfShowingApp(window, frame));
    else this.sendIfShowingApp(window, frame);
  }

  private live(): BrowserWindow[] {
    return [...this.windows].filter((window) => !window.isDestroyed() && !window.webContents.isDestroyed());
  }

  private sendIfShowingApp(window: BrowserWindow, frame: RpcEventFrame): void {
    if (window.isDestroyed() || window.webContents.isDestroyed()) return;
    if (!isAppUrl(this.location, window.webContents.getURL())) return;
    window.webContents.send(IPC_EVENT_CHANNEL, frame);
  }
}
