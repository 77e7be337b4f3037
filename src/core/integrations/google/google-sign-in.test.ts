import { connect } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connectGoogleServer, startGoogleWorld } from '../../../../test-support/emulators/google-harness';
import { consentInBrowser } from '../../../../test-support/emulators/google-consent';
import { ALICE, GOOGLE_CLIENT } from '../../../../test-support/emulators/google-seed';
import { freePort } from '../../../../test-support/free-port';
import { createGoogleAuth } from './google-auth';
import { GOOGLE_SCOPES } from './google-scopes';
import { signInWithGoogle } from './google-sign-in';

/*
 * The emulator matches redirect URIs exactly, port included (Google itself accepts any loopback port
 * for desktop clients). So these tests pick a free port first, register
 * `http://127.0.0.1:<port>/callback` for the client, and pass the same port to the sign-in. The
 * OS-chosen port (port 0) is covered by loopback-sign-in.test.ts.
 */

type World = Awaited<ReturnType<typeof startGoogleWorld>>;
let world: World;
let port: number;

beforeEach(async () => {
  port = await freePort();
  world = await startGoogleWorld({ redirectUris: [`http://127.0.0.1:${port}/callback`] });
});
afterEach(() => world.close());

/** What a person does in the browser: open the consent page and pick Alice's account. */
async function consentAsAlice(authorizationUrl: string, tamper?: (fields: Record<string, string>) => void): Promise<Response> {
  const landing = await consentInBrowser(authorizationUrl, ALICE, tamper);
  expect(landing.url.startsWith(`http://127.0.0.1:${port}/callback?`)).toBe(true);
  return landing;
}

function portAccepts(p: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(p, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

describe('signInWithGoogle against the emulator', () => {
  it('authorizes in the browser, exchanges the code with PKCE, and the new grant works', async () => {
    const opened: string[] = [];
    const { url, done } = await signInWithGoogle({
      ...GOOGLE_CLIENT,
      baseUrl: world.proxy.url,
      port,
      openExternal: (u) => void opened.push(u),
    });
    expect(opened).toEqual([url]);
    const authorization = new URL(url);
    expect(authorization.origin + authorization.pathname).toBe(`${world.proxy.url}/o/oauth2/v2/auth`);
    expect(Object.fromEntries(authorization.searchParams)).toMatchObject({
      client_id: GOOGLE_CLIENT.clientId,
      redirect_uri: `http://127.0.0.1:${port}/callback`,
      response_type: 'code',
      access_type: 'offline',
      prompt: 'consent',
      code_challenge_method: 'S256',
      scope: GOOGLE_SCOPES.join(' '),
    });

    const landing = await consentAsAlice(url);
    expect(await landing.text()).toContain('You can close this tab and return to Izzie.');
    const grant = await done;
    expect(grant).toEqual({
      refreshToken: expect.stringMatching(/^google_refresh_/),
      accessToken: expect.stringMatching(/^google_/),
      expiryDate: expect.any(Number),
      scopes: [...GOOGLE_SCOPES],
      account: ALICE,
    });
    expect(await portAccepts(port)).toBe(false);

    // The exchange sent the PKCE verifier; the emulator checked it against the challenge.
    const exchange = world.proxy.requests.filter((r) => r.path === '/oauth2/token');
    expect(exchange).toHaveLength(1);

    const auth = createGoogleAuth({ ...GOOGLE_CLIENT, baseUrl: world.proxy.url, tokens: grant });
    const server = await connectGoogleServer(auth, world.proxy.url);
    const search = await server.call('gmail_search', { q: 'from:dad' });
    await server.close();
    expect(search.isError, search.text).toBe(false);
    expect(search.json()).toMatchObject({ messages: [{ id: 'msg_dad', subject: 'Sunday lunch?' }] });
    expect(world.proxy.requests.filter((r) => r.path.startsWith('/gmail/')).every((r) => r.token === grant.accessToken)).toBe(
      true,
    );
  });

  it('refuses a redirect whose state is not the one it sent, and closes the listener', async () => {
    const { url, done } = await signInWithGoogle({
      ...GOOGLE_CLIENT,
      baseUrl: world.proxy.url,
      port,
      openExternal: () => undefined,
    });
    const refused = expect(done).rejects.toMatchObject({ name: 'SignInError', kind: 'state_mismatch' });
    const landing = await consentAsAlice(url, (fields) => {
      fields.state = 'attacker-chosen-state';
    });
    expect(landing.status).toBe(400);
    expect(await landing.text()).toContain('does not belong to the sign-in Izzie started');
    await refused;
    expect(world.proxy.requests.some((r) => r.path === '/oauth2/token')).toBe(false);
    expect(await portAccepts(port)).toBe(false);
  });

  it('stops and closes the listener when the browser cannot be opened', async () => {
    await expect(
      signInWithGoogle({
        ...GOOGLE_CLIENT,
        baseUrl: world.proxy.url,
        port,
        openExternal: () => Promise.reject(new Error('no browser here')),
      }),
    ).rejects.toThrow('Could not open the browser for Google sign-in: no browser here');
    expect(await portAccepts(port)).toBe(false);
  });

  it('is cancelled by its signal', async () => {
    const ac = new AbortController();
    const { done } = await signInWithGoogle({
      ...GOOGLE_CLIENT,
      baseUrl: world.proxy.url,
      port,
      signal: ac.signal,
      openExternal: () => undefined,
    });
    ac.abort();
    await expect(done).rejects.toMatchObject({ kind: 'cancelled' });
    expect(await portAccepts(port)).toBe(false);
  });

  it('reports a code the token endpoint refuses readably', async () => {
    const { url, done } = await signInWithGoogle({
      ...GOOGLE_CLIENT,
      baseUrl: world.proxy.url,
      port,
      openExternal: () => undefined,
    });
    world.proxy.failNext({
      status: 400,
      path: /oauth2\/token/,
      body: { error: 'invalid_grant', error_description: 'Bad Request' },
    });
    const failed = expect(done).rejects.toMatchObject({ service: 'Google', kind: 'unauthorized' });
    await consentAsAlice(url);
    await failed;
  });
});
