import { describe, expect, it } from 'vitest';
import { buildMimeMessage, messageIdsIn, toGmailRaw } from './mime-message';

const split = (message: string) => {
  const at = message.indexOf('\r\n\r\n');
  return { head: message.slice(0, at), body: message.slice(at + 4) };
};

describe('buildMimeMessage', () => {
  it('writes RFC 5322 headers with CRLF and a base64 UTF-8 text body', () => {
    const message = buildMimeMessage({
      to: ['bob@example.org', 'ann@example.org'],
      cc: ['cc@example.org'],
      subject: 'Plan',
      body: 'Line 1\nLine 2',
    });
    const { head, body } = split(message);
    expect(head.split('\r\n')).toEqual([
      'To: bob@example.org, ann@example.org',
      'Cc: cc@example.org',
      'Subject: Plan',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=UTF-8',
      'Content-Transfer-Encoding: base64',
    ]);
    expect(Buffer.from(body, 'base64').toString('utf8')).toBe('Line 1\r\nLine 2');
  });

  it('encodes non-ASCII subjects as RFC 2047 words of at most 75 characters', () => {
    const subject = 'Résumé for the café meeting — Zoë, Jürgen and 日本語 included, at length';
    const { head } = split(buildMimeMessage({ to: ['a@example.org'], subject, body: '' }));
    const lines = head.split('\r\n');
    const start = lines.findIndex((l) => l.startsWith('Subject: '));
    const folded = [
      lines[start]?.slice('Subject: '.length) ?? '',
      ...lines
        .slice(start + 1)
        .filter((l) => l.startsWith(' '))
        .map((l) => l.slice(1)),
    ];
    expect(folded.length).toBeGreaterThan(1);
    for (const word of folded) {
      expect(word).toMatch(/^=\?UTF-8\?B\?[A-Za-z0-9+/=]+\?=$/);
      expect(word.length).toBeLessThanOrEqual(75);
    }
    const decoded = folded.map((w) => Buffer.from(w.slice(10, -2), 'base64').toString('utf8')).join('');
    expect(decoded).toBe(subject);
  });

  it('wraps long bodies at 76 characters', () => {
    const { body } = split(buildMimeMessage({ to: ['a@example.org'], subject: 's', body: 'x'.repeat(500) }));
    for (const line of body.trimEnd().split('\r\n')) expect(line.length).toBeLessThanOrEqual(76);
  });

  it('adds threading headers for replies', () => {
    const { head } = split(
      buildMimeMessage({
        to: ['a@example.org'],
        subject: 'Re: s',
        body: 'b',
        inReplyTo: '<m2@x>',
        references: ['<m1@x>', '<m2@x>'],
      }),
    );
    expect(head).toContain('In-Reply-To: <m2@x>\r\nReferences: <m1@x>\r\n <m2@x>\r\n');
  });

  it('refuses values that would inject headers, whatever validated them before', () => {
    expect(() => buildMimeMessage({ to: ['a@example.org'], subject: 'Hi\r\nBcc: eve@evil.test', body: '' })).toThrow(
      /single line/,
    );
    expect(() => buildMimeMessage({ to: ['a@example.org\nBcc: eve@evil.test'], subject: 'Hi', body: '' })).toThrow(/single line/);
    expect(() => buildMimeMessage({ to: ['Eve <eve@evil.test>'], subject: 'Hi', body: '' })).toThrow(/plain email address/);
    expect(() => buildMimeMessage({ to: ['a@example.org'], subject: 'Hi', body: '', inReplyTo: '<a@x>\r\nBcc: e@x' })).toThrow();
  });

  it('encodes a subject that merely looks like an encoded word', () => {
    const { head } = split(buildMimeMessage({ to: ['a@example.org'], subject: '=?UTF-8?B?SGk=?=', body: '' }));
    expect(head).not.toContain('Subject: =?UTF-8?B?SGk=?=\r\n');
  });
});

describe('messageIdsIn / toGmailRaw', () => {
  it('keeps only well-formed message ids', () => {
    expect(messageIdsIn('<a@x> junk <b@y>\r\nBcc: e@x <c d@z>')).toEqual(['<a@x>', '<b@y>']);
    expect(messageIdsIn(undefined)).toEqual([]);
  });

  it('encodes the whole message as base64url', () => {
    expect(Buffer.from(toGmailRaw('To: a@b\r\n\r\nÿ?>'), 'base64url').toString('utf8')).toBe('To: a@b\r\n\r\nÿ?>');
    expect(toGmailRaw('???>>>')).not.toMatch(/[+/=]/);
  });
});
