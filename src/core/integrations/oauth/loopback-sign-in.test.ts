import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { pkceChallenge } from './pkce';
import { SignInError, startLoopbackSignIn, type LoopbackSignInOptions } from './loopback-sign-in';

const base: LoopbackSignInOptions = {
  authorizeUrl: 'https://accounts.example.test/o/oauth2/v2/auth?hl=en',
  clientId: 'izzie-desktop.apps.example.test',
  scopes: ['openid', 'email'],
};

/** Resolves true when something accepts a TCP connection on the port. */
function portAccepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

function callbackUrl(redirectUri: string, params: Record<string, string>): string {
  const url = new URL(redirectUri);
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  return url.toString();
}

const portOf = (redirectUri: string) => Number(new URL(redirectUri).port);

describe('startLoopbackSignIn', () => {
  it('builds an authorization URL with a loopback redirect, PKCE S256 and a random state', async () => {
    const signIn = await startLoopbackSignIn({ ...base, extraParams: { access_type: 'offline', state: 'forged' } });
    const url = new URL(signIn.url);
    expect(url.origin + url.pathname).toBe('https://accounts.example.test/o/oauth2/v2/auth');
    expect(url.searchParams.get('hl')).toBe('en');
    expect(signIn.redirectUri).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
    expect(portOf(signIn.redirectUri)).toBeGreaterThan(0);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      client_id: base.clientId,
      redirect_uri: signIn.redirectUri,
      response_type: 'code',
      scope: 'openid email',
      code_challenge: pkceChallenge(signIn.codeVerifier),
      code_challenge_method: 'S256',
      access_type: 'offline',
    });
    // Extra parameters cannot replace the protocol's own.
    expect(url.searchParams.get('state')).not.toBe('forged');
    expect(url.searchParams.get('state')).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const other = await startLoopbackSignIn(base);
    expect(new URL(other.url).searchParams.get('state')).not.toBe(url.searchParams.get('state'));
    expect(other.codeVerifier).not.toBe(signIn.codeVerifier);

    await Promise.all([
      fetch(callbackUrl(signIn.redirectUri, { state: url.searchParams.get('state') ?? '', code: 'x' })),
      expect(signIn.result).resolves.toEqual({ code: 'x' }),
      fetch(callbackUrl(other.redirectUri, { state: new URL(other.url).searchParams.get('state') ?? '', code: 'y' })),
      expect(other.result).resolves.toEqual({ code: 'y' }),
    ]);
  });

  it('answers the valid callback once with a page for the person, then closes', async () => {
    const signIn = await startLoopbackSignIn(base);
    const state = new URL(signIn.url).searchParams.get('state') ?? '';

    const favicon = await fetch(new URL('/favicon.ico', signIn.redirectUri));
    expect(favicon.status).toBe(404);

    const page = await fetch(callbackUrl(signIn.redirectUri, { state, code: 'auth-code-123', scope: 'openid email' }));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(await page.text()).toContain('You can close this tab and return to Izzie.');
    await expect(signIn.result).resolves.toEqual({ code: 'auth-code-123' });
    expect(await portAccepts(portOf(signIn.redirectUri))).toBe(false);
  });

  it('refuses a wrong state, says so on the page, and closes', async () => {
    const signIn = await startLoopbackSignIn(base);
    const rejected = expect(signIn.result).rejects.toMatchObject({ name: 'SignInError', kind: 'state_mismatch' });
    const page = await fetch(callbackUrl(signIn.redirectUri, { state: 'not-the-state', code: 'stolen-code' }));
    expect(page.status).toBe(400);
    const html = await page.text();
    expect(html).toContain('does not belong to the sign-in Izzie started');
    expect(html).not.toContain('stolen-code');
    await rejected;
    await expect(signIn.result).rejects.toThrow(/wrong or missing state/);
    expect(await portAccepts(portOf(signIn.redirectUri))).toBe(false);
  });

  it('refuses a callback without any state', async () => {
    const signIn = await startLoopbackSignIn(base);
    const rejected = expect(signIn.result).rejects.toMatchObject({ kind: 'state_mismatch' });
    await fetch(callbackUrl(signIn.redirectUri, { code: 'abc' }));
    await rejected;
  });

  it('reports a declined consent as such', async () => {
    const signIn = await startLoopbackSignIn(base);
    const state = new URL(signIn.url).searchParams.get('state') ?? '';
    const rejected = expect(signIn.result).rejects.toThrow('You declined to give Izzie access on the sign-in page.');
    const page = await fetch(callbackUrl(signIn.redirectUri, { state, error: 'access_denied' }));
    expect(await page.text()).toContain('You declined to give Izzie access.');
    await rejected;
    await expect(signIn.result).rejects.toMatchObject({ kind: 'declined' });
  });

  it('reports other provider errors with their description, escaped on the page', async () => {
    const signIn = await startLoopbackSignIn(base);
    const state = new URL(signIn.url).searchParams.get('state') ?? '';
    const rejected = expect(signIn.result).rejects.toThrow('The sign-in page reported an error: <b>Bad</b> scope.');
    const page = await fetch(
      callbackUrl(signIn.redirectUri, { state, error: 'invalid_scope', error_description: '<b>Bad</b>\r\nscope' }),
    );
    const html = await page.text();
    expect(html).toContain('&#60;b&#62;Bad&#60;/b&#62; scope');
    expect(html).not.toContain('<b>Bad</b>');
    await rejected;
  });

  it('times out and closes the listener', async () => {
    const signIn = await startLoopbackSignIn({ ...base, timeoutMs: 50 });
    await expect(signIn.result).rejects.toMatchObject({ kind: 'timeout', message: expect.stringMatching(/timed out/) });
    expect(await portAccepts(portOf(signIn.redirectUri))).toBe(false);
  });

  it('is cancelled by its AbortSignal and closes the listener', async () => {
    const ac = new AbortController();
    const signIn = await startLoopbackSignIn({ ...base, signal: ac.signal });
    expect(await portAccepts(portOf(signIn.redirectUri))).toBe(true);
    ac.abort();
    const error = await signIn.result.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SignInError);
    expect(error).toMatchObject({ kind: 'cancelled', message: 'Sign-in was cancelled.' });
    expect(await portAccepts(portOf(signIn.redirectUri))).toBe(false);
  });

  it('does not start when the signal is already aborted', async () => {
    const ac = new AbortController();
    ac.abort();
    await expect(startLoopbackSignIn({ ...base, signal: ac.signal })).rejects.toThrow();
  });
});
