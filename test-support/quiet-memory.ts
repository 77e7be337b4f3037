import type { MemoryOptions } from '../src/core/services';
import { InlineKeywords } from '../src/core/memory/search/keyword-client';
import { InlineVectorIndex } from '../src/core/memory/search/vector-index-client';
import { hashedEmbedder } from './hashed-embedder';

/**
 * Memory for tests that are about something else: the vector index and keyword search inline, a hashed embedder instead of
 * the local model's thread, and no extraction after replies (which would take scripted model
 * answers meant for the test). Memory's own tests turn these on where they matter.
 */
export const quietMemory = (change: MemoryOptions = {}): MemoryOptions => ({
  index: () => new InlineVectorIndex(),
  keywords: (db) => new InlineKeywords(db),
  createEmbedder: () => hashedEmbedder(),
  learnFromChats: false,
  ...change,
});
