import type { OperatingMode, Persona } from '../../shared';

/** Where a tool call comes from: a chat thread the person is in, or an engine run. */
export type CallOrigin =
  | { readonly kind: 'chat'; readonly threadId: string; readonly summary: string }
  | { readonly kind: 'engine'; readonly runId: string; readonly eventId: string | null; readonly summary: string };

/** Everything the policy gate decides a call by, besides the call itself. */
export interface CallContext {
  readonly persona: Persona;
  readonly mode: OperatingMode;
  readonly signal: AbortSignal;
  readonly origin: CallOrigin;
  /**
   * How sure the model that asked is (an engine run's classification); null in chat, where the
   * person asked for it themselves and is there to see it.
   */
  readonly confidence: number | null;
  readonly toolCallId?: string;
  readonly messageId?: string;
}

/** The taint context key: `thread:<id>` or `run:<id>`. */
export function contextKey(origin: CallOrigin): string {
  return origin.kind === 'chat' ? `thread:${origin.threadId}` : `run:${origin.runId}`;
}

/** The thread or run id tools are told (`ToolContext.threadId`). */
export function originId(origin: CallOrigin): string {
  return origin.kind === 'chat' ? origin.threadId : origin.runId;
}
