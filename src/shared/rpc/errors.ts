/**
 * Error codes every RPC failure carries. A code is for programs (the UI picks an action from it);
 * the message beside it is for people and says what to do next. Stacks never cross the boundary.
 */
export const RPC_ERROR_CODES = [
  'INVALID_INPUT',
  'UNKNOWN_METHOD',
  'NOT_FOUND',
  'CONFLICT',
  'DENIED',
  'PROVIDER_NOT_CONFIGURED',
  'PROVIDER_UNAVAILABLE',
  'SECRETS_UNAVAILABLE',
  'CANCELLED',
  'UNAVAILABLE',
  'INTERNAL',
] as const;

export type RpcErrorCode = (typeof RPC_ERROR_CODES)[number];

export interface RpcErrorBody {
  readonly code: RpcErrorCode;
  readonly message: string;
}

/** Thrown by the RPC client when the other side answered with an error. */
export class RpcError extends Error implements RpcErrorBody {
  constructor(
    readonly code: RpcErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'RpcError';
  }
}

export function isRpcErrorCode(value: unknown): value is RpcErrorCode {
  return typeof value === 'string' && (RPC_ERROR_CODES as readonly string[]).includes(value);
}
