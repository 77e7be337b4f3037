import { z } from 'zod';
import type { TaintTracker } from '../policy/taint';
import type { MemorySource, Message, Persona } from '../../shared';
import type { MemoryContextProvider, MemorySnippet } from '../agents/chat/memory-hook';
import { defineTool, type Tool } from '../agents/tools/tool-registry';
import type { Logger } from '../log/logger';
import type { MemoryService } from './memory-service';

/** Memories put into a reply's context. */
const CONTEXT_MEMORIES = 6;
/** Fused scores below this are too weak to be worth the model's attention. */
const MIN_CONTEXT_SCORE = 1 / 70;
const EXPLICIT = /^\s*(?:please\s+|izzie,?\s+)?remember\b/i;

export interface Exchange {
  readonly threadId: string;
  readonly threadTitle: string;
  readonly persona: Persona;
  readonly user: Message;
  readonly reply: Message;
}

/**
 * Chat's side of memory (issue 5, item 7): what a reply is told it remembers (with ids it cites), the
 * extraction that runs after each exchange in the background, and the memory tools.
 */
export class ChatMemory implements MemoryContextProvider {
  private readonly pending = new Set<Promise<unknown>>();
  private readonly controller = new AbortController();

  constructor(
    private readonly deps: { memory: MemoryService; log: Logger; taint?: Pick<TaintTracker, 'markThread' | 'threadSources'> },
  ) {}

  async contextFor(query: { threadId: string; persona: Persona; text: string }): Promise<readonly MemorySnippet[]> {
    try {
      const found = await this.deps.memory.find(query.text, query.persona, CONTEXT_MEMORIES, true);
      const chosen = found.memories.filter((m) => m.score >= MIN_CONTEXT_SCORE || m.viaEntity !== null);
      this.taintIfOutside(
        query.threadId,
        chosen.map((m) => m.memory),
      );
      return chosen.map((m) => ({ id: m.memory.id, text: m.memory.content, source: describeSource(m.memory.sources[0]) }));
    } catch (error) {
      // Memory must never stop a reply: answer without it and say why in the log.
      this.deps.log.warn('memory context unavailable for this reply', { error });
      return [];
    }
  }

  /**
   * A memory learned from mail, messages or issues — or from a chat that had read such things — is
   * outside content: putting it in a thread's context taints the thread, as reading the mail would.
   */
  private taintIfOutside(threadId: string, memories: readonly { readonly sources: readonly MemorySource[] }[]): void {
    const taint = this.deps.taint;
    if (!taint) return;
    for (const memory of memories) {
      const outside = memory.sources.find(
        (source) =>
          source.type !== 'manual' &&
          (source.type !== 'chat_message' ||
            (source.parentId !== null && source.parentId !== threadId && taint.threadSources(source.parentId).length > 0)),
      );
      if (outside) taint.markThread(threadId, `a memory learned from ${describeSource(outside)}`);
    }
  }

  /** Learns from a finished exchange without delaying anything: the work runs in the background. */
  afterExchange(exchange: Exchange): void {
    if (exchange.user.content.trim() === '') return;
    const work = this.deps.memory
      .add({
        transcript: [
          { role: 'user', content: exchange.user.content },
          { role: 'assistant', content: exchange.reply.content },
        ],
        persona: exchange.persona,
        source: {
          type: 'chat_message',
          id: exchange.user.id,
          parentId: exchange.threadId,
          label: exchange.threadTitle,
          at: exchange.user.createdAt,
        },
        explicit: EXPLICIT.test(exchange.user.content),
        signal: this.controller.signal,
      })
      .catch((error: unknown) => {
        if (!this.controller.signal.aborted) this.deps.log.warn('memory extraction failed after a reply', { error });
      })
      .finally(() => this.pending.delete(work));
    this.pending.add(work);
  }

  /** Resolves when every background extraction has finished (tests; shutdown uses `stop`). */
  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }

  async stop(): Promise<void> {
    this.controller.abort();
    await this.settled();
  }

  /** `memory_search` and `memory_forget`, for the persona of the thread that calls them. */
  tools(): Tool[] {
    const { memory } = this.deps;
    return [
      defineTool({
        name: 'memory_search',
        group: 'builtin',
        description:
          'Search what Izzie remembers about the user (people, projects, preferences). Returns memories with their ids and sources.',
        args: z.object({ query: z.string().min(1).describe('What to look for, in plain words') }),
        actionClass: 'read',
        // Memories may have been learned from mail or messages: reading them counts as outside content.
        outsideContent: true,
        run: async ({ query }, call) => {
          const found = await memory.find(query, call.persona, 10, true);
          if (found.memories.length === 0) return 'Nothing remembered matches that.';
          return found.memories
            .map((m) => `[${m.memory.id}] ${m.memory.content} (${describeSource(m.memory.sources[0])})`)
            .join('\n');
        },
      }),
      defineTool({
        name: 'memory_forget',
        group: 'builtin',
        description:
          'Forget memories the user asked you to forget. Pass the ids shown in brackets in what you remember or in memory_search results.',
        args: z.object({ ids: z.array(z.string()).min(1).max(20).describe('Ids of the memories to forget') }),
        // Changes only Izzie's own memory, nothing another person can see: the class policy calls that a draft.
        actionClass: 'draft',
        outsideContent: false,
        run: async ({ ids }, call) => {
          const readable = new Set(memory.readable(call.persona));
          const forgotten: string[] = [];
          for (const id of ids) {
            const found = safeGet(memory, id);
            if (!found || !readable.has(found.namespace)) continue;
            await memory.delete(id);
            forgotten.push(found.content);
          }
          return forgotten.length === 0
            ? 'None of those ids is a memory this persona can see; nothing was forgotten.'
            : `Forgotten:\n${forgotten.map((c) => `- ${c}`).join('\n')}`;
        },
      }),
    ];
  }
}

function safeGet(memory: MemoryService, id: string) {
  try {
    return memory.get(id);
  } catch {
    return null;
  }
}

function describeSource(source: { type: string; label: string | null } | undefined): string {
  if (!source) return 'source unknown';
  const where = source.type === 'chat_message' ? 'chat' : source.type.replace('_', ' ');
  return source.label ? `${where} “${source.label}”` : where;
}
