import type { EventName, EventPayload, MethodInput, MethodName, MethodResult } from '../contract';
import { RpcError, isRpcErrorCode } from './errors';
import type { RpcRequest, RpcResponse, RpcEventFrame } from './envelope';

/**
 * What a transport must do: send one request and resolve with its response, and deliver pushed
 * events. Electron IPC and the WebSocket each implement this in a few dozen lines.
 */
export interface RpcTransport {
  request(frame: RpcRequest): Promise<RpcResponse>;
  onEvent(listener: (frame: RpcEventFrame) => void): () => void;
}

export interface RpcClient {
  call<M extends MethodName>(method: M, ...params: OptionalParams<M>): Promise<MethodResult<M>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

/** Methods whose input has no required field may be called without params. */
type OptionalParams<M extends MethodName> =
  Record<never, never> extends MethodInput<M> ? [params?: MethodInput<M>] : [params: MethodInput<M>];

/** A typed client over any transport. Errors from the core arrive as {@link RpcError}. */
export function createRpcClient(transport: RpcTransport): RpcClient {
  let nextId = 1;
  return {
    async call(method, ...args) {
      const response = await transport.request({ id: nextId++, method, params: args[0] ?? {} });
      if (response.ok) return response.value as MethodResult<typeof method>;
      const code = isRpcErrorCode(response.error.code) ? response.error.code : 'INTERNAL';
      throw new RpcError(code, response.error.message);
    },
    on(event, listener) {
      return transport.onEvent((frame) => {
        if (frame.event === event) listener(frame.payload as EventPayload<typeof event>);
      });
    },
  };
}
