import type { Persona } from '../../shared';
import type { NamespaceConfig } from '../store/memory-namespaces-repo';

/** What each of the seed's namespaces is for (the extraction prompt shows these). */
const PURPOSES: Readonly<Record<string, string>> = {
  work: 'work context: colleagues, projects, clients, decisions, deadlines',
  personal: 'life outside work: family, friends, plans, health, hobbies',
  preferences: 'how the user likes things done, in any context',
  communication: 'the user’s communication style and patterns',
  entities: 'facts about known people, projects and organizations that hold in every context',
};
const SHARED = ['preferences', 'communication', 'entities'] as const;

/**
 * Namespaces a persona may read (seed: accessContexts): work never sees personal and vice versa; the
 * shared ones are readable by both. A persona's own namespace is always readable by it.
 */
export function readableNamespaces(
  persona: Pick<Persona, 'id' | 'memoryNamespace'>,
  configs: readonly NamespaceConfig[],
): string[] {
  const out = configs.filter((c) => c.access.includes(persona.id)).map((c) => c.namespace);
  if (!out.includes(persona.memoryNamespace)) out.push(persona.memoryNamespace);
  return out;
}

/** Where a persona's conversations may put memories: its own namespace or a shared one. */
export function writableNamespaces(persona: Pick<Persona, 'memoryNamespace'>): { name: string; purpose: string }[] {
  return [persona.memoryNamespace, ...SHARED].map((name) => ({
    name,
    purpose: PURPOSES[name] ?? 'this assistant persona’s own context',
  }));
}

/** The namespace a fact lands in: the one the model chose when allowed, else the persona's own. */
export function placeFact(chosen: string, persona: Pick<Persona, 'memoryNamespace'>): string {
  return writableNamespaces(persona).some((n) => n.name === chosen) ? chosen : persona.memoryNamespace;
}
