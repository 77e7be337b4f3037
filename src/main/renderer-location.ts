import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * Where the renderer comes from: the Vite dev server (development only) or the exact built
 * index.html. Navigation, IPC senders and event delivery are all checked against this one value,
 * always by parsing with `new URL()` — prefix checks let `http://localhost:5173.evil.com` or
 * `file:///evil/index.html` through.
 */
export type RendererLocation =
  { readonly kind: 'dev-server'; readonly url: URL } | { readonly kind: 'file'; readonly url: URL; readonly indexFile: string };

export interface RendererLocationInput {
  /** `ELECTRON_RENDERER_URL`, set by electron-vite's dev command. */
  readonly devServerUrl: string | undefined;
  /** A packaged app never honours the dev-server variable: anyone could set it. */
  readonly isPackaged: boolean;
  readonly rendererIndexFile: string;
}

export function resolveRendererLocation(input: RendererLocationInput): RendererLocation {
  const devServer = input.isPackaged || !input.devServerUrl ? null : parseUrl(input.devServerUrl);
  if (devServer && isWebProtocol(devServer) && !hasCredentials(devServer)) return { kind: 'dev-server', url: devServer };
  const url = pathToFileURL(input.rendererIndexFile);
  return { kind: 'file', url, indexFile: fileURLToPath(url) };
}

/** True only for the app's own pages: same scheme and host (dev), or the very same index.html file. */
export function isAppUrl(location: RendererLocation, raw: string): boolean {
  const url = parseUrl(raw);
  if (!url || hasCredentials(url)) return false;
  if (location.kind === 'dev-server') return url.protocol === location.url.protocol && url.host === location.url.host;
  return url.protocol === 'file:' && url.host === location.url.host && url.pathname === location.url.pathname;
}

/** Links that may leave the app for the system browser. */
export function isWebUrl(raw: string): boolean {
  const url = parseUrl(raw);
  return url !== null && isWebProtocol(url);
}

export function parseUrl(raw: string): URL | null {
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

function isWebProtocol(url: URL): boolean {
  return url.protocol === 'http:' || url.protocol === 'https:';
}

function hasCredentials(url: URL): boolean {
  return url.username !== '' || url.password !== '';
}
