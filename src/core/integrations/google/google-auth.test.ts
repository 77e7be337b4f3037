import { OAuth2Client } from 'google-auth-library';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connectGoogleServer, startGoogleWorld } from '../../../../test-support/emulators/google-harness';
import { ALICE, GOOGLE_CLIENT, issueGoogleTokens } from '../../../../test-support/emulators/google-seed';
import { ServiceError } from '../kit/service-error';
import { createGoogleAuth, googleAccount, revokeGoogleGrant, type IssuedGoogleTokens } from './google-auth';

type World = Awaited<ReturnType<typeof startGoogleWorld>>;
let world: World;
let grant: { accessToken: string; refreshToken: string };

beforeEach(async () => {
  world = await startGoogleWorld();
  // Through the proxy, so it knows the issued access token like Google would.
  grant = await issueGoogleTokens(world.proxy.url, { redirectUri: 'http://127.0.0.1:1/callback' });
  world.proxy.requests.length = 0;
});
afterEach(() => world.close());

function authWith(tokens: { accessToken?: string; expiryDate?: number; refreshToken?: string }, seen: IssuedGoogleTokens[] = []) {
  return createGoogleAuth({
    ...GOOGLE_CLIENT,
    baseUrl: world.proxy.url,
    tokens: { refreshToken: tokens.refreshToken ?? grant.refreshToken, ...tokens },
    onTokens: (t) => seen.push(t),
  });
}

const tokenRequests = () => world.proxy.requests.filter((r) => r.path === '/oauth2/token');

describe('createGoogleAuth', () => {
  it('points every OAuth endpoint at the base URL, and at Google without one', () => {
    const auth = authWith({});
    expect(auth.endpoints).toMatchObject({
      oauth2AuthBaseUrl: `${world.proxy.url}/o/oauth2/v2/auth`,
      oauth2TokenUrl: `${world.proxy.url}/oauth2/token`,
      oauth2RevokeUrl: `${world.proxy.url}/oauth2/revoke`,
      tokenInfoUrl: `${world.proxy.url}/oauth2/v1/tokeninfo`,
    });
    const google = createGoogleAuth({ clientId: 'x', tokens: { refreshToken: 'r' } });
    expect(String(google.endpoints.oauth2TokenUrl)).toBe('https://oauth2.googleapis.com/token');
  });

  it('refreshes an expired access token once, transparently, and reports the new one', async () => {
    const seen: IssuedGoogleTokens[] = [];
    const auth = authWith({ accessToken: 'ya29.expired', expiryDate: Date.now() - 60_000 }, seen);
    const server = await connectGoogleServer(auth, world.proxy.url);
    const result = await server.call('gmail_search', { q: 'from:priya' });
    await server.close();

    expect(result.isError).toBe(false);
    expect(result.json<{ messages: unknown[] }>().messages).toHaveLength(1);
    expect(tokenRequests()).toHaveLength(1);
    expect(seen).toHaveLength(1);
    const fresh = seen[0];
    expect(fresh?.accessToken).toMatch(/^google_/);
    expect(fresh?.accessToken).not.toBe(grant.accessToken);
    expect(fresh?.expiryDate).toBeGreaterThan(Date.now());
    // Every API request went out with the new token; the expired one never left the process.
    const apiRequests = world.proxy.requests.filter((r) => r.path.startsWith('/gmail/'));
    expect(apiRequests.length).toBeGreaterThan(0);
    expect(apiRequests.every((r) => r.token === fresh?.accessToken)).toBe(true);
  });

  it('refreshes once when Google refuses an access token before its expiry date, and retries', async () => {
    const seen: IssuedGoogleTokens[] = [];
    const auth = authWith({ accessToken: 'ya29.revoked-early', expiryDate: Date.now() + 3_600_000 }, seen);
    const server = await connectGoogleServer(auth, world.proxy.url);
    const result = await server.call('gmail_read', { id: 'msg_dad' });
    await server.close();

    expect(result.isError, result.text).toBe(false);
    expect(result.json()).toMatchObject({ subject: 'Sunday lunch?' });
    expect(
      world.proxy.requests.map((r) => `${r.method} ${r.path.split('?')[0]} ${r.token === 'ya29.revoked-early' ? 'old' : 'new'}`),
    ).toEqual([
      'GET /gmail/v1/users/me/messages/msg_dad old',
      'POST /oauth2/token new',
      'GET /gmail/v1/users/me/messages/msg_dad new',
    ]);
    expect(seen.map((t) => t.accessToken)).toEqual([world.proxy.requests[2]?.token]);
  });

  it('turns a revoked grant into a readable error marked revoked, without leaking tokens', async () => {
    await revokeGoogleGrant(authWith({ accessToken: grant.accessToken }));

    // An expired access token needs the revoked refresh token…
    const expired = await connectGoogleServer(authWith({ accessToken: 'ya29.expired', expiryDate: 1 }), world.proxy.url);
    const result = await expired.call('gmail_search', {});
    await expired.close();
    expect(result).toMatchObject({
      isError: true,
      text: "Gmail no longer accepts Izzie's credentials. Reconnect Gmail on the Integrations page. Gmail said: The refresh token is invalid.",
    });
    expect(expired.serviceErrors).toHaveLength(1);
    const error = expired.serviceErrors[0];
    expect(error).toMatchObject({ kind: 'unauthorized', service: 'Gmail', options: { revoked: true, status: 400 } });
    for (const text of [result.text, error?.detail, error?.message]) {
      expect(text).not.toContain(grant.refreshToken);
      expect(text).not.toContain(GOOGLE_CLIENT.clientSecret);
    }

    // …and the access token issued with the grant died with it: refused, refresh fails, revoked.
    const live = await connectGoogleServer(
      authWith({ accessToken: grant.accessToken, expiryDate: Date.now() + 3_600_000 }),
      world.proxy.url,
    );
    const calendar = await live.call('calendar_query', { timeMin: '2025-03-03T00:00:00Z', timeMax: '2025-03-10T00:00:00Z' });
    await live.close();
    expect(calendar.text).toMatch(/^Google Calendar no longer accepts Izzie's credentials/);
    expect(live.serviceErrors[0]?.options.revoked).toBe(true);
  });
});

describe('revokeGoogleGrant', () => {
  it('revokes the refresh token in the form body and forgets the credentials', async () => {
    const auth = authWith({ accessToken: grant.accessToken });
    await revokeGoogleGrant(auth);
    expect(world.proxy.requests).toEqual([{ method: 'POST', path: '/oauth2/revoke', token: null }]);
    expect(auth.credentials).toEqual({});
    await expect(issueRefresh(grant.refreshToken)).resolves.toBe(400);
  });

  it('counts a token Google already considers invalid as revoked', async () => {
    world.proxy.failNext({
      status: 400,
      path: /revoke/,
      body: { error: 'invalid_token', error_description: 'Token expired or revoked' },
    });
    await expect(revokeGoogleGrant(authWith({}))).resolves.toBeUndefined();
  });

  it('reports a failed revocation readably', async () => {
    world.proxy.failNext({ status: 503, path: /revoke/, message: 'Backend Error' });
    const error = await revokeGoogleGrant(authWith({})).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceError);
    expect(error).toMatchObject({ service: 'Google', kind: 'unavailable' });
  });
});

describe('googleAccount', () => {
  it('names the signed-in account from userinfo', async () => {
    await expect(googleAccount(authWith({ accessToken: grant.accessToken }), world.proxy.url)).resolves.toBe(ALICE);
    expect(world.proxy.requests.map((r) => r.path)).toEqual(['/oauth2/v2/userinfo']);
  });

  it('fails readably with a refused token', async () => {
    const auth = new OAuth2Client();
    auth.setCredentials({ access_token: 'ya29.nope' });
    await expect(googleAccount(auth, world.proxy.url)).rejects.toMatchObject({ service: 'Google', kind: 'unauthorized' });
  });
});

/** The token endpoint's status for a refresh with `refreshToken`. */
async function issueRefresh(refreshToken: string): Promise<number> {
  const response = await fetch(`${world.proxy.url}/oauth2/token`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
      client_id: GOOGLE_CLIENT.clientId,
      client_secret: GOOGLE_CLIENT.clientSecret,
    }),
  });
  return response.status;
}
