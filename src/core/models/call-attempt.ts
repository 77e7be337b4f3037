import { APIConnectionTimeoutError, type OpenAI } from 'openai';
import type { ChatCompletionCreateParamsStreaming } from 'openai/resources/chat/completions';
import { IncompleteStreamError } from './attempt-failure';
import { StreamAssembler, type AssembledReply } from './stream-assembly';

export type AttemptOutcome =
  | { readonly ok: true; readonly reply: AssembledReply }
  | { readonly ok: false; readonly reason: 'cancelled' | 'timeout' }
  | { readonly ok: false; readonly reason: 'failed'; readonly error: unknown };

export interface AttemptInput {
  readonly client: OpenAI;
  readonly body: ChatCompletionCreateParamsStreaming;
  /** Longest silence allowed: before the answer starts, and between two chunks of it. */
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
  readonly onText: (delta: string) => void;
}

/**
 * One HTTP attempt, streamed. The timeout is an inactivity timeout rather than a deadline for the
 * whole reply: a long answer that keeps streaming is healthy, a silent connection is not. The SDK's
 * own timeout only covers the wait for response headers, so the body is guarded here. The caller's
 * signal aborts the request itself; the SDK then ends the stream quietly, hence the checks after it.
 */
export async function runAttempt(input: AttemptInput): Promise<AttemptOutcome> {
  const controller = new AbortController();
  let timedOut = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, input.timeoutMs);
  };
  const forwardAbort = () => controller.abort();
  input.signal?.addEventListener('abort', forwardAbort, { once: true });
  const stopped = (): AttemptOutcome | null =>
    input.signal?.aborted ? { ok: false, reason: 'cancelled' } : timedOut ? { ok: false, reason: 'timeout' } : null;
  try {
    if (input.signal?.aborted) return { ok: false, reason: 'cancelled' };
    arm();
    const stream = await input.client.chat.completions.create(input.body, { signal: controller.signal });
    const assembler = new StreamAssembler();
    for await (const chunk of stream) {
      arm();
      const delta = assembler.add(chunk);
      if (delta && !controller.signal.aborted) input.onText(delta);
    }
    const interrupted = stopped();
    if (interrupted) return interrupted;
    if (!assembler.finished) throw new IncompleteStreamError();
    return { ok: true, reply: assembler.result() };
  } catch (error) {
    const interrupted = stopped();
    if (interrupted) return interrupted;
    if (error instanceof APIConnectionTimeoutError) return { ok: false, reason: 'timeout' };
    return { ok: false, reason: 'failed', error };
  } finally {
    clearTimeout(timer);
    input.signal?.removeEventListener('abort', forwardAbort);
  }
}
