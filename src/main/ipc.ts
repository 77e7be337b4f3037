import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { IPC_RPC_CHANNEL, type RpcEventFrame, type RpcResponse } from '../shared';
import type { HostCore } from './host-core';
import { errorMessage, type HostLog } from './host-log';
import { isAppUrl, type RendererLocation } from './renderer-location';

/**
 * The Electron transport: one invoke channel in, one event channel out. It checks who is asking
 * (VS Code's validatedIpcMain does the same) and passes the raw frame on; the core parses it.
 */
export interface RpcIpcOptions {
  readonly core: HostCore;
  readonly windows: {
    owns(contents: WebContents): boolean;
    broadcast(frame: RpcEventFrame): void;
  };
  readonly location: RendererLocation;
  readonly log: HostLog;
}

export const DENIED_RESPONSE: RpcResponse = {
  type: 'response',
  id: null,
  ok: false,
  error: { code: 'DENIED', message: "Only Izzie's own window can talk to Izzie." },
};

/** Registers the RPC handler and event forwarding; the returned function undoes both. */
export function registerRpcIpc({ core, windows, location, log }: RpcIpcOptions): () => void {
  ipcMain.handle(IPC_RPC_CHANNEL, async (event, frame: unknown): Promise<RpcResponse> => {
    const refusal = senderRefusal(event, windows, location);
    if (refusal !== null) {
      log.warn('refused an RPC request', { reason: refusal });
      return DENIED_RESPONSE;
    }
    try {
      return await core.handle(frame);
    } catch (error) {
      log.error('the core threw while handling a request', { error: errorMessage(error) });
      return { type: 'response', id: null, ok: false, error: { code: 'INTERNAL', message: 'Izzie hit an internal error.' } };
    }
  });
  const unsubscribe = core.subscribe((frame) => windows.broadcast(frame));
  return () => {
    ipcMain.removeHandler(IPC_RPC_CHANNEL);
    unsubscribe();
  };
}

/** Why a sender is refused, or null when it is the top frame of an Izzie window on the app's page. */
export function senderRefusal(
  event: IpcMainInvokeEvent,
  windows: { owns(contents: WebContents): boolean },
  location: RendererLocation,
): string | null {
  try {
    if (!windows.owns(event.sender)) return 'the sender is not an Izzie window';
    const frame = event.senderFrame;
    if (!frame) return 'the sending frame is gone';
    if (frame.parent !== null || frame.frameTreeNodeId !== event.sender.mainFrame.frameTreeNodeId) {
      return 'the sender is a sub-frame';
    }
    if (!isAppUrl(location, frame.url)) return "the sender is not on Izzie's page";
    return null;
  } catch {
    // A destroyed frame or web contents throws on access: it cannot be trusted either.
    return 'the sender went away';
  }
}
