import { shell } from 'electron';
import { parseUrl } from './renderer-location';

/**
 * The core's `openExternal` port. Only web links go to the system browser: `file:`, custom
 * schemes and the like can launch local programs.
 */
export async function openExternalWebUrl(raw: string): Promise<void> {
  const url = parseUrl(raw);
  if (!url) throw new Error('Izzie cannot open this link: it is not a valid URL.');
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`Izzie only opens http and https links in the browser, not ${url.protocol} links.`);
  }
  await shell.openExternal(url.href);
}
