/**
 * What a blank text is embedded as. Blank input breaks both embedders: the local model throws when
 * a batch has no tokens at all, and OpenAI-style endpoints refuse an empty string. A fixed stand-in
 * gives every blank text the same vector, whatever else is in its batch.
 */
export const BLANK_TEXT = '∅';

export const withoutBlanks = (texts: readonly string[]): string[] =>
  texts.map((text) => (text.trim() === '' ? BLANK_TEXT : text));
