// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Markdown } from './Markdown';

afterEach(() => cleanup());

describe('Reply Markdown', () => {
  it('renders lists, code blocks and tables', () => {
    const { container } = render(
      <Markdown content={'Plan:\n\n- one\n- two\n\n```js\nconst x = 1;\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |'} />,
    );
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual(['one', 'two']);
    expect(container.querySelector('pre code')?.textContent).toBe('const x = 1;\n');
    expect(screen.getByRole('table')).toBeTruthy();
  });

  it('keeps raw HTML as inert text', () => {
    const { container } = render(
      <Markdown content={'Look: <img src=x onerror="alert(1)"> and <script>alert(2)</script> <b>bold?</b>'} />,
    );
    expect(container.querySelector('img, script, b')).toBeNull();
    expect(container.textContent).toContain('<img src=x onerror="alert(1)">');
    expect(container.textContent).toContain('<script>alert(2)</script>');
  });

  it('links only to http, https and mailto, in a new window without a referrer', () => {
    render(
      <Markdown
        content={
          '[site](https://example.com/a) [mail](mailto:ada@example.com) [bad](javascript:alert(1)) ' +
          '[file](file:///etc/passwd) [inside](#/settings) [data](data:text/html,hi)'
        }
      />,
    );
    const links = screen.getAllByRole('link');
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['https://example.com/a', 'mailto:ada@example.com']);
    for (const link of links) {
      expect(link.getAttribute('target')).toBe('_blank');
      expect(link.getAttribute('rel')).toBe('noreferrer noopener');
    }
    for (const text of ['bad', 'file', 'inside', 'data']) expect(screen.getByText(text).tagName).toBe('SPAN');
  });

  it('never loads images: their alt text shows instead', () => {
    const { container } = render(<Markdown content={'![a cat](https://example.com/cat.png) ![](https://t.example/pixel.gif)'} />);
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toContain('[image: a cat]');
    expect(container.textContent).toContain('[image]');
  });
});
