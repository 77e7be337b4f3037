import { pathToFileURL } from 'node:url';
import type { WebContents } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { resolveRendererLocation, type RendererLocation } from './renderer-location';
import { FakeWebContents, preventableEvent } from './testing/electron-stand-in';
import { guardWebContents } from './web-contents-guards';

vi.mock('electron', () => import('./testing/electron-stand-in'));

const rendererIndexFile = '/app/out/renderer/index.html';
const dev = resolveRendererLocation({ devServerUrl: 'http://localhost:5173/', isPackaged: false, rendererIndexFile });
const built = resolveRendererLocation({ devServerUrl: undefined, isPackaged: true, rendererIndexFile });
const log = { warn: vi.fn(), error: vi.fn() };

function guarded(location: RendererLocation) {
  const contents = new FakeWebContents();
  const openExternal = vi.fn((_url: string) => Promise.resolve());
  guardWebContents(contents as unknown as WebContents, { location, openExternal, log });
  const navigate = (event: 'will-navigate' | 'will-redirect', url: string): boolean => {
    const navigation = preventableEvent(url);
    contents.emit(event, navigation);
    return !navigation.defaultPrevented;
  };
  return { contents, openExternal, navigate };
}

const foreignFromDev = [
  'https://evil.com/',
  'http://localhost:5174/',
  'http://localhost:51730/',
  'javascript:alert(1)',
  'file:///evil/index.html',
  pathToFileURL(rendererIndexFile).href,
  'data:text/html,<script>alert(1)</script>',
];

describe('navigation guards', () => {
  beforeEach(() => log.warn.mockClear());

  it("allows navigation within the dev server's origin", () => {
    const { navigate } = guarded(dev);
    expect(navigate('will-navigate', 'http://localhost:5173/')).toBe(true);
    expect(navigate('will-navigate', 'http://localhost:5173/settings')).toBe(true);
    expect(navigate('will-redirect', 'http://localhost:5173/index.html')).toBe(true);
  });

  it.each(foreignFromDev)('prevents navigating and redirecting the dev window to %s', (url) => {
    const { navigate } = guarded(dev);
    expect(navigate('will-navigate', url)).toBe(false);
    expect(navigate('will-redirect', url)).toBe(false);
  });

  it('prevents the lookalike dev host http://localhost:5173.evil.com/', () => {
    expect(guarded(dev).navigate('will-navigate', 'http://localhost:5173.evil.com/')).toBe(false);
  });

  it("allows the built renderer's own index.html and nothing else on disk", () => {
    const { navigate } = guarded(built);
    expect(navigate('will-navigate', pathToFileURL(rendererIndexFile).href)).toBe(true);
    expect(navigate('will-navigate', 'file:///evil/index.html')).toBe(false);
    expect(navigate('will-navigate', 'file:///app/out/renderer/evil.html')).toBe(false);
    expect(navigate('will-navigate', 'http://localhost:5173/')).toBe(false);
    expect(navigate('will-redirect', 'javascript:alert(1)')).toBe(false);
  });

  it('never attaches a <webview>', () => {
    const { contents } = guarded(dev);
    const event = preventableEvent();
    contents.emit('will-attach-webview', event);
    expect(event.defaultPrevented).toBe(true);
  });
});

describe('window.open', () => {
  it.each(['https://example.com/docs', 'http://example.com/'])('is denied, and %s goes to the system browser', (url) => {
    const { contents, openExternal } = guarded(dev);
    expect(contents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledWith(url);
  });

  it.each(['file:///etc/passwd', 'javascript:alert(1)', 'smb://server/share', 'nonsense'])(
    'is denied, and %s is opened nowhere',
    (url) => {
      const { contents, openExternal } = guarded(dev);
      expect(contents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' });
      expect(openExternal).not.toHaveBeenCalled();
    },
  );

  it('reports a browser that fails to open instead of throwing', async () => {
    const { contents, openExternal } = guarded(dev);
    openExternal.mockRejectedValueOnce(new Error('no browser'));
    contents.windowOpenHandler?.({ url: 'https://example.com/' });
    await vi.waitFor(() =>
      expect(log.warn).toHaveBeenCalledWith('could not open a link in the browser', { error: 'no browser' }),
    );
  });
});
