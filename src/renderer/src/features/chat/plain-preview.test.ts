import { describe, expect, it } from 'vitest';
import { plainPreview } from './plain-preview';

describe('plainPreview', () => {
  it('drops Markdown marks but keeps the words', () => {
    expect(plainPreview('It is **12:04** in *Paris* — see [SNCF](https://sncf.com) and `npm test`')).toBe(
      'It is 12:04 in Paris — see SNCF and npm test',
    );
    expect(plainPreview('# Plan\n\n1. Review\n- Reply\n> quoted')).toBe('Plan Review Reply quoted');
  });

  it('leaves plain text, snake_case and arithmetic alone', () => {
    expect(plainPreview('call thread_search with 2 * 3 items')).toBe('call thread_search with 2 * 3 items');
  });
});
