import type { ChatCompletionCreateParamsStreaming } from 'openai/resources/chat/completions';
import type { AuditLog } from '../audit/audit-log';
import type { Logger } from '../log/logger';
import type { Clock } from '../ports';
import { classifyFailure, type AttemptFailure } from './attempt-failure';
import { runAttempt, type AttemptOutcome } from './call-attempt';
import type { ModelConfigService, ProviderConnection } from './model-config-service';
import { auditError, cancelled, exhausted, formatDuration, notRetryable, waitTooLong, type CallContext } from './model-errors';
import {
  TIER_FOR_TASK,
  type ModelCallRequest,
  type ModelCallResult,
  type ModelRouter,
  type ModelStreamEvent,
  type TierConfig,
} from './model-types';
import { toSdkMessages, toSdkTools } from './message-mapping';
import { createOpenAIClient } from './openai-client';
import { abortableSleep, backoffDelayMs, DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry-policy';

export interface ModelRouterDeps {
  readonly config: Pick<ModelConfigService, 'tier' | 'connect'>;
  readonly audit: Pick<AuditLog, 'append'>;
  readonly clock: Clock;
  readonly log?: Logger;
  readonly retry?: Partial<RetryPolicy>;
  /** Test seam: waits between attempts; must return early when the signal fires. */
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Test seam: jitter source in [0, 1). */
  readonly random?: () => number;
}

interface Leg {
  readonly model: string;
  readonly attempts: number;
}

/**
 * Task → tier → model, over any OpenAI-compatible provider. Each attempt streams; 429/5xx, dropped
 * connections and timeouts are retried with backoff (Retry-After wins), then the tier's fallback
 * model gets one attempt. A fired signal ends everything at once and is never followed by a retry.
 *
 * Text streamed by an attempt that then fails is void: a `retry` or `fallback` event tells the
 * listener to discard what it has shown, because the next attempt starts the reply over.
 */
export class OpenAIModelRouter implements ModelRouter {
  private readonly policy: RetryPolicy;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  private readonly random: () => number;

  constructor(private readonly deps: ModelRouterDeps) {
    this.policy = { ...DEFAULT_RETRY_POLICY, ...deps.retry };
    this.sleep = deps.sleep ?? abortableSleep;
    this.random = deps.random ?? Math.random;
  }

  async complete(request: ModelCallRequest, onEvent?: (event: ModelStreamEvent) => void): Promise<ModelCallResult> {
    const { signal } = request;
    if (signal?.aborted) throw cancelled();
    const tier = request.tier ?? TIER_FOR_TASK[request.task];
    const tierConfig = this.deps.config.tier(tier);
    const connection = await this.deps.config.connect();
    if (signal?.aborted) throw cancelled();
    const ctx: CallContext = { label: connection.label, tier };
    const emit = (event: ModelStreamEvent) => {
      try {
        onEvent?.(event);
      } catch (error) {
        this.deps.log?.error('a model stream listener threw', { error });
      }
    };

    const legs: Leg[] = [{ model: tierConfig.model, attempts: Math.max(1, this.policy.maxAttempts) }];
    if (tierConfig.fallbackModel && tierConfig.fallbackModel !== tierConfig.model) {
      legs.push({ model: tierConfig.fallbackModel, attempts: 1 });
    }
    const client = createOpenAIClient(connection);
    const failures: Array<{ model: string; failure: AttemptFailure }> = [];
    let attempt = 0;

    for (const [legIndex, leg] of legs.entries()) {
      if (legIndex > 0) emit({ type: 'fallback', model: leg.model });
      for (let tryOnModel = 1; tryOnModel <= leg.attempts; tryOnModel++) {
        attempt++;
        const started = this.deps.clock.now();
        const outcome = await runAttempt({
          client,
          body: this.body(connection, tierConfig, leg.model, request),
          timeoutMs: connection.timeoutMs,
          signal,
          onText: (delta) => emit({ type: 'text', delta }),
        });
        const latencyMs = this.deps.clock.now() - started;
        const audit = { connection, tier, request, attempt, model: leg.model, latencyMs };

        if (outcome.ok) {
          const { reply } = outcome;
          this.record(audit, {
            success: true,
            tokensIn: reply.promptTokens,
            tokensOut: reply.completionTokens,
            costUsd: reply.costUsd,
          });
          return {
            text: reply.text,
            toolCalls: reply.toolCalls,
            usage: {
              promptTokens: reply.promptTokens ?? 0,
              completionTokens: reply.completionTokens ?? 0,
              costUsd: reply.costUsd,
            },
            provider: connection.kind,
            model: leg.model,
            tier,
            latencyMs,
            finishReason: reply.finishReason,
          };
        }

        const failure = this.failureOf(outcome, connection);
        this.record(audit, { success: false, error: auditError(failure) });
        if (signal?.aborted) throw cancelled();
        if (!failure.retryable) throw notRetryable(failure, leg.model, ctx);
        failures.push({ model: leg.model, failure });
        this.deps.log?.warn('model call attempt failed', {
          provider: connection.kind,
          model: leg.model,
          tier,
          attempt,
          error: auditError(failure),
        });
        if (tryOnModel === leg.attempts) continue;

        const waitMs = failure.retryAfterMs ?? backoffDelayMs(tryOnModel, this.policy, this.random);
        if (waitMs > this.policy.maxRetryAfterMs) throw waitTooLong(failure, waitMs, this.deps.clock.now(), ctx);
        emit({ type: 'retry', attempt: attempt + 1, delayMs: waitMs, reason: auditError(failure) });
        await this.sleep(waitMs, signal);
        if (signal?.aborted) throw cancelled();
      }
    }
    throw exhausted(failures, ctx);
  }

  private failureOf(outcome: Exclude<AttemptOutcome, { ok: true }>, connection: ProviderConnection): AttemptFailure {
    if (outcome.reason === 'failed') {
      return classifyFailure(outcome.error, { now: this.deps.clock.now(), apiKey: connection.apiKey });
    }
    const base = { status: null, retryAfterMs: null };
    return outcome.reason === 'timeout'
      ? { ...base, kind: 'timeout', retryable: true, detail: `no answer within ${formatDuration(connection.timeoutMs)}` }
      : { ...base, kind: 'cancelled', retryable: false, detail: 'stopped by the user' };
  }

  private body(
    connection: ProviderConnection,
    tier: TierConfig,
    model: string,
    request: ModelCallRequest,
  ): ChatCompletionCreateParamsStreaming {
    const tools = request.tools && request.tools.length > 0 ? { tools: toSdkTools(request.tools) } : {};
    // OpenAI's newer models refuse `max_tokens`; OpenRouter, Ollama and most compatible servers only know it.
    const limit = connection.kind === 'openai' ? { max_completion_tokens: tier.maxTokens } : { max_tokens: tier.maxTokens };
    return {
      model,
      messages: toSdkMessages(request.messages),
      ...limit,
      temperature: tier.temperature,
      ...tools,
      stream: true,
      stream_options: { include_usage: true },
    };
  }

  /** One audit entry per HTTP attempt: what was asked of whom and how it went; never the prompt or key. */
  private record(
    entry: {
      connection: ProviderConnection;
      tier: string;
      request: ModelCallRequest;
      attempt: number;
      model: string;
      latencyMs: number;
    },
    outcome: { success: boolean; tokensIn?: number | null; tokensOut?: number | null; costUsd?: number | null; error?: string },
  ): void {
    const { connection, tier, request, attempt, model, latencyMs } = entry;
    this.deps.audit.append({
      actor: 'izzie',
      action: 'model.call',
      model,
      latencyMs,
      success: outcome.success,
      input: {
        provider: connection.kind,
        tier,
        task: request.task,
        purpose: request.purpose,
        attempt,
        correlationId: request.correlationId ?? null,
      },
      ...(typeof outcome.tokensIn === 'number' ? { tokensIn: outcome.tokensIn } : {}),
      ...(typeof outcome.tokensOut === 'number' ? { tokensOut: outcome.tokensOut } : {}),
      ...(typeof outcome.costUsd === 'number' ? { costUsd: outcome.costUsd } : {}),
      ...(outcome.error === undefined ? {} : { error: outcome.error }),
      ...(request.trace ? { trace: request.trace } : {}),
    });
  }
}
