import { WS_PATH, createRpcClient, type RpcClient } from '../../../shared';
import { useConnection } from '../stores/connection';
import { createIpcTransport, findBridge } from './ipc-transport';
import { takeLaunchToken, webSocketUrl } from './token';
import { createWsTransport } from './ws-transport';

export type Startup = { kind: 'ready'; client: RpcClient } | { kind: 'missing-token' };

/**
 * Picks the transport once at start-up: Electron's preload bridge when present, otherwise the
 * headless host's WebSocket, which needs this launch's token. The renderer never learns more.
 */
export function connectToHost(win: Window): Startup {
  const connection = useConnection.getState();
  const bridge = findBridge(win);
  if (bridge) {
    connection.setTransport('ipc', null);
    connection.setStatus('connected', true);
    return { kind: 'ready', client: createRpcClient(createIpcTransport(bridge)) };
  }

  const token = takeLaunchToken({ location: win.location, history: win.history, storage: sessionStorageOf(win) });
  if (!token) return { kind: 'missing-token' };

  const transport = createWsTransport({
    url: webSocketUrl(win.location, WS_PATH),
    token,
    onStatus: (status) => useConnection.getState().setStatus(status.state, status.everConnected),
  });
  connection.setTransport('websocket', () => transport.reconnectNow());
  return { kind: 'ready', client: createRpcClient(transport) };
}

function sessionStorageOf(win: Window): Storage | null {
  try {
    return win.sessionStorage;
  } catch {
    return null;
  }
}
