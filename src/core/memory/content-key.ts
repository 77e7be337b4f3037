/** Lowercase words without punctuation: two facts with the same key are the same fact. */
export function contentKey(text: string): string {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');
}
