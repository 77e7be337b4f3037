/**
 * A provider-neutral token estimate: about four characters per token for English text, plus a
 * little per message for role framing. Used only to keep a thread inside its context budget, so
 * it errs on the generous side rather than counting exactly.
 */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4) + 4;
}
