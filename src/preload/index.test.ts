import { EventEmitter } from 'node:events';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { IPC_EVENT_CHANNEL, IPC_RPC_CHANNEL, type IzzieBridge, type RpcEventFrame } from '../shared';

const stand = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invoke: vi.fn((_channel: string, _frame: unknown) => Promise.resolve({ type: 'response', id: 1, ok: true, value: 'pong' })),
}));
const renderer = new EventEmitter();

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => stand.exposed.set(key, api) },
  ipcRenderer: {
    invoke: stand.invoke,
    on: (channel: string, listener: (...args: unknown[]) => void) => renderer.on(channel, listener),
    removeListener: (channel: string, listener: (...args: unknown[]) => void) => renderer.removeListener(channel, listener),
  },
}));

let bridge: IzzieBridge;

beforeAll(async () => {
  await import('./index');
  bridge = stand.exposed.get('izzie') as IzzieBridge;
});

const frame: RpcEventFrame = { type: 'event', event: 'messages.added', payload: { n: 1 } };
const ipcEvent = { sender: 'the ipcRenderer itself', senderId: 0 };

describe('the preload bridge', () => {
  it('exposes window.izzie with exactly invoke and on', () => {
    expect([...stand.exposed.keys()]).toEqual(['izzie']);
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'on']);
  });

  it('invokes the RPC channel with the frame and returns the response', async () => {
    const request = { id: 1, method: 'app.info', params: {} };
    await expect(bridge.invoke(request)).resolves.toEqual({ type: 'response', id: 1, ok: true, value: 'pong' });
    expect(stand.invoke).toHaveBeenCalledWith(IPC_RPC_CHANNEL, request);
  });

  it('delivers pushed frames without the IPC event', () => {
    const listener = vi.fn();
    const off = bridge.on(listener);
    renderer.emit(IPC_EVENT_CHANNEL, ipcEvent, frame);
    expect(listener).toHaveBeenCalledExactlyOnceWith(frame);
    off();
  });

  it('unsubscribes exactly the listener that on() returned for', () => {
    const kept = vi.fn();
    const dropped = vi.fn();
    bridge.on(kept);
    const off = bridge.on(dropped);
    off();
    off();
    renderer.emit(IPC_EVENT_CHANNEL, ipcEvent, frame);
    expect(dropped).not.toHaveBeenCalled();
    expect(kept).toHaveBeenCalledOnce();
    expect(renderer.listenerCount(IPC_EVENT_CHANNEL)).toBe(1);
  });
});
