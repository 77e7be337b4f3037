import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { makeTempDir } from '../../../test-support/temp-dir';
import type { Keychain } from '../ports';
import { vaultFixture } from '../../../test-support/vault-test-kit';

/**
 * The real ways the Secret Service fails, reproduced in child processes (keytar, libsecret and
 * D-Bus for real), then replayed through the vault so its status is checked against the exact
 * text a user's machine produces — not against strings we made up.
 */
const REPO = resolve(__dirname, '../../..');
const PROBE = `
const keytar = require('keytar');
const service = 'izzie-probe-' + process.pid;
const calls = { get: () => keytar.getPassword(service, 'probe'), set: () => keytar.setPassword(service, 'probe', 'x'),
  delete: () => keytar.deletePassword(service, 'probe') };
(async () => {
  const out = {};
  for (const [call, run] of Object.entries(calls)) {
    try { out[call] = { ok: true, value: (await run()) ?? null }; } catch (e) { out[call] = { ok: false, message: e.message }; }
  }
  process.stdout.write(JSON.stringify(out));
})();`;

type Outcome = { ok: true; value: string | boolean | null } | { ok: false; message: string };
type ProbeResult = Record<'get' | 'set' | 'delete', Outcome>;

const temp = makeTempDir('izzie-keychain-failures-');
afterAll(() => temp.remove());
const has = (tool: string) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;
const withDbus = has('dbus-run-session') && has('gnome-keyring-daemon');

/** A session of our own, isolated from any keyring the test run itself uses. */
function isolatedEnv(name: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, PROBE, ...extra };
  for (const key of ['DBUS_SESSION_BUS_ADDRESS', 'DISPLAY', 'WAYLAND_DISPLAY', 'GNOME_KEYRING_CONTROL']) delete env[key];
  const home = join(temp.path, name);
  return { ...env, XDG_DATA_HOME: join(home, 'data'), XDG_RUNTIME_DIR: join(home, 'run'), ...extra };
}

function probe(command: string, args: string[], env: NodeJS.ProcessEnv): ProbeResult {
  for (const dir of [env.XDG_DATA_HOME, env.XDG_RUNTIME_DIR]) mkdirSync(dir as string, { recursive: true, mode: 0o700 });
  const run = spawnSync(command, args, { cwd: REPO, env, encoding: 'utf8', timeout: 15_000 });
  const json = run.stdout.slice(run.stdout.indexOf('{'));
  if (!json.startsWith('{')) throw new Error(`probe printed nothing useful: ${run.stdout} ${run.stderr}`);
  return JSON.parse(json) as ProbeResult;
}
const inSession = (env: NodeJS.ProcessEnv, before = '', configFile?: string) =>
  probe(
    'dbus-run-session',
    [...(configFile ? [`--config-file=${configFile}`] : []), '--', 'sh', '-c', `${before} exec node -e "$PROBE"`],
    env,
  );

/** Plays back exactly what keytar did in the child. */
function replaying(result: ProbeResult): Keychain {
  const play = async (outcome: Outcome) => {
    if (!outcome.ok) throw new Error(outcome.message);
    return outcome.value;
  };
  return {
    description: 'the Secret Service (gnome-keyring or KWallet)',
    get: async () => (await play(result.get)) as string | null,
    set: async () => void (await play(result.set)),
    delete: async () => Boolean(await play(result.delete)),
  };
}

async function statusFor(result: ProbeResult) {
  const fx = vaultFixture();
  try {
    const vault = await fx.vault({ keychain: replaying(result) });
    const error = await vault.set('github.token', 'ghp_never_stored').then(
      () => null,
      (e: { code: string; message: string }) => e,
    );
    return { status: vault.status(), error };
  } finally {
    fx.close();
  }
}

const failure = (result: ProbeResult): string => {
  const failed = [result.get, result.set].find((o) => !o.ok);
  return failed && !failed.ok ? failed.message : 'no failure';
};

describe('keychain failures, as a real machine reports them', () => {
  it('no session bus and no $DISPLAY (an SSH login, a service): says to run inside a desktop session', async () => {
    const result = probe(process.execPath, ['-e', PROBE], isolatedEnv('no-bus'));
    expect(failure(result)).toBe('Cannot autolaunch D-Bus without X11 $DISPLAY');

    const { status, error } = await statusFor(result);
    expect(status.kind).toBe('unavailable');
    expect(status.summary).toMatch(/not running inside a desktop session, so there is no D-Bus session bus/);
    expect(status.summary).toContain('Cannot autolaunch D-Bus without X11 $DISPLAY');
    expect(status.fix).toMatch(/desktop session \(where gnome-keyring or KWallet runs\)/);
    expect(status.fix).toContain('IZZIE_INSECURE_FILE_VAULT=1');
    expect(error).toMatchObject({ code: 'SECRETS_UNAVAILABLE', message: `${status.summary} ${status.fix}` });
  });

  it('a bus address that leads nowhere: the same advice', async () => {
    const env = isolatedEnv('dead-bus', { DBUS_SESSION_BUS_ADDRESS: `unix:path=${join(temp.path, 'no-such-bus')}` });
    const result = probe(process.execPath, ['-e', PROBE], env);
    expect(failure(result)).toBe('Could not connect: No such file or directory');
    expect((await statusFor(result)).status.summary).toMatch(/no D-Bus session bus/);
  });

  it.runIf(withDbus || process.env.CI)(
    'a session without any Secret Service: says to install gnome-keyring or KWallet',
    async () => {
      // A session bus that can start nothing: no .service files, so org.freedesktop.secrets has no provider.
      const config = join(temp.path, 'bare-bus.xml');
      writeFileSync(
        config,
        `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
        "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
       <busconfig><type>session</type><listen>unix:tmpdir=${temp.path}</listen><auth>EXTERNAL</auth>
       <policy context="default"><allow send_destination="*" eavesdrop="true"/><allow eavesdrop="true"/><allow own="*"/></policy>
       </busconfig>`, // the policy of the stock session.conf, minus its <servicedir> entries
      );
      const result = inSession(isolatedEnv('no-service'), '', config);
      expect(failure(result)).toBe('The name org.freedesktop.secrets was not provided by any .service files');

      const { status } = await statusFor(result);
      expect(status.summary).toMatch(/no keychain service \(Secret Service\) is running/);
      expect(status.fix).toMatch(/Install and start gnome-keyring .* or KWallet.*IZZIE_INSECURE_FILE_VAULT=1/);
    },
  );

  it.runIf(withDbus || process.env.CI)(
    'a keyring daemon that was never unlocked (no login collection): says to unlock it',
    async () => {
      const result = inSession(
        isolatedEnv('never-unlocked'),
        'gnome-keyring-daemon --start --components=secrets >/dev/null 2>&1;',
      );
      expect(result.get).toEqual({ ok: true, value: null }); // reads "succeed": only the write reveals the problem
      expect(failure(result)).toMatch(/^Object does not exist at path .\/org\/freedesktop\/secrets\/collection\/login.$/);

      const { status } = await statusFor(result);
      expect(status.summary).toMatch(/is locked or has no default "Login" keyring \(Object does not exist at path/);
      expect(status.fix).toMatch(/Unlock the Login keyring.*IZZIE_INSECURE_FILE_VAULT=1/);
    },
  );

  it.runIf(withDbus || process.env.CI)('a locked login keyring: says to unlock it', async () => {
    const env = isolatedEnv('locked');
    // First session creates and unlocks a login keyring with a password; the second starts it locked.
    inSession(env, 'echo -n secret | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1;');
    const result = inSession(env, 'gnome-keyring-daemon --start --components=secrets >/dev/null 2>&1;');
    expect(failure(result)).toBe('Cannot create an item in a locked collection');

    const { status } = await statusFor(result);
    expect(status.summary).toMatch(
      /is locked or has no default "Login" keyring \(Cannot create an item in a locked collection\)/,
    );
    expect(status.fix).toMatch(/Unlock the Login keyring/);
  });
});
