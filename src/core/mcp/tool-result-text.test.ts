import { describe, expect, it } from 'vitest';
import { toolResultText } from './tool-result-text';

describe('toolResultText', () => {
  it('joins text and names other content in brackets', () => {
    expect(
      toolResultText({
        content: [
          { type: 'text', text: 'Here it is:' },
          { type: 'image', data: 'aGk=', mimeType: 'image/png' },
          { type: 'resource', resource: { uri: 'file:///a.txt', text: 'inside a.txt' } },
          { type: 'resource', resource: { uri: 'file:///b.bin', blob: 'AA==' } },
          { type: 'resource_link', name: 'report', uri: 'https://example.test/r' },
        ],
      }),
    ).toBe('Here it is:\n[image: image/png]\ninside a.txt\n[resource: file:///b.bin]\n[link: report https://example.test/r]');
  });

  it('falls back to structured content when there is no content', () => {
    expect(toolResultText({ content: [], structuredContent: { count: 2 } })).toBe('{"count":2}');
  });
});
