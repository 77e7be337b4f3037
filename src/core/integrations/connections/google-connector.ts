import { OAuth2Client } from 'google-auth-library';
import type { ConnectInput } from '../../../shared';
import { createGoogleAuth, revokeGoogleGrant, type IssuedGoogleTokens } from '../google/google-auth';
import { signInWithGoogle } from '../google/google-sign-in';
import { calendarSource } from '../google/calendar-poller';
import { gmailSource } from '../google/gmail-poller';
import { GOOGLE_SERVER, googleApis, googleTools } from '../google/google-tools';
import { requireSecret, type ConnectedState, type Connector, type ToolHooks } from './connector';

type GoogleInput = Extract<ConnectInput, { id: 'google' }>;

/** How long the browser sign-in may take before Izzie stops listening for it. */
const SIGN_IN_TIMEOUT_MS = 10 * 60_000;

export const googleConnector: Connector<GoogleInput> = {
  id: 'google',
  title: 'Google — Gmail & Calendar',
  server: GOOGLE_SERVER,
  describeTools: () => googleTools({ auth: new OAuth2Client() }),
  async connect(input, context) {
    const baseUrl = input.baseUrl ?? null;
    const flow = await signInWithGoogle({
      clientId: input.clientId,
      ...(input.clientSecret ? { clientSecret: input.clientSecret } : {}),
      ...(input.baseUrl ? { baseUrl: input.baseUrl } : {}),
      ...(input.redirectPort ? { port: input.redirectPort } : {}),
      // The page also links the sign-in URL, so a browser that did not open is not a failure.
      openExternal: (url: string) => context.openExternal(url).catch(() => undefined),
      signal: context.signal,
      timeoutMs: SIGN_IN_TIMEOUT_MS,
    });
    return {
      kind: 'pending',
      flow: 'oauth',
      url: flow.url,
      userCode: null,
      expiresAt: Date.now() + SIGN_IN_TIMEOUT_MS,
      done: flow.done.then((tokens) => ({
        method: 'oauth' as const,
        account: tokens.account,
        scopes: tokens.scopes,
        baseUrl,
        settings: { clientId: input.clientId },
        secrets: { 'refresh-token': tokens.refreshToken, ...(input.clientSecret ? { 'client-secret': input.clientSecret } : {}) },
      })),
    };
  },
  async tools(state, hooks) {
    const auth = await authFor(state, keepRotated(hooks));
    return googleTools({ auth, ...(state.stored.baseUrl ? { rootUrl: state.stored.baseUrl } : {}) });
  },
  async pollers(state, hooks) {
    const auth = await authFor(state, keepRotated(hooks));
    const apis = googleApis({ auth, ...(state.stored.baseUrl ? { rootUrl: state.stored.baseUrl } : {}) });
    return [gmailSource({ api: apis.gmail, account: state.stored.account }), calendarSource({ api: apis.calendar })];
  },
  async revoke(state) {
    await revokeGoogleGrant(await authFor(state));
  },
};

/** Google rotates the refresh token only sometimes; when it does, the old one may stop working. */
const keepRotated = (hooks: ToolHooks) => (tokens: IssuedGoogleTokens) => {
  if (tokens.refreshToken) void hooks.saveSecrets({ 'refresh-token': tokens.refreshToken });
};

async function authFor(state: ConnectedState, onTokens?: (tokens: IssuedGoogleTokens) => void): Promise<OAuth2Client> {
  const refreshToken = await requireSecret(state, 'refresh-token');
  const clientSecret = await state.secret('client-secret');
  return createGoogleAuth({
    clientId: state.stored.settings.clientId ?? '',
    ...(clientSecret ? { clientSecret } : {}),
    ...(state.stored.baseUrl ? { baseUrl: state.stored.baseUrl } : {}),
    tokens: { refreshToken },
    ...(onTokens ? { onTokens } : {}),
  });
}
