import { CoreError } from '../src/core/errors';
import type {
  ModelCallRequest,
  ModelCallResult,
  ModelRouter,
  ModelStreamEvent,
  ToolCallRequest,
} from '../src/core/models/model-types';

export type ScriptedStep =
  | {
      readonly text: string;
      readonly chunks?: readonly string[];
      readonly toolCalls?: readonly ToolCallRequest[];
      readonly costUsd?: number | null;
      readonly latencyMs?: number;
    }
  | { readonly error: CoreError }
  /** Streams `text` (chunks `gapMs` apart, default 40), then waits until the request is aborted (a hanging provider). */
  | { readonly hangAfter: string | readonly string[]; readonly gapMs?: number };

/**
 * A ModelRouter that answers from a script, for tests of the agents above the model layer (the
 * model layer itself is tested against the fake HTTP server). It records every request.
 */
export function scriptedRouter(
  steps: ScriptedStep[] = [],
): ModelRouter & { readonly requests: ModelCallRequest[]; push(...s: ScriptedStep[]): void } {
  const queue = [...steps];
  const requests: ModelCallRequest[] = [];
  return {
    requests,
    push: (...more) => void queue.push(...more),
    async complete(request: ModelCallRequest, onEvent?: (event: ModelStreamEvent) => void): Promise<ModelCallResult> {
      requests.push(request);
      if (request.signal?.aborted) throw new CoreError('CANCELLED', 'Stopped.');
      const step = queue.shift();
      if (!step) throw new CoreError('PROVIDER_UNAVAILABLE', 'scripted router: nothing scripted for this call');
      if ('error' in step) throw step.error;
      if ('hangAfter' in step) {
        const chunks = typeof step.hangAfter === 'string' ? [step.hangAfter] : step.hangAfter;
        for (const [i, delta] of chunks.entries()) {
          if (i > 0) await new Promise((resolve) => setTimeout(resolve, step.gapMs ?? 40));
          onEvent?.({ type: 'text', delta });
        }
        await new Promise<void>((_, reject) => {
          const abort = () => reject(new CoreError('CANCELLED', 'Stopped.'));
          if (request.signal?.aborted) abort();
          request.signal?.addEventListener('abort', abort, { once: true });
        });
      }
      const { text, chunks, toolCalls, costUsd, latencyMs } = step as Extract<ScriptedStep, { text: string }>;
      for (const chunk of chunks ?? (text ? [text] : [])) onEvent?.({ type: 'text', delta: chunk });
      return {
        text,
        toolCalls: toolCalls ?? [],
        usage: { promptTokens: 100, completionTokens: 20, costUsd: costUsd === undefined ? 0.001 : costUsd },
        provider: 'scripted',
        model: `scripted/${request.tier ?? request.task}`,
        tier: request.tier ?? 'standard',
        latencyMs: latencyMs ?? 5,
        finishReason: toolCalls?.length ? 'tool_calls' : 'stop',
      };
    },
  };
}
