import type { Memory, ScoredMemory } from '../../shared';
import type { StoredMemory } from '../store/memories-repo';
import type { FoundMemory } from './memory-search';

/** A stored memory as the contract shows it (the row's seq and retention clock stay inside). */
export function toMemory(m: StoredMemory): Memory {
  return {
    id: m.id,
    namespace: m.namespace,
    kind: m.kind,
    content: m.content,
    persona: m.persona,
    sources: [...m.sources],
    entities: [...m.entities],
    createdAt: m.createdAt,
    updatedAt: m.updatedAt,
    validFrom: m.validFrom,
    invalidAt: m.invalidAt,
    supersededBy: m.supersededBy,
    confidence: m.confidence,
    reinforcements: m.reinforcements,
    embeddedWith: m.embeddedWith,
  };
}

export function toScored(found: FoundMemory): ScoredMemory {
  return {
    memory: toMemory(found.memory),
    score: found.score,
    similarity: found.similarity,
    vectorRank: found.vectorRank,
    keywordRank: found.keywordRank,
    viaEntity: found.viaEntity,
  };
}
