/**
 * Thread previews are one line of plain text. The core's preview is a reply's raw Markdown, whose
 * marks (`**`, `#`, `[text](url)`) would show as noise there.
 */
export function plainPreview(text: string): string {
  return text
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\*\*|__|`/g, '')
    .replace(/(^|[^\w*])[*_](\S(?:[^*_\n]*\S)?)[*_](?![\w*])/g, '$1$2')
    .replace(/^\s{0,3}(?:#{1,6}|>|[-*+]|\d+[.)])\s+/gm, '')
    .replace(/\s+/g, ' ')
    .trim();
}
