import type { Message, OperatingMode, Persona } from '../../../shared';
import type { ModelMessage, ModelRouter } from '../../models/model-types';
import type { Clock } from '../../ports';
import { MODE_INSTRUCTIONS, STYLE_INSTRUCTIONS } from '../personas/persona-defaults';
import type { MemoryContextProvider } from './memory-hook';
import { estimateTokens } from './token-estimate';

export interface ThreadSummary {
  readonly coversUntil: number;
  readonly summary: string;
}

export interface SummaryStore {
  get(threadId: string): ThreadSummary | null;
  put(threadId: string, summary: ThreadSummary): void;
}

export interface BuiltContext {
  readonly messages: ModelMessage[];
  /** Set when older turns were summarized or left out, so the UI can say so. */
  readonly notice: string | null;
}

export interface ContextInput {
  readonly threadId: string;
  readonly persona: Persona;
  readonly mode: OperatingMode;
  /** The thread so far, oldest first, ending with the user message being answered. */
  readonly history: readonly Message[];
  readonly signal: AbortSignal;
  readonly onSummarizing: () => void;
}

/** How the model cites memories (the UI turns `memory:` links into buttons that open the memory). */
export const MEMORY_USE =
  'When your answer relies on a remembered fact, cite it as a Markdown link [source](memory:ID) with its id. ' +
  'If the user asks you to forget something, call memory_forget with the ids of the matching memories.';

/**
 * Builds what the model sees: the persona's system prompt with the mode and style, the time, what
 * memory knows, then as much of the thread as fits the budget. Older turns that no longer fit are
 * summarized by the cheap tier (and the summary kept, so it is extended rather than redone).
 */
export class ContextBuilder {
  constructor(
    private readonly deps: {
      router: ModelRouter;
      memory: MemoryContextProvider;
      summaries: SummaryStore;
      clock: Clock;
      historyBudgetTokens: number;
    },
  ) {}

  async build(input: ContextInput): Promise<BuiltContext> {
    const last = input.history.at(-1);
    const memories = last
      ? await this.deps.memory.contextFor({ threadId: input.threadId, persona: input.persona, text: last.content })
      : [];
    const system = [
      input.persona.systemPrompt,
      STYLE_INSTRUCTIONS[input.persona.communicationStyle],
      MODE_INSTRUCTIONS[input.mode],
      `The current time is ${new Date(this.deps.clock.now()).toISOString()}.`,
      ...(memories.length > 0
        ? [
            'What you remember that may be relevant (each with its id in brackets):',
            ...memories.map((m) => `- [${m.id}] ${m.text} (source: ${m.source})`),
            MEMORY_USE,
          ]
        : []),
    ].join('\n\n');

    const turns = input.history.filter((m) => (m.role === 'user' || m.role === 'assistant') && m.content.trim() !== '');
    const keep = newestThatFit(turns, this.deps.historyBudgetTokens);
    const older = turns.slice(0, turns.length - keep.length);
    const messages: ModelMessage[] = [{ role: 'system', content: system }];
    let notice: string | null = null;

    if (older.length > 0) {
      const summary = await this.summarize(input, older).catch((error: unknown) => {
        if (input.signal.aborted) throw error;
        return null;
      });
      if (summary) {
        messages.push({ role: 'system', content: `Summary of the earlier part of this conversation:\n${summary}` });
        notice = `This chat is longer than the model's context budget, so its ${older.length} oldest messages were summarized.`;
      } else {
        notice = `This chat is longer than the model's context budget; its ${older.length} oldest messages were left out because summarizing them failed.`;
      }
    }
    for (const m of keep)
      messages.push(m.role === 'user' ? { role: 'user', content: m.content } : { role: 'assistant', content: m.content });
    return { messages, notice };
  }

  private async summarize(input: ContextInput, older: readonly Message[]): Promise<string> {
    const existing = this.deps.summaries.get(input.threadId);
    const coversUntil = older.at(-1)?.createdAt ?? 0;
    if (existing && existing.coversUntil >= coversUntil) return existing.summary;
    const fresh = older.filter((m) => !existing || m.createdAt > existing.coversUntil);
    input.onSummarizing();
    const transcript = fresh.map((m) => `${m.role === 'user' ? 'User' : 'Izzie'}: ${m.content}`).join('\n');
    const result = await this.deps.router.complete({
      task: 'summarization',
      purpose: 'chat.summarize',
      correlationId: input.threadId,
      trace: { threadId: input.threadId },
      signal: input.signal,
      messages: [
        {
          role: 'system',
          content:
            'Summarize the conversation below for an assistant who will continue it. Keep names, dates, decisions, open questions and commitments. ' +
            'Write plain sentences, at most 200 words.',
        },
        {
          role: 'user',
          content: existing ? `Earlier summary:\n${existing.summary}\n\nWhat came after:\n${transcript}` : transcript,
        },
      ],
    });
    const summary = result.text.trim();
    if (summary === '') throw new Error('empty summary');
    this.deps.summaries.put(input.threadId, { coversUntil, summary });
    return summary;
  }
}

/** The newest messages whose estimated size fits the budget (always at least the newest one). */
function newestThatFit(turns: readonly Message[], budget: number): Message[] {
  const kept: Message[] = [];
  let used = 0;
  for (let i = turns.length - 1; i >= 0; i--) {
    const m = turns[i] as Message;
    const cost = estimateTokens(m.content);
    if (kept.length > 0 && used + cost > budget) break;
    kept.unshift(m);
    used += cost;
  }
  return kept;
}
