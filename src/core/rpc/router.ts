import type { z } from 'zod';
import {
  RequestId,
  RpcRequest,
  contract,
  isMethodName,
  type MethodName,
  type MethodSpec,
  type RpcErrorBody,
  type RpcResponse,
} from '../../shared';
import type { AuditLog } from '../audit/audit-log';
import { CoreError } from '../errors';
import type { Logger } from '../log/logger';
import type { HandlerContext, Handlers, Handler } from './handler-types';

const MAX_ERROR_MESSAGE = 600;

export interface Router {
  handle(raw: unknown): Promise<RpcResponse>;
  /** Stops taking requests and waits for the ones already running, so no write is cut short. */
  drain(): Promise<void>;
}

/**
 * The one door into the core. Every request is parsed (envelope, then the method's zod schema)
 * before a handler sees it; unknown methods are refused; failures become `{code, message}` and
 * never carry a stack; every mutation is written to the audit log, whether it succeeded or not.
 */
export function createRouter(handlers: Handlers, ctx: HandlerContext, deps: { log: Logger; audit: AuditLog }): Router {
  let inFlight = 0;
  let draining = false;
  let drained: (() => void) | null = null;

  async function dispatch(raw: unknown): Promise<RpcResponse> {
    const envelope = RpcRequest.safeParse(raw);
    if (!envelope.success) {
      return failure(idOf(raw), { code: 'INVALID_INPUT', message: `Malformed request: ${describeIssues(envelope.error)}` });
    }
    const { id, method } = envelope.data;
    if (draining)
      return failure(id, { code: 'UNAVAILABLE', message: 'Izzie is shutting down; try again when it has restarted.' });
    if (!isMethodName(method)) return failure(id, { code: 'UNKNOWN_METHOD', message: `Unknown method "${clip(method, 80)}".` });

    const spec: MethodSpec = contract[method];
    // An absent `params` means {}; null or any other non-object is refused by the schema.
    const params = spec.input.safeParse(envelope.data.params === undefined ? {} : envelope.data.params);
    if (!params.success) {
      return failure(id, { code: 'INVALID_INPUT', message: `Invalid input for ${method}: ${describeIssues(params.error)}` });
    }

    let outcome: RpcResponse;
    try {
      const handler = handlers[method] as Handler<MethodName>;
      const value = await handler(params.data as never, ctx);
      const checked = spec.output.safeParse(value);
      if (!checked.success) {
        deps.log.error('handler returned a result outside the contract', { method, issues: describeIssues(checked.error) });
        outcome = failure(id, internalError());
      } else {
        outcome = { type: 'response', id, ok: true, value: checked.data };
      }
    } catch (error) {
      outcome = failure(id, toErrorBody(error, method, deps.log));
    }
    if (spec.kind === 'mutation') audit(method, spec, params.data, outcome);
    return outcome;
  }

  function audit(method: string, spec: MethodSpec, params: unknown, outcome: RpcResponse): void {
    try {
      deps.audit.append({
        actor: 'user',
        action: method,
        input: spec.sensitiveInput && params && typeof params === 'object' ? { keys: Object.keys(params) } : params,
        success: outcome.ok,
        ...(outcome.ok ? {} : { error: `${outcome.error.code}: ${outcome.error.message}` }),
      });
    } catch (error) {
      deps.log.error('could not write the audit entry for a mutation', { method, error });
    }
  }

  return {
    async handle(raw) {
      inFlight++;
      try {
        return await dispatch(raw);
      } finally {
        inFlight--;
        if (draining && inFlight === 0) drained?.();
      }
    },
    drain() {
      draining = true;
      if (inFlight === 0) return Promise.resolve();
      return new Promise<void>((resolve) => {
        drained = resolve;
      });
    },
  };
}

function failure(id: RequestId | null, error: RpcErrorBody): RpcResponse {
  return { type: 'response', id, ok: false, error: { code: error.code, message: clip(error.message, MAX_ERROR_MESSAGE) } };
}

function toErrorBody(error: unknown, method: string, log: Logger): RpcErrorBody {
  if (error instanceof CoreError) return { code: error.code, message: error.message };
  log.error('unexpected error in a handler', { method, error });
  return internalError();
}

function internalError(): RpcErrorBody {
  return {
    code: 'INTERNAL',
    message: 'Something went wrong inside Izzie. The details are in the log file (Settings shows where).',
  };
}

function idOf(raw: unknown): RequestId | null {
  if (raw === null || typeof raw !== 'object' || !Object.hasOwn(raw, 'id')) return null;
  const parsed = RequestId.safeParse((raw as { id: unknown }).id);
  return parsed.success ? parsed.data : null;
}

/** A short, human summary of what was wrong; never echoes the (possibly huge) input itself. */
function describeIssues(error: z.ZodError): string {
  const parts = error.issues.slice(0, 3).map((issue) => {
    const path = issue.path.length > 0 ? issue.path.map(String).join('.') : 'input';
    return `${clip(path, 60)}: ${clip(issue.message, 160)}`;
  });
  const more = error.issues.length > 3 ? ` (and ${error.issues.length - 3} more)` : '';
  return parts.join('; ') + more;
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
