import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { RpcEventFrame, RpcResponse } from '../shared/rpc/envelope';
import { IPC_EVENT_CHANNEL, IPC_RPC_CHANNEL, type IzzieBridge } from '../shared/transport';

/**
 * The page's only door to Izzie (STYLE.md 6): `invoke` and `on`, nothing else. The raw
 * IpcRendererEvent never reaches the page — it carries `sender`, i.e. ipcRenderer itself.
 */
const bridge: IzzieBridge = {
  invoke: (frame) => ipcRenderer.invoke(IPC_RPC_CHANNEL, frame) as Promise<RpcResponse>,
  on(listener) {
    const forward = (_event: IpcRendererEvent, frame: RpcEventFrame): void => listener(frame);
    ipcRenderer.on(IPC_EVENT_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(IPC_EVENT_CHANNEL, forward);
    };
  },
};

contextBridge.exposeInMainWorld('izzie', bridge);
