/** A plain-text message as Izzie writes it. Gmail adds From, Date and Message-ID when it stores it. */
export interface OutgoingMail {
  readonly to: readonly string[];
  readonly cc?: readonly string[];
  readonly subject: string;
  readonly body: string;
  /** Threading headers of the message being answered (RFC 5322 §3.6.4). */
  readonly inReplyTo?: string;
  readonly references?: readonly string[];
}

const CRLF = '\r\n';

/**
 * Builds the RFC 5322 text of `mail`: ASCII headers (non-ASCII subjects as RFC 2047 encoded words),
 * one text/plain UTF-8 body in base64. Header values are checked again here, whatever validated
 * them before, because a line break in a header would let its value add headers of its own.
 */
export function buildMimeMessage(mail: OutgoingMail): string {
  const headers: string[] = [`To: ${addressList(mail.to, 'To')}`];
  if (mail.cc && mail.cc.length > 0) headers.push(`Cc: ${addressList(mail.cc, 'Cc')}`);
  headers.push(`Subject: ${encodeHeaderText(singleLine(mail.subject, 'Subject'))}`);
  if (mail.inReplyTo) headers.push(`In-Reply-To: ${messageId(mail.inReplyTo)}`);
  if (mail.references && mail.references.length > 0) {
    headers.push(`References: ${mail.references.map(messageId).join(`${CRLF} `)}`);
  }
  headers.push('MIME-Version: 1.0', 'Content-Type: text/plain; charset=UTF-8', 'Content-Transfer-Encoding: base64');
  const body = Buffer.from(mail.body.replace(/\r?\n/g, CRLF), 'utf8').toString('base64');
  return `${headers.join(CRLF)}${CRLF}${CRLF}${wrap(body, 76).join(CRLF)}${CRLF}`;
}

/** The `raw` field of the Gmail API: the whole message in base64url. */
export function toGmailRaw(message: string): string {
  return Buffer.from(message, 'utf8').toString('base64url');
}

/** Message-ID tokens (`<…@…>`) found in a header value; anything else in it is dropped. */
export function messageIdsIn(value: string | undefined): string[] {
  return value?.match(/<[^<>\s]+>/g) ?? [];
}

function addressList(addresses: readonly string[], header: string): string {
  return addresses
    .map((address) => {
      const clean = singleLine(address, header).trim();
      if (!/^[^\s<>",;:()\\[\]]+@[^\s<>",;:()\\[\]]+$/.test(clean)) {
        throw new Error(`${header} holds something that is not a plain email address.`);
      }
      return clean;
    })
    .join(', ');
}

function messageId(value: string): string {
  if (!/^<[^<>\s]+>$/.test(value)) throw new Error('A message id must look like <id@host>.');
  return value;
}

function singleLine(value: string, header: string): string {
  if (/[\r\n]/.test(value)) throw new Error(`${header} must be a single line.`);
  return value;
}

/**
 * RFC 2047 "B" encoded words of at most 75 characters each, folded onto continuation lines. Chunks
 * end on code point boundaries so no word splits a UTF-8 sequence.
 */
function encodeHeaderText(text: string): string {
  // Printable ASCII without "=?" needs no encoding; "=?" could be read as the start of an encoded word.
  if (/^[\x20-\x7e]*$/.test(text) && !text.includes('=?')) return text;
  const words: string[] = [];
  let chunk = '';
  for (const char of text) {
    if (Buffer.byteLength(chunk + char, 'utf8') > 45) {
      words.push(chunk);
      chunk = '';
    }
    chunk += char;
  }
  if (chunk) words.push(chunk);
  return words.map((word) => `=?UTF-8?B?${Buffer.from(word, 'utf8').toString('base64')}?=`).join(`${CRLF} `);
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  for (let i = 0; i < text.length; i += width) lines.push(text.slice(i, i + width));
  return lines;
}
