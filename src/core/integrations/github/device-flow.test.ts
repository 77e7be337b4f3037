import { afterEach, describe, expect, it } from 'vitest';
import {
  type DevicePollAnswer,
  type GithubDeviceFake,
  startGithubDeviceFake,
} from '../../../../test-support/emulators/github-device-fake';
import { DeviceFlowError, startGithubDeviceFlow } from './device-flow';

const CLIENT_ID = 'Iv1.izzie-test-client';
let fake: GithubDeviceFake | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

/** Starts a flow against the fake, recording each wait instead of sleeping. */
async function flow(
  answers: DevicePollAnswer[],
  extra: { signal?: AbortSignal; wait?: (ms: number, signal?: AbortSignal) => Promise<void> } = {},
) {
  fake = await startGithubDeviceFake({
    clientId: CLIENT_ID,
    answers,
    token: 'gho_granted_by_fake',
    grantedScopes: 'notifications,repo',
  });
  const waits: number[] = [];
  const started = await startGithubDeviceFlow({
    clientId: CLIENT_ID,
    scopes: ['repo', 'notifications'],
    webBaseUrl: fake.url,
    wait: async (ms) => {
      waits.push(ms);
    },
    ...extra,
  });
  return { started, waits, polls: () => fake?.requests.filter((r) => r.path === '/login/oauth/access_token') ?? [] };
}

describe('startGithubDeviceFlow', () => {
  it('shows the code, then polls at GitHub’s pace until it grants a token', async () => {
    const before = Date.now();
    const { started, waits, polls } = await flow(['authorization_pending', 'slow_down', 'authorization_pending', 'grant']);
    expect(started.userCode).toBe('WDJB-MJHT');
    expect(started.verificationUri).toBe(`${fake?.url}/login/device`);
    expect(started.expiresAt).toBeGreaterThanOrEqual(before + 900_000);
    expect(started.expiresAt).toBeLessThanOrEqual(Date.now() + 900_000);
    await expect(started.done).resolves.toEqual({ token: 'gho_granted_by_fake', scopes: ['notifications', 'repo'] });
    // 5 s to start; slow_down raises it to the 10 s GitHub names, and it stays there.
    expect(waits).toEqual([5000, 5000, 10_000, 10_000]);
    expect(fake?.requests[0]).toEqual({
      path: '/login/device/code',
      form: { client_id: CLIENT_ID, scope: 'repo notifications' },
    });
    expect(polls()).toHaveLength(4);
    expect(polls()[0]?.form).toEqual({
      client_id: CLIENT_ID,
      device_code: '3584d83530557fdd1f46af8289938c8ef79f9dc5',
      grant_type: 'urn:ietf:params:oauth:grant-type:device_code',
    });
  });

  it('fails clearly when the person declines on GitHub', async () => {
    const { started, polls } = await flow(['authorization_pending', 'access_denied', 'grant']);
    const error = await started.done.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeviceFlowError);
    expect(error).toMatchObject({
      code: 'access_denied',
      message: 'GitHub sign-in was cancelled: the authorization was declined on GitHub.',
    });
    expect(polls()).toHaveLength(2);
  });

  it('fails clearly when the code expires', async () => {
    const { started } = await flow(['expired_token']);
    await expect(started.done).rejects.toMatchObject({
      code: 'expired_token',
      message: 'The GitHub code expired before it was entered. Start connecting GitHub again to get a new code.',
    });
  });

  it('refuses an unknown client ID before showing a code', async () => {
    fake = await startGithubDeviceFake({ clientId: CLIENT_ID, answers: [] });
    await expect(
      startGithubDeviceFlow({ clientId: 'Iv1.someone-else', scopes: ['repo'], webBaseUrl: fake.url }),
    ).rejects.toMatchObject({
      code: 'incorrect_client_credentials',
    });
  });

  it('stops polling when aborted', async () => {
    const controller = new AbortController();
    let waits = 0;
    const { started, polls } = await flow(['authorization_pending', 'authorization_pending', 'grant'], {
      signal: controller.signal,
      // Gives up while waiting for the second poll.
      wait: async () => {
        if (++waits === 2) controller.abort();
      },
    });
    const error = await started.done.catch((e: unknown) => e);
    expect((error as Error).name).toBe('AbortError');
    expect(polls()).toHaveLength(1);
  });

  it('stops at once when aborted during the real wait between polls', async () => {
    const controller = new AbortController();
    fake = await startGithubDeviceFake({ clientId: CLIENT_ID, answers: [] });
    const started = await startGithubDeviceFlow({
      clientId: CLIENT_ID,
      scopes: ['repo'],
      webBaseUrl: fake.url,
      signal: controller.signal,
    });
    const t0 = Date.now();
    controller.abort();
    await expect(started.done).rejects.toMatchObject({ name: 'AbortError' });
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(fake.requests.filter((r) => r.path === '/login/oauth/access_token')).toHaveLength(0);
  });
});
