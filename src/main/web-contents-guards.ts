import type { WebContents } from 'electron';
import { errorMessage, type HostLog } from './host-log';
import { isAppUrl, isWebUrl, type RendererLocation } from './renderer-location';

export interface GuardOptions {
  readonly location: RendererLocation;
  readonly openExternal: (url: string) => Promise<void>;
  readonly log: HostLog;
}

/**
 * Keeps a web contents on the app's own pages (Electron security checklist: limit navigation,
 * deny new windows, no <webview>). A page elsewhere would inherit the preload's bridge.
 */
export function guardWebContents(contents: WebContents, { location, openExternal, log }: GuardOptions): void {
  const refuseForeign = (event: { readonly url: string; preventDefault(): void }, kind: string): void => {
    if (isAppUrl(location, event.url)) return;
    event.preventDefault();
    log.warn(`prevented a ${kind} away from Izzie`, { scheme: schemeOf(event.url) });
  };
  contents.on('will-navigate', (event) => refuseForeign(event, 'navigation'));
  contents.on('will-redirect', (event) => refuseForeign(event, 'redirect'));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isWebUrl(url)) {
      openExternal(url).catch((error: unknown) =>
        log.warn('could not open a link in the browser', { error: errorMessage(error) }),
      );
    }
    return { action: 'deny' };
  });
}

function schemeOf(raw: string): string {
  const colon = raw.indexOf(':');
  return colon > 0 ? raw.slice(0, Math.min(colon, 32)) : 'unknown';
}
