import type { Persona } from '../../../shared';

export interface MemorySnippet {
  readonly id: string;
  readonly text: string;
  readonly source: string;
}

/**
 * Where chat asks what Izzie remembers that bears on a message. The memory layer implements it;
 * until it exists, `noMemories` answers with nothing (and the prompt says nothing about memory).
 */
export interface MemoryContextProvider {
  contextFor(query: { threadId: string; persona: Persona; text: string }): Promise<readonly MemorySnippet[]>;
}

export const noMemories: MemoryContextProvider = { contextFor: async () => [] };
