import { TOKEN_FRAGMENT_KEY } from '../../../shared';

/**
 * The headless host prints a link like `http://127.0.0.1:PORT/#token=<hex>`. The fragment never
 * reaches a server; we keep the token in sessionStorage (this tab only, gone when it closes) and
 * scrub it from the address bar so it does not linger in history or screenshots.
 */
export const TOKEN_STORAGE_KEY = 'izzie.token';

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{1,512}$/;

export interface TokenEnvironment {
  location: Pick<Location, 'hash' | 'pathname' | 'search'>;
  history: Pick<History, 'replaceState' | 'state'>;
  storage: Pick<Storage, 'getItem' | 'setItem'> | null;
}

export function takeLaunchToken(env: TokenEnvironment): string | null {
  const fragment = env.location.hash.replace(/^#/, '');
  const params = new URLSearchParams(fragment);
  const fromFragment = params.get(TOKEN_FRAGMENT_KEY);
  if (fromFragment !== null) {
    params.delete(TOKEN_FRAGMENT_KEY);
    const rest = params.toString();
    env.history.replaceState(env.history.state, '', `${env.location.pathname}${env.location.search}${rest ? `#${rest}` : ''}`);
    if (TOKEN_SHAPE.test(fromFragment)) {
      safely(() => env.storage?.setItem(TOKEN_STORAGE_KEY, fromFragment));
      return fromFragment;
    }
  }
  const stored = safely(() => env.storage?.getItem(TOKEN_STORAGE_KEY) ?? null) ?? null;
  return stored !== null && TOKEN_SHAPE.test(stored) ? stored : null;
}

/** Storage throws when the browser blocks it; the token then lives for this page load only. */
function safely<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

export function webSocketUrl(location: Pick<Location, 'protocol' | 'host'>, path: string): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}${path}`;
}
