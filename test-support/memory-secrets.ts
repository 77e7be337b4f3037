import type { SecretStore } from '../src/core';

/** Secrets in a Map, for tests that are not about the vault. */
export function memorySecrets(initial: Record<string, string> = {}): SecretStore & { readonly values: Map<string, string> } {
  const values = new Map(Object.entries(initial));
  return {
    values,
    has: (name) => values.has(name),
    names: () => [...values.keys()],
    get: async (name) => values.get(name) ?? null,
    set: async (name, value) => void values.set(name, value),
    delete: async (name) => void values.delete(name),
  };
}
