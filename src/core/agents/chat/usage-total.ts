import type { MessageUsage } from '../../../shared';
import type { ModelCallResult } from '../../models/model-types';

/** What a reply cost, summed over its tool rounds; the model named is the last one that answered. */
export class UsageTotal {
  private total: MessageUsage | null = null;

  add(result: ModelCallResult): void {
    const previous = this.total;
    this.total = {
      model: result.model,
      promptTokens: (previous?.promptTokens ?? 0) + result.usage.promptTokens,
      completionTokens: (previous?.completionTokens ?? 0) + result.usage.completionTokens,
      // The cost is known only if every round reported one (OpenRouter does; Ollama does not).
      costUsd:
        previous === null
          ? result.usage.costUsd
          : previous.costUsd === null || result.usage.costUsd === null
            ? null
            : previous.costUsd + result.usage.costUsd,
      latencyMs: (previous?.latencyMs ?? 0) + result.latencyMs,
    };
  }

  value(): MessageUsage | null {
    return this.total;
  }
}
