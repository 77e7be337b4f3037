import type { Keychain } from '../src/core';

/** A keychain in memory for tests that are not about the keychain itself. */
export function memoryKeychain(): Keychain & { readonly entries: Map<string, string> } {
  const entries = new Map<string, string>();
  return {
    description: 'an in-memory test keychain',
    entries,
    get: async (account) => entries.get(account) ?? null,
    set: async (account, value) => void entries.set(account, value),
    delete: async (account) => entries.delete(account),
  };
}
