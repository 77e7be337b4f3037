import { randomUUID } from 'node:crypto';
import type { Message, Persona, ToolCall } from '../../../shared';
import type { ThreadsService } from '../../chat/threads-service';
import { CoreError } from '../../errors';
import type { EventHub } from '../../events/event-hub';
import type { Logger } from '../../log/logger';
import type { ModelMessage, ModelRouter, ModelStreamEvent } from '../../models/model-types';
import type { Clock } from '../../ports';
import type { MessagesRepo } from '../../store/messages-repo';
import type { PersonasService } from '../personas/personas-service';
import type { PolicyGate } from '../../policy/policy-gate';
import type { ContextBuilder } from './context-builder';
import { UsageTotal } from './usage-total';

export interface ChatAgentDeps {
  readonly messages: MessagesRepo;
  readonly threads: ThreadsService;
  readonly personas: PersonasService;
  readonly router: ModelRouter;
  readonly tools: Pick<PolicyGate, 'definitions' | 'displayName' | 'call'>;
  readonly context: ContextBuilder;
  readonly events: EventHub;
  readonly clock: Clock;
  readonly log: Logger;
  /** Told about every completed exchange (memory extraction); must return at once and never throw. */
  readonly afterExchange?: (exchange: {
    threadId: string;
    threadTitle: string;
    persona: Persona;
    user: Message;
    reply: Message;
  }) => void;
  readonly maxToolRounds: number;
}

const STREAM_SAVE_INTERVAL_MS = 1000;

interface Run {
  readonly controller: AbortController;
  readonly done: Promise<void>;
}

/**
 * Produces Izzie's replies in chat: one run per thread at a time, streamed to the renderer as
 * `chat.delta` events, with tool calls looped back to the model (at most `maxToolRounds` rounds).
 * A run ends complete, stopped (the user pressed Stop; what arrived is kept) or failed (the user's
 * message carries the reason, so the UI can offer Retry). Failures are reported, never swallowed.
 */
export class ChatAgent {
  private readonly runs = new Map<string, Run>();

  constructor(private readonly deps: ChatAgentDeps) {}

  isReplying(threadId: string): boolean {
    return this.runs.has(threadId);
  }

  /** Starts answering the thread's last user message in the background. */
  startReply(threadId: string, userMessage: Message): void {
    if (this.runs.has(threadId))
      throw new CoreError('CONFLICT', 'Izzie is still replying in this chat. Stop it first, or wait for it to finish.');
    const controller = new AbortController();
    const done = this.reply(threadId, userMessage, controller.signal)
      .catch((error: unknown) => this.deps.log.error('a reply run failed unexpectedly', { threadId, error }))
      .finally(() => this.runs.delete(threadId));
    this.runs.set(threadId, { controller, done });
  }

  stop(threadId: string): boolean {
    const run = this.runs.get(threadId);
    run?.controller.abort();
    return run !== undefined;
  }

  /** Stops every run and waits until each has saved what it had (used when the core stops). */
  async stopAll(): Promise<void> {
    const runs = [...this.runs.values()];
    for (const run of runs) run.controller.abort();
    await Promise.all(runs.map((r) => r.done));
  }

  private async reply(threadId: string, userMessage: Message, signal: AbortSignal): Promise<void> {
    const { messages, events, clock } = this.deps;
    const thread = this.deps.threads.require(threadId);
    const persona = this.deps.personas.get(thread.persona);
    const reply: Message = {
      id: randomUUID(),
      threadId,
      role: 'assistant',
      content: '',
      createdAt: Math.max(clock.now(), (messages.latestCreatedAt(threadId) ?? 0) + 1),
      deliveryError: null,
      status: 'streaming',
      usage: null,
      toolCalls: [],
    };
    messages.insert(reply);
    events.emit('messages.added', { message: reply });
    const activity = (
      state: 'thinking' | 'streaming' | 'tool' | 'retrying' | 'summarizing' | 'idle',
      notice: string | null = null,
    ) => events.emit('chat.activity', { threadId, messageId: reply.id, state, notice });
    activity('thinking');

    let content = '';
    let savedAt = clock.now();
    const toolCalls: ToolCall[] = [];
    const usage = new UsageTotal();
    const snapshot = (status: Message['status']): Message => ({
      ...reply,
      content,
      status,
      usage: usage.value(),
      toolCalls: [...toolCalls],
    });
    try {
      const history = messages.all(threadId).filter((m) => m.id !== reply.id);
      const built = await this.deps.context.build({
        threadId,
        persona,
        mode: thread.mode,
        history,
        signal,
        onSummarizing: () => activity('summarizing', 'Summarizing older messages to fit the context budget…'),
      });
      if (built.notice) activity('thinking', built.notice);
      const conversation: ModelMessage[] = [...built.messages];
      const tools = this.deps.tools.definitions(persona, thread.mode);

      for (let round = 0; ; round++) {
        if (round === this.deps.maxToolRounds) {
          content += `${content ? '\n\n' : ''}_I stopped after ${this.deps.maxToolRounds} rounds of tool calls without a final answer._`;
          break;
        }
        let streamed = false;
        const roundStart = content.length;
        const onEvent = (event: ModelStreamEvent): void => {
          if (event.type === 'text') {
            if (!streamed) activity('streaming');
            streamed = true;
            content += event.delta;
            events.emit('chat.delta', { threadId, messageId: reply.id, delta: event.delta });
            // Saved as it streams (at most once a second), so a renderer that reconnects, or a
            // restart after a crash, finds the text that had already arrived.
            if (clock.now() - savedAt >= STREAM_SAVE_INTERVAL_MS) {
              savedAt = clock.now();
              messages.update(snapshot('streaming'));
            }
            return;
          }
          // A retry or fallback starts this round's answer over: drop what it streamed so far, and
          // send the renderer the message as it now stands.
          if (content.length > roundStart) {
            content = content.slice(0, roundStart);
            events.emit('messages.updated', { message: snapshot('streaming') });
          }
          streamed = false;
          if (event.type === 'retry') {
            activity(
              'retrying',
              `The model provider answered ${event.reason}; trying again in ${Math.max(1, Math.round(event.delayMs / 1000))} s.`,
            );
          } else {
            activity('thinking', `Switched to the fallback model ${event.model}.`);
          }
        };
        const result = await this.deps.router.complete(
          {
            task: 'chat',
            purpose: 'chat.reply',
            correlationId: threadId,
            trace: { threadId, messageId: reply.id },
            signal,
            messages: conversation,
            ...(tools.length > 0 ? { tools } : {}),
          },
          onEvent,
        );
        usage.add(result);
        if (result.toolCalls.length === 0) break;

        conversation.push({ role: 'assistant', content: result.text || null, toolCalls: result.toolCalls });
        for (const call of result.toolCalls) {
          const card: ToolCall = {
            id: randomUUID(),
            name: this.deps.tools.displayName(call.name),
            arguments: call.arguments,
            result: null,
            status: 'running',
            startedAt: clock.now(),
            durationMs: null,
          };
          const seq = toolCalls.push(card) - 1;
          messages.upsertToolCall(reply.id, seq, card);
          events.emit('messages.updated', { message: snapshot('streaming') });
          activity('tool', `Using ${card.name}…`);
          const outcome = await this.deps.tools.call(call.name, call.arguments, {
            persona,
            mode: thread.mode,
            signal,
            origin: { kind: 'chat', threadId, summary: `Chat: ${thread.title}` },
            confidence: null,
            toolCallId: card.id,
            messageId: reply.id,
          });
          const finished = messages.upsertToolCall(reply.id, seq, {
            ...card,
            result: outcome.result,
            status: outcome.status,
            durationMs: clock.now() - card.startedAt,
          });
          toolCalls[seq] = finished;
          events.emit('messages.updated', { message: snapshot('streaming') });
          conversation.push({ role: 'tool', toolCallId: call.id, content: outcome.result });
        }
        if (signal.aborted) throw new CoreError('CANCELLED', 'Stopped.');
        if (content !== '' && !content.endsWith('\n')) content += '\n\n';
      }
      if (content.trim() === '' && toolCalls.length === 0) {
        throw new CoreError(
          'PROVIDER_UNAVAILABLE',
          'The model returned an empty reply. Try again, or choose another model in Settings.',
        );
      }
      const complete = snapshot('complete');
      this.finish(complete, userMessage, null);
      this.deps.afterExchange?.({ threadId, threadTitle: thread.title, persona, user: userMessage, reply: complete });
    } catch (error) {
      if (error instanceof CoreError && error.code === 'CANCELLED') {
        this.finish(snapshot('stopped'), userMessage, null);
      } else {
        const reason =
          error instanceof CoreError
            ? { code: error.code, message: error.message }
            : { code: 'INTERNAL', message: 'The reply failed unexpectedly. The details are in the log file.' };
        if (!(error instanceof CoreError)) this.deps.log.error('reply failed', { threadId, error });
        this.finish(snapshot('error'), userMessage, reason);
      }
    } finally {
      activity('idle');
    }
  }

  private finish(reply: Message, userMessage: Message, failure: { code: string; message: string } | null): void {
    const { messages, events } = this.deps;
    messages.update(reply);
    events.emit('messages.updated', { message: reply });
    const current = messages.get(userMessage.id);
    if (current && (failure !== null || current.deliveryError !== null)) {
      const updated: Message = { ...current, deliveryError: failure };
      messages.update(updated);
      events.emit('messages.updated', { message: updated });
    }
    if (this.deps.threads.exists(reply.threadId)) this.deps.threads.touch(reply.threadId, this.deps.clock.now());
  }
}
