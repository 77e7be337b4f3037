import type { MessageUsage } from '../../../../shared';

/** "model · 1,234 tokens · $0.0012 · 1.4 s" for the reply footer, with exact numbers for a tooltip. */
export function describeUsage(usage: MessageUsage): { text: string; title: string } {
  const total = usage.promptTokens + usage.completionTokens;
  const parts = [
    usage.model,
    `${total.toLocaleString('en')} ${total === 1 ? 'token' : 'tokens'}`,
    usage.costUsd === null ? null : formatCost(usage.costUsd),
    formatDuration(usage.latencyMs),
  ];
  const title = [
    `Model: ${usage.model}`,
    `Tokens: ${usage.promptTokens.toLocaleString('en')} prompt + ${usage.completionTokens.toLocaleString('en')} completion`,
    usage.costUsd === null ? 'Cost: not reported by the provider' : `Cost: $${usage.costUsd} (as reported by the provider)`,
    `Latency: ${usage.latencyMs.toLocaleString('en')} ms`,
  ];
  return { text: parts.filter((part) => part !== null).join(' · '), title: title.join('\n') };
}

export function formatCost(usd: number): string {
  if (usd === 0) return '$0';
  if (usd < 0.0001) return '<$0.0001';
  return usd < 1 ? `$${usd.toFixed(4)}` : `$${usd.toFixed(2)}`;
}

export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}
