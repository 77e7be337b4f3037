import type { RpcErrorCode } from '../shared';

/**
 * A failure a person can act on. Thrown inside the core; the router turns it into `{code, message}`.
 * Anything else that escapes a handler is logged with its stack and answered as INTERNAL.
 */
export class CoreError extends Error {
  constructor(
    readonly code: RpcErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'CoreError';
  }
}

export const notFound = (what: string, id: string): CoreError =>
  new CoreError('NOT_FOUND', `${what} ${id} does not exist (it may have been deleted).`);
