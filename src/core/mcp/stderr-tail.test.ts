import { describe, expect, it } from 'vitest';
import { StderrTail } from './stderr-tail';

describe('StderrTail', () => {
  it('keeps the last lines, joining lines split across chunks and counting an unfinished one', () => {
    const tail = new StderrTail();
    tail.push('first li');
    tail.push('ne\r\n\nsecond line\nthird');
    expect(tail.last(5)).toEqual(['first line', 'second line', 'third']);
    expect(tail.last(2)).toEqual(['second line', 'third']);
  });

  it('stays bounded however much a server writes', () => {
    const tail = new StderrTail();
    for (let i = 0; i < 1_000; i++) tail.push(`line ${i}\n`);
    tail.push('x'.repeat(10_000));
    const lines = tail.last(100);
    expect(lines).toHaveLength(21);
    expect(lines[0]).toBe('line 980');
    expect(lines[20]).toHaveLength(501);
  });
});
