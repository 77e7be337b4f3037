import type { gmail_v1 } from '@googleapis/gmail';

type Part = gmail_v1.Schema$MessagePart;
type Header = gmail_v1.Schema$MessagePartHeader;

export interface MessageBody {
  readonly text: string;
  /** Which part the text came from: `html` means it was converted from the HTML part. */
  readonly format: 'plain' | 'html' | 'none';
}

export interface AttachmentInfo {
  readonly filename: string;
  readonly mimeType: string;
  readonly size: number;
}

/** A header's value, matched case-insensitively, with RFC 2047 encoded words decoded. */
export function headerOf(headers: readonly Header[] | null | undefined, name: string): string | undefined {
  const wanted = name.toLowerCase();
  const value = headers?.find((h) => h.name?.toLowerCase() === wanted)?.value;
  return typeof value === 'string' ? decodeEncodedWords(value) : undefined;
}

/** The readable body: the first text/plain part, else the first text/html part as text. */
export function messageBody(payload: Part | undefined): MessageBody {
  const leaves = leafParts(payload).filter((part) => !isAttachment(part) && part.body?.data);
  const plain = leaves.find((part) => mimeTypeOf(part) === 'text/plain');
  if (plain) return { text: decodePartText(plain).replace(/\r\n?/g, '\n').trim(), format: 'plain' };
  const html = leaves.find((part) => mimeTypeOf(part) === 'text/html');
  if (html) return { text: htmlToText(decodePartText(html)), format: 'html' };
  return { text: '', format: 'none' };
}

export function attachmentsOf(payload: Part | undefined): AttachmentInfo[] {
  return leafParts(payload)
    .filter(isAttachment)
    .map((part) => ({
      filename: part.filename || 'unnamed',
      mimeType: mimeTypeOf(part) || 'application/octet-stream',
      size: part.body?.size ?? 0,
    }));
}

/**
 * Text a person would read from an HTML mail: no markup, scripts or styles; block elements become
 * line breaks; links keep their target so the model can cite it.
 */
export function htmlToText(html: string): string {
  const text = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(head|script|style|title)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(
      /<a\b[^>]*?\bhref\s*=\s*(["'])(https?:[^"']*)\1[^>]*>([\s\S]*?)<\/a\s*>/gi,
      (_m, _q, href: string, inner: string) => {
        const label = inner.replace(/<[^>]*>/g, '').trim();
        return label && decodeEntities(label) !== decodeEntities(href) ? `${label} (${href})` : href;
      },
    )
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<li\b[^>]*>/gi, '\n- ')
    .replace(/<\/?(p|div|h[1-6]|tr|table|ul|ol|blockquote|section|article|header|footer|pre|hr)\b[^>]*>/gi, '\n')
    .replace(/<[^>]*>/g, '');
  return decodeEntities(text.replace(/\r\n?/g, '\n'))
    .replace(/[ \t\f\v\u00a0]+/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  rsquo: '’',
  lsquo: '‘',
  rdquo: '”',
  ldquo: '“',
  copy: '©',
  reg: '®',
  euro: '€',
};

/** Decodes character references; Gmail snippets carry them too (`&#39;`, `&amp;`). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (match, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : match;
    }
    return NAMED_ENTITIES[ref.toLowerCase()] ?? match;
  });
}

/**
 * RFC 2047 encoded words (`=?UTF-8?B?…?=`). Gmail's API decodes them for well-formed mail; what
 * passes through undecoded (and servers that do not decode) is decoded here.
 */
function decodeEncodedWords(value: string): string {
  return value
    .replace(/(\?=)\s+(=\?)/g, '$1$2')
    .replace(/=\?([^?\s]+)\?([bq])\?([^?\s]*)\?=/gi, (match, charset: string, encoding: string, data: string) => {
      const bytes =
        encoding.toLowerCase() === 'b'
          ? Buffer.from(data, 'base64')
          : Buffer.from(
              data.replace(/_/g, ' ').replace(/=([0-9a-f]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))),
              'latin1',
            );
      return decodeBytes(bytes, charset) ?? match;
    });
}

function leafParts(part: Part | undefined): Part[] {
  if (!part) return [];
  if (part.parts && part.parts.length > 0) return part.parts.flatMap(leafParts);
  return [part];
}

function isAttachment(part: Part): boolean {
  if (part.filename) return true;
  return /^\s*attachment\b/i.test(headerOf(part.headers, 'Content-Disposition') ?? '');
}

function mimeTypeOf(part: Part): string {
  return (part.mimeType ?? '').toLowerCase();
}

/** The Gmail API has already undone the transfer encoding; what is left is the charset. */
function decodePartText(part: Part): string {
  const bytes = Buffer.from(part.body?.data ?? '', 'base64url');
  const charset = /charset\s*=\s*"?([^";\s]+)/i.exec(headerOf(part.headers, 'Content-Type') ?? '')?.[1] ?? 'utf-8';
  return decodeBytes(bytes, charset) ?? bytes.toString('utf8');
}

function decodeBytes(bytes: Buffer, charset: string): string | undefined {
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    return undefined;
  }
}
