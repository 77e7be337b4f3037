import type { BrowserWindow, IpcMainInvokeEvent } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_EVENT_CHANNEL, IPC_RPC_CHANNEL, type RpcEventFrame, type RpcResponse } from '../shared';
import { AppWindows } from './app-windows';
import { DENIED_RESPONSE, registerRpcIpc } from './ipc';
import { resolveRendererLocation } from './renderer-location';
import { createFakeCore, type FakeCore } from './testing/fake-core';
import {
  BrowserWindow as FakeWindow,
  FakeWebContents,
  FakeWebFrame,
  ipcMain,
  resetElectronStandIn,
} from './testing/electron-stand-in';

vi.mock('electron', () => import('./testing/electron-stand-in'));

const APP_URL = 'http://localhost:5173/';
const location = resolveRendererLocation({
  devServerUrl: APP_URL,
  isPackaged: false,
  rendererIndexFile: '/app/out/renderer/index.html',
});
const request = { id: 7, method: 'app.info', params: {} };

let core: FakeCore;
let windows: AppWindows;
let window: FakeWindow;
let dispose: () => void;
const log = { warn: vi.fn(), error: vi.fn() };

beforeEach(() => {
  resetElectronStandIn();
  log.warn.mockClear();
  core = createFakeCore();
  windows = new AppWindows(location, () => new FakeWindow({}) as unknown as BrowserWindow);
  windows.show();
  const created = FakeWindow.instances[0];
  if (!created) throw new Error('no window');
  window = created;
  window.loadURL(APP_URL);
  window.finishLoading();
  dispose = registerRpcIpc({ core, windows, location, log });
});

function invoke(sender: FakeWebContents, senderFrame: FakeWebFrame | null, frame: unknown = request): Promise<RpcResponse> {
  const handler = ipcMain.handlers.get(IPC_RPC_CHANNEL);
  if (!handler) throw new Error(`nothing handles ${IPC_RPC_CHANNEL}`);
  const event = { sender, senderFrame } as unknown as IpcMainInvokeEvent;
  return handler(event, frame) as Promise<RpcResponse>;
}

describe('the RPC channel', () => {
  it("forwards the app window's top frame request to the core untouched", async () => {
    const response = await invoke(window.webContents, window.webContents.mainFrame);
    expect(core.handle).toHaveBeenCalledExactlyOnceWith(request);
    expect(response).toEqual({ type: 'response', id: 7, ok: true, value: { echoed: 'app.info' } });
  });

  it('passes even a malformed frame to the core, which is the one that parses', async () => {
    const response = await invoke(window.webContents, window.webContents.mainFrame, { nonsense: true });
    expect(core.handle).toHaveBeenCalledWith({ nonsense: true });
    expect(response).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('refuses a sub-frame of the app window', async () => {
    const subFrame = new FakeWebFrame(APP_URL, window.webContents.mainFrame);
    expect(await invoke(window.webContents, subFrame)).toEqual(DENIED_RESPONSE);
    expect(core.handle).not.toHaveBeenCalled();
  });

  it("refuses a frame that is top-level but not the window's main frame", async () => {
    expect(await invoke(window.webContents, new FakeWebFrame(APP_URL))).toEqual(DENIED_RESPONSE);
    expect(core.handle).not.toHaveBeenCalled();
  });

  it.each([
    'https://evil.com/',
    'http://localhost:5173.evil.com/',
    'http://localhost:5174/',
    'file:///evil/index.html',
    'about:blank',
    '',
  ])('refuses the app window while its top frame is on %s', async (url) => {
    window.webContents.mainFrame.url = url;
    expect(await invoke(window.webContents, window.webContents.mainFrame)).toEqual(DENIED_RESPONSE);
    expect(core.handle).not.toHaveBeenCalled();
  });

  it('refuses web contents that Izzie did not create', async () => {
    const stranger = new FakeWebContents();
    stranger.mainFrame.url = APP_URL;
    expect(await invoke(stranger, stranger.mainFrame)).toEqual(DENIED_RESPONSE);
    expect(core.handle).not.toHaveBeenCalled();
    expect(log.warn).toHaveBeenCalledWith('refused an RPC request', { reason: 'the sender is not an Izzie window' });
  });

  it('refuses a frame that is already gone, and a window that was closed', async () => {
    expect(await invoke(window.webContents, null)).toEqual(DENIED_RESPONSE);
    window.destroy();
    expect(await invoke(window.webContents, window.webContents.mainFrame)).toEqual(DENIED_RESPONSE);
    expect(core.handle).not.toHaveBeenCalled();
  });

  it('refuses a sender whose objects throw on access instead of throwing itself', async () => {
    const hostile = new FakeWebContents();
    Object.defineProperty(hostile, 'id', {
      get: () => {
        throw new Error('Object has been destroyed');
      },
    });
    expect(await invoke(hostile, null)).toEqual(DENIED_RESPONSE);
  });

  it('answers INTERNAL without a stack if the core itself throws', async () => {
    core.handle.mockRejectedValueOnce(new Error('boom at /secret/path.ts:12'));
    const response = await invoke(window.webContents, window.webContents.mainFrame);
    expect(response).toEqual({
      type: 'response',
      id: null,
      ok: false,
      error: { code: 'INTERNAL', message: 'Izzie hit an internal error.' },
    });
  });
});

describe('pushed events', () => {
  const frame: RpcEventFrame = { type: 'event', event: 'threads.changed', payload: { thread: null, deletedId: 'x' } };

  it('reach every live Izzie window on the event channel', () => {
    core.emit(frame);
    expect(window.webContents.sent).toEqual([{ channel: IPC_EVENT_CHANNEL, args: [frame] }]);
  });

  it('are not sent to a window that has left the app page, nor to a destroyed one', () => {
    window.webContents.mainFrame.url = 'https://evil.com/';
    core.emit(frame);
    window.destroy();
    core.emit(frame);
    expect(window.webContents.sent).toEqual([]);
  });
});

describe('the disposer', () => {
  it('removes the handler and the event subscription', () => {
    expect(core.listenerCount()).toBe(1);
    dispose();
    expect(ipcMain.handlers.has(IPC_RPC_CHANNEL)).toBe(false);
    expect(core.listenerCount()).toBe(0);
  });
});
