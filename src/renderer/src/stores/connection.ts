import { create } from 'zustand';
import type { ConnectionState } from '../rpc/ws-transport';

export type { ConnectionState };
export type HostTransport = 'ipc' | 'websocket';

interface ConnectionStore {
  state: ConnectionState;
  everConnected: boolean;
  transport: HostTransport;
  /** Skips the backoff wait; null when the transport cannot drop (IPC). */
  retry: (() => void) | null;
  setStatus(state: ConnectionState, everConnected: boolean): void;
  setTransport(transport: HostTransport, retry: (() => void) | null): void;
}

export const useConnection = create<ConnectionStore>()((set) => ({
  state: 'connecting',
  everConnected: false,
  transport: 'websocket',
  retry: null,
  setStatus: (state, everConnected) => set({ state, everConnected }),
  setTransport: (transport, retry) => set({ transport, retry }),
}));
