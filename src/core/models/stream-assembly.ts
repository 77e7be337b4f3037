import type { ChatCompletionChunk } from 'openai/resources/chat/completions';
import type { ToolCallRequest } from './model-types';

interface PartialToolCall {
  id: string;
  name: string;
  arguments: string;
}

export interface AssembledReply {
  readonly text: string;
  readonly toolCalls: readonly ToolCallRequest[];
  readonly finishReason: string | null;
  readonly promptTokens: number | null;
  readonly completionTokens: number | null;
  readonly costUsd: number | null;
}

/**
 * Folds streamed chunks into one reply. Tool calls arrive as deltas keyed by `index`: the first
 * carries id and name, later ones carry argument fragments to concatenate.
 */
export class StreamAssembler {
  private text = '';
  private readonly calls = new Map<number, PartialToolCall>();
  private finishReason: string | null = null;
  private usage: ChatCompletionChunk['usage'] = null;

  /** Returns the text delta in this chunk ('' when none). */
  add(chunk: ChatCompletionChunk): string {
    if (chunk.usage) this.usage = chunk.usage;
    const choice = chunk.choices[0];
    if (!choice) return '';
    if (choice.finish_reason) this.finishReason = choice.finish_reason;
    (choice.delta.tool_calls ?? []).forEach((delta, position) => {
      // Some servers omit `index` when a chunk carries a single call; its position stands in.
      const index = typeof delta.index === 'number' ? delta.index : position;
      const call = this.calls.get(index) ?? { id: '', name: '', arguments: '' };
      if (delta.id && !call.id) call.id = delta.id;
      if (delta.function?.name && !call.name) call.name = delta.function.name;
      if (delta.function?.arguments) call.arguments += delta.function.arguments;
      this.calls.set(index, call);
    });
    const delta = choice.delta.content ?? '';
    this.text += delta;
    return delta;
  }

  get finished(): boolean {
    return this.finishReason !== null;
  }

  result(): AssembledReply {
    const toolCalls = [...this.calls.entries()]
      .sort(([a], [b]) => a - b)
      .map(([index, call]) => ({ id: call.id || `call_${index}`, name: call.name, arguments: call.arguments }));
    return {
      text: this.text,
      toolCalls,
      finishReason: this.finishReason,
      promptTokens: this.usage?.prompt_tokens ?? null,
      completionTokens: this.usage?.completion_tokens ?? null,
      costUsd: costOf(this.usage),
    };
  }
}

/** OpenRouter adds `usage.cost` (USD); the SDK's type does not know it. */
function costOf(usage: unknown): number | null {
  if (typeof usage !== 'object' || usage === null || !('cost' in usage)) return null;
  const cost = usage.cost;
  return typeof cost === 'number' && Number.isFinite(cost) ? cost : null;
}
