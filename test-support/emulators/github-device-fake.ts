import { createServer, type IncomingMessage } from 'node:http';
import { listenLocal, readBody, sendJson } from '../http-kit';

/**
 * A tiny local fake of GitHub's OAuth device-flow endpoints (`POST /login/device/code` and
 * `POST /login/oauth/access_token`). The `@inbox-zero/emulate` GitHub emulator has no device-flow
 * routes, so this stands in for github.com in the device-flow tests. Answers follow
 * https://docs.github.com/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps#device-flow:
 * JSON bodies with status 200, errors as `{error, error_description}`.
 */

/** What the fake answers to each successive poll; after the script runs out it keeps saying pending. */
export type DevicePollAnswer = 'authorization_pending' | 'slow_down' | 'expired_token' | 'access_denied' | 'grant';

export interface GithubDeviceFake {
  readonly url: string;
  /** Every request: path and form fields. */
  readonly requests: { path: string; form: Record<string, string> }[];
  readonly userCode: string;
  close(): Promise<void>;
}

const DEVICE_CODE = '3584d83530557fdd1f46af8289938c8ef79f9dc5';
const USER_CODE = 'WDJB-MJHT';

export async function startGithubDeviceFake(options: {
  clientId: string;
  answers: readonly DevicePollAnswer[];
  token?: string;
  /** The scopes granted, as GitHub reports them (comma-separated). */
  grantedScopes?: string;
  interval?: number;
  expiresIn?: number;
}): Promise<GithubDeviceFake> {
  const requests: { path: string; form: Record<string, string> }[] = [];
  const script = [...options.answers];
  let interval = options.interval ?? 5;
  let url = '';

  const server = createServer((req, res) => {
    void readForm(req).then((form) => {
      const path = new URL(req.url ?? '/', 'http://fake').pathname;
      requests.push({ path, form });
      if (req.method !== 'POST') return sendJson(res, 404, { error: 'Not Found' });
      if (form.client_id !== options.clientId) {
        return sendJson(res, 200, { error: 'incorrect_client_credentials', error_description: 'The client_id is not valid.' });
      }
      if (path === '/login/device/code') {
        return sendJson(res, 200, {
          device_code: DEVICE_CODE,
          user_code: USER_CODE,
          verification_uri: `${url}/login/device`,
          expires_in: options.expiresIn ?? 900,
          interval,
        });
      }
      if (path !== '/login/oauth/access_token') return sendJson(res, 404, { error: 'Not Found' });
      if (form.grant_type !== 'urn:ietf:params:oauth:grant-type:device_code')
        return sendJson(res, 200, { error: 'unsupported_grant_type' });
      if (form.device_code !== DEVICE_CODE) return sendJson(res, 200, { error: 'incorrect_device_code' });
      const answer = script.shift() ?? 'authorization_pending';
      if (answer === 'grant') {
        return sendJson(res, 200, {
          access_token: options.token ?? 'gho_fake',
          token_type: 'bearer',
          scope: options.grantedScopes ?? '',
        });
      }
      if (answer === 'slow_down') {
        interval += 5;
        return sendJson(res, 200, {
          error: 'slow_down',
          error_description: 'Too many requests have been made in the same timeframe.',
          interval,
        });
      }
      return sendJson(res, 200, { error: answer, error_description: `The fake says ${answer}.` });
    });
  });
  const listening = await listenLocal(server);
  url = listening.url;
  return { url, requests, userCode: USER_CODE, close: listening.close };
}

async function readForm(req: IncomingMessage): Promise<Record<string, string>> {
  return Object.fromEntries(new URLSearchParams((await readBody(req)).toString('utf8')));
}
