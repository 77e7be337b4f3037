/** Lowercase, single-spaced: how entity names and aliases are compared. */
export function nameKey(name: string): string {
  return name.toLowerCase().replace(/\s+/g, ' ').trim();
}

const MAX_WORDS = 5;

/**
 * Finds known entity names in free text (a search query, a message) by looking up every run of up to
 * five words in a dictionary of names and aliases — microseconds per query, no model call.
 */
export class EntitySpotter {
  private readonly byKey = new Map<string, Set<string>>();

  add(entityId: string, keys: readonly string[]): void {
    for (const key of keys) {
      const normal = nameKey(key);
      if (normal === '') continue;
      let ids = this.byKey.get(normal);
      if (!ids) this.byKey.set(normal, (ids = new Set()));
      ids.add(entityId);
    }
  }

  remove(entityId: string): void {
    for (const [key, ids] of this.byKey) {
      ids.delete(entityId);
      if (ids.size === 0) this.byKey.delete(key);
    }
  }

  /** Entity ids named in the text, longest names first (so "Project Atlas" wins over "Atlas"). */
  spot(text: string): string[] {
    const words = text.toLowerCase().match(/[\p{L}\p{N}'’-]+/gu) ?? [];
    const found: string[] = [];
    for (let length = Math.min(MAX_WORDS, words.length); length >= 1; length--) {
      for (let start = 0; start + length <= words.length; start++) {
        const ids = this.byKey.get(words.slice(start, start + length).join(' '));
        for (const id of ids ?? []) if (!found.includes(id)) found.push(id);
      }
    }
    return found;
  }
}
