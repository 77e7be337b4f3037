import { describe, expect, it, vi } from 'vitest';
import { TOKEN_STORAGE_KEY, takeLaunchToken, webSocketUrl, type TokenEnvironment } from './token';

function environment(hash: string, stored: Record<string, string> = {}) {
  const storage = new Map(Object.entries(stored));
  const replaceState = vi.fn();
  const env: TokenEnvironment = {
    location: { hash, pathname: '/', search: '' },
    history: { state: null, replaceState },
    storage: { getItem: (key) => storage.get(key) ?? null, setItem: (key, value) => void storage.set(key, value) },
  };
  return { env, storage, replaceState };
}

describe('launch token', () => {
  it('takes the token from the fragment, saves it for reloads and scrubs the address bar', () => {
    const { env, storage, replaceState } = environment('#token=deadbeef01');
    expect(takeLaunchToken(env)).toBe('deadbeef01');
    expect(storage.get(TOKEN_STORAGE_KEY)).toBe('deadbeef01');
    expect(replaceState).toHaveBeenCalledWith(null, '', '/');
  });

  it('uses the saved token on a reload without a fragment, and leaves the URL alone', () => {
    const { env, replaceState } = environment('#/chat', { [TOKEN_STORAGE_KEY]: 'cafe42' });
    expect(takeLaunchToken(env)).toBe('cafe42');
    expect(replaceState).not.toHaveBeenCalled();
  });

  it('prefers a fresh token in the fragment over an older saved one', () => {
    const { env, storage } = environment('#token=new1', { [TOKEN_STORAGE_KEY]: 'old0' });
    expect(takeLaunchToken(env)).toBe('new1');
    expect(storage.get(TOKEN_STORAGE_KEY)).toBe('new1');
  });

  it('returns null when there is no token anywhere', () => {
    expect(takeLaunchToken(environment('').env)).toBeNull();
    expect(takeLaunchToken(environment('#/settings').env)).toBeNull();
  });

  it('refuses a token that could not be a subprotocol value, but still scrubs it', () => {
    const { env, replaceState, storage } = environment('#token=bad%20token');
    expect(takeLaunchToken(env)).toBeNull();
    expect(storage.size).toBe(0);
    expect(replaceState).toHaveBeenCalled();
  });

  it('still works for this page load when storage is blocked', () => {
    const { env } = environment('#token=abc');
    env.storage = {
      getItem: () => {
        throw new Error('blocked');
      },
      setItem: () => {
        throw new Error('blocked');
      },
    };
    expect(takeLaunchToken(env)).toBe('abc');
  });
});

describe('webSocketUrl', () => {
  it('uses ws for http and wss for https on the same host', () => {
    expect(webSocketUrl({ protocol: 'http:', host: '127.0.0.1:5123' }, '/rpc')).toBe('ws://127.0.0.1:5123/rpc');
    expect(webSocketUrl({ protocol: 'https:', host: 'example.test' }, '/rpc')).toBe('wss://example.test/rpc');
  });
});
