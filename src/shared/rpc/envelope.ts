import { z } from 'zod';
import { RPC_ERROR_CODES, type RpcErrorBody } from './errors';

/**
 * The frames both transports carry (Electron IPC and the headless WebSocket). IPC carries them as
 * structured clones, the WebSocket as JSON text; the shapes are identical.
 */
export const RequestId = z.union([z.number().int().nonnegative(), z.string().min(1).max(64)]);
export type RequestId = z.infer<typeof RequestId>;

export const RpcRequest = z.strictObject({
  id: RequestId,
  method: z.string().min(1).max(128),
  params: z.unknown().optional(),
});
export type RpcRequest = z.infer<typeof RpcRequest>;

export const RpcErrorBodySchema = z.strictObject({
  code: z.enum(RPC_ERROR_CODES),
  message: z.string(),
});

export type RpcResult<T = unknown> = { ok: true; value: T } | { ok: false; error: RpcErrorBody };

/** `id` is null only when the request was too broken to carry one (bad JSON, no id). */
export type RpcResponse<T = unknown> = { type: 'response'; id: RequestId | null } & RpcResult<T>;

export interface RpcEventFrame<P = unknown> {
  type: 'event';
  event: string;
  payload: P;
}

export type ServerFrame = RpcResponse | RpcEventFrame;

export const ServerFrameSchema = z.union([
  z.strictObject({ type: z.literal('response'), id: RequestId.nullable(), ok: z.literal(true), value: z.unknown() }),
  z.strictObject({ type: z.literal('response'), id: RequestId.nullable(), ok: z.literal(false), error: RpcErrorBodySchema }),
  z.strictObject({ type: z.literal('event'), event: z.string(), payload: z.unknown() }),
]);
