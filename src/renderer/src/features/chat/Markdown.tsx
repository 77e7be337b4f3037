import { memo } from 'react';
import ReactMarkdown, { type Components, type UrlTransform } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { MemoryCitation } from '../memory/MemoryCitation';
import './markdown.css';

/** Only these leave the app, and only in a new window (the hosts open them in the system browser). */
const SAFE_LINK = /^(https?:|mailto:)/i;
/** A memory the reply cites (the context tells the model to write `[source](memory:ID)`). */
const MEMORY_LINK = /^memory:([\w-]{1,64})$/;

/**
 * Links keep http(s) and mailto targets, and memory citations become buttons that open the Memory
 * page; everything else (javascript:, file:, relative paths that
 * would navigate the app) loses its target. Images never get a source: the CSP forbids remote
 * images and loading one would tell its server that this reply was read.
 */
const urlTransform: UrlTransform = (url, key) =>
  key === 'href' && (SAFE_LINK.test(url.trim()) || MEMORY_LINK.test(url.trim())) ? url.trim() : '';

const components: Components = {
  a: ({ href, title, children }) => {
    const cited = href ? MEMORY_LINK.exec(href) : null;
    if (cited?.[1]) return <MemoryCitation id={cited[1]}>{children}</MemoryCitation>;
    return href ? (
      <a href={href} title={title} target="_blank" rel="noreferrer noopener">
        {children}
      </a>
    ) : (
      <span className="markdown__dead-link">{children}</span>
    );
  },
  img: ({ alt }) => (
    <span className="markdown__image" title="Images in replies are not loaded">
      {alt ? `[image: ${alt}]` : '[image]'}
    </span>
  ),
  table: ({ children }) => (
    <div className="markdown__table">
      <table>{children}</table>
    </div>
  ),
};

/**
 * A reply's text as GitHub-flavoured Markdown. Raw HTML in it stays text (react-markdown's default,
 * without rehype-raw): a model, or content it quotes, cannot inject markup or scripts.
 */
export const Markdown = memo(function Markdown({ content }: { content: string }) {
  return (
    <div className="markdown">
      <ReactMarkdown remarkPlugins={[remarkGfm]} urlTransform={urlTransform} components={components}>
        {content}
      </ReactMarkdown>
    </div>
  );
});
