import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isAppUrl, isWebUrl, resolveRendererLocation } from './renderer-location';

const indexFile = '/opt/izzie/out/renderer/index.html';
const indexUrl = pathToFileURL(indexFile).href;
const dev = resolveRendererLocation({ devServerUrl: 'http://localhost:5173/', isPackaged: false, rendererIndexFile: indexFile });
const built = resolveRendererLocation({ devServerUrl: undefined, isPackaged: false, rendererIndexFile: indexFile });

describe('resolveRendererLocation', () => {
  it('uses the dev server while developing', () => {
    expect(dev.kind).toBe('dev-server');
    expect(dev.url.href).toBe('http://localhost:5173/');
  });

  it('ignores ELECTRON_RENDERER_URL in a packaged app, where anyone could set it', () => {
    const location = resolveRendererLocation({
      devServerUrl: 'http://localhost:5173/',
      isPackaged: true,
      rendererIndexFile: indexFile,
    });
    expect(location).toMatchObject({ kind: 'file', indexFile });
  });

  it('ignores a dev-server value that is not an http(s) URL', () => {
    for (const devServerUrl of ['file:///tmp/evil.html', 'javascript:alert(1)', 'not a url', 'http://user:pw@localhost:5173/']) {
      expect(resolveRendererLocation({ devServerUrl, isPackaged: false, rendererIndexFile: indexFile }).kind).toBe('file');
    }
  });
});

describe('isAppUrl with the dev server', () => {
  it.each(['http://localhost:5173/', 'http://localhost:5173/index.html', 'http://localhost:5173/#/approvals?id=1'])(
    'accepts %s',
    (url) => {
      expect(isAppUrl(dev, url)).toBe(true);
    },
  );

  it.each([
    'http://localhost:5173.evil.com/',
    'http://localhost.evil.com:5173/',
    'http://evil.com/http://localhost:5173/',
    'http://localhost:5174/',
    'http://localhost:51730/',
    'http://localhost:5173@evil.com/',
    'http://localhost/',
    'https://localhost:5173/',
    'http://127.0.0.1:5173/',
    'http://attacker@localhost:5173/',
    'ws://localhost:5173/',
    'javascript:alert(1)',
    indexUrl,
    '',
    'about:blank',
  ])('refuses %s', (url) => {
    expect(isAppUrl(dev, url)).toBe(false);
  });
});

describe('isAppUrl with the built renderer', () => {
  it.each([indexUrl, `${indexUrl}#/chat`, `${indexUrl}?x=1`])('accepts %s', (url) => {
    expect(isAppUrl(built, url)).toBe(true);
  });

  it.each([
    'file:///evil/index.html',
    'file:///opt/izzie/out/renderer/other.html',
    'file:///opt/izzie/out/renderer/index.html/../../../../etc/passwd',
    'file://evil-host/opt/izzie/out/renderer/index.html',
    'file:///opt/izzie/out/renderer/',
    'http://localhost:5173/',
    'https://opt/izzie/out/renderer/index.html',
    'javascript:alert(1)',
  ])('refuses %s', (url) => {
    expect(isAppUrl(built, url)).toBe(false);
  });
});

describe('isWebUrl', () => {
  it('is true only for http and https', () => {
    expect(isWebUrl('https://example.com/a')).toBe(true);
    expect(isWebUrl('http://example.com')).toBe(true);
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://server/share', 'mailto:a@b.c', 'nonsense']) {
      expect(isWebUrl(url)).toBe(false);
    }
  });
});
