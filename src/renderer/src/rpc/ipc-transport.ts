import type { IzzieBridge, RpcTransport } from '../../../shared';

/** Electron's transport: the preload bridge already speaks the envelope, so this only adapts names. */
export function createIpcTransport(bridge: IzzieBridge): RpcTransport {
  return {
    request: (frame) => bridge.invoke(frame),
    onEvent: (listener) => bridge.on(listener),
  };
}

/** `window.izzie` exists only inside the Electron window; check its shape rather than trust it. */
export function findBridge(win: object): IzzieBridge | null {
  const candidate: unknown = Reflect.get(win, 'izzie');
  if (typeof candidate !== 'object' || candidate === null) return null;
  const invoke: unknown = Reflect.get(candidate, 'invoke');
  const on: unknown = Reflect.get(candidate, 'on');
  return typeof invoke === 'function' && typeof on === 'function' ? (candidate as IzzieBridge) : null;
}
