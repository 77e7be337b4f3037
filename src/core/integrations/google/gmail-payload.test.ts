import type { gmail_v1 } from '@googleapis/gmail';
import { describe, expect, it } from 'vitest';
import { attachmentsOf, decodeEntities, headerOf, htmlToText, messageBody } from './gmail-payload';

const data = (text: string, encoding: BufferEncoding = 'utf8') => Buffer.from(text, encoding).toString('base64url');

describe('messageBody', () => {
  it('finds the plain-text part inside nested multiparts and skips attachments', () => {
    const payload: gmail_v1.Schema$MessagePart = {
      mimeType: 'multipart/mixed',
      parts: [
        { mimeType: 'text/plain', filename: 'notes.txt', body: { data: data('attached notes'), size: 14 } },
        {
          mimeType: 'multipart/alternative',
          parts: [
            { mimeType: 'text/html', body: { data: data('<p>Hi <b>there</b></p>') } },
            { mimeType: 'text/plain', body: { data: data('Hi there\r\nBye') } },
          ],
        },
        {
          mimeType: 'image/png',
          filename: '',
          headers: [{ name: 'Content-Disposition', value: 'attachment' }],
          body: { size: 9 },
        },
      ],
    };
    expect(messageBody(payload)).toEqual({ text: 'Hi there\nBye', format: 'plain' });
    expect(attachmentsOf(payload)).toEqual([
      { filename: 'notes.txt', mimeType: 'text/plain', size: 14 },
      { filename: 'unnamed', mimeType: 'image/png', size: 9 },
    ]);
  });

  it('falls back to the HTML part and honours its charset', () => {
    const payload: gmail_v1.Schema$MessagePart = {
      mimeType: 'text/html',
      headers: [{ name: 'Content-Type', value: 'text/html; charset="ISO-8859-1"' }],
      body: { data: data('<p>Caf\u00e9 cr\u00e8me</p>', 'latin1') },
    };
    expect(messageBody(payload)).toEqual({ text: 'Café crème', format: 'html' });
  });

  it('says when there is no text at all', () => {
    expect(messageBody({ mimeType: 'text/plain', body: { size: 0 } })).toEqual({ text: '', format: 'none' });
    expect(messageBody(undefined)).toEqual({ text: '', format: 'none' });
  });
});

describe('htmlToText', () => {
  it('keeps the words, line structure and link targets', () => {
    const html = `<html><head><title>t</title><style>.x{}</style></head><body>
      <!-- tracking --><h1>Hello</h1><p>One&nbsp;&amp;&#160;two &lt;3 &#x1F600;</p>
      <ul><li>first</li><li>second</li></ul>line<br>break
      <a href="https://example.test/a?b=1&amp;c=2">Open</a> <a href="https://example.test/x">https://example.test/x</a>
      <script>alert(1)</script></body></html>`;
    expect(htmlToText(html)).toBe(
      'Hello\n\nOne & two <3 😀\n\n- first\n- second\nline\nbreak\nOpen (https://example.test/a?b=1&c=2) https://example.test/x',
    );
  });
});

describe('headerOf / decodeEntities', () => {
  it('matches names case-insensitively and decodes encoded words', () => {
    const headers = [
      { name: 'SUBJECT', value: '=?UTF-8?B?Q2Fmw6k=?= =?utf-8?q?_cr=C3=A8me?= today' },
      { name: 'From', value: 'a@b' },
    ];
    expect(headerOf(headers, 'subject')).toBe('Café crème today');
    expect(headerOf(headers, 'To')).toBeUndefined();
    expect(headerOf(undefined, 'From')).toBeUndefined();
  });

  it('decodes character references and leaves unknown ones', () => {
    expect(decodeEntities('It&#39;s &quot;fine&quot; &unknown; &#0;')).toBe('It\'s "fine" &unknown; &#0;');
  });
});
