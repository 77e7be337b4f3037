/**
 * The model layer's vocabulary (seed: Model Selection Logic). Agents ask for a *task*; the router
 * picks the tier, the tier names a model, the provider serves it. Messages and tools use the
 * OpenAI chat-completions shapes, which every supported provider speaks.
 */
import { TIERS, type AuditTrace, type Tier } from '../../shared';

export { TIERS, type Tier };

export const TASKS = [
  'classification',
  'extraction',
  'summarization',
  'scheduling',
  'notification',
  'drafting',
  'planning',
  'reasoning',
  'decision',
  'chat',
] as const;
export type TaskType = (typeof TASKS)[number];

/** The seed's selectModel, plus `chat` (the seed's default branch: standard). */
export const TIER_FOR_TASK: Readonly<Record<TaskType, Tier>> = {
  classification: 'cheap',
  extraction: 'cheap',
  summarization: 'cheap',
  scheduling: 'standard',
  notification: 'standard',
  drafting: 'standard',
  planning: 'thinking',
  reasoning: 'thinking',
  decision: 'thinking',
  chat: 'standard',
};

export interface TierConfig {
  readonly tier: Tier;
  readonly model: string;
  readonly maxTokens: number;
  readonly temperature: number;
  /** Tried once the primary model has exhausted its retries. */
  readonly fallbackModel: string | null;
}

/** The seed's modelTiers, as OpenRouter model ids. */
export const DEFAULT_TIERS: Readonly<Record<Tier, TierConfig>> = {
  thinking: { tier: 'thinking', model: 'anthropic/claude-opus-4.5', maxTokens: 8192, temperature: 0.7, fallbackModel: null },
  standard: { tier: 'standard', model: 'anthropic/claude-sonnet-4', maxTokens: 4096, temperature: 0.5, fallbackModel: null },
  cheap: { tier: 'cheap', model: 'mistralai/mistral-small', maxTokens: 2048, temperature: 0.3, fallbackModel: null },
};

export type ChatRole = 'system' | 'user' | 'assistant' | 'tool';

export interface ToolCallRequest {
  readonly id: string;
  readonly name: string;
  /** Raw JSON text as the model produced it; may be invalid and must be parsed defensively. */
  readonly arguments: string;
}

export type ModelMessage =
  | { readonly role: 'system'; readonly content: string }
  | { readonly role: 'user'; readonly content: string }
  | { readonly role: 'assistant'; readonly content: string | null; readonly toolCalls?: readonly ToolCallRequest[] }
  | { readonly role: 'tool'; readonly toolCallId: string; readonly content: string };

export interface ToolDefinition {
  readonly name: string;
  readonly description: string;
  /** JSON Schema of the arguments object. */
  readonly parameters: Readonly<Record<string, unknown>>;
}

export interface ModelCallRequest {
  readonly task: TaskType;
  /** Overrides the task's tier. */
  readonly tier?: Tier;
  readonly messages: readonly ModelMessage[];
  readonly tools?: readonly ToolDefinition[];
  /** Aborting stops the request at once and prevents any further retry. */
  readonly signal?: AbortSignal;
  /** What the call is for, recorded in the audit log (e.g. `chat.reply`, `chat.summarize`). */
  readonly purpose: string;
  /** Correlates audit entries (e.g. the thread or run id). */
  readonly correlationId?: string;
  /** What the call answers (the reply or the run), so the audit's "why" chain can show it. */
  readonly trace?: AuditTrace;
}

export interface ModelUsage {
  readonly promptTokens: number;
  readonly completionTokens: number;
  /** USD, when the provider reports it (OpenRouter does); otherwise null. */
  readonly costUsd: number | null;
}

export interface ModelCallResult {
  readonly text: string;
  readonly toolCalls: readonly ToolCallRequest[];
  readonly usage: ModelUsage;
  readonly provider: string;
  readonly model: string;
  readonly tier: Tier;
  readonly latencyMs: number;
  readonly finishReason: string | null;
}

export type ModelStreamEvent =
  | { readonly type: 'text'; readonly delta: string }
  | { readonly type: 'retry'; readonly attempt: number; readonly delayMs: number; readonly reason: string }
  | { readonly type: 'fallback'; readonly model: string };

/**
 * What agents use. Failures are CoreErrors: PROVIDER_NOT_CONFIGURED (no provider/key),
 * PROVIDER_UNAVAILABLE (after retries and fallback; the message says what the provider answered),
 * CANCELLED (the signal fired). Every HTTP attempt is written to the audit log.
 */
export interface ModelRouter {
  complete(request: ModelCallRequest, onEvent?: (event: ModelStreamEvent) => void): Promise<ModelCallResult>;
}
