import { describe, expect, it } from 'vitest';
import { KeyFileError } from './file-keychain';
import { KeychainModuleError } from './os-keychain';
import { sanitize, unavailableStatus } from './vault-status';

const WHERE = 'the Secret Service (gnome-keyring or KWallet)';

describe('unavailable status', () => {
  // The texts Node prints when keytar's native part cannot load (see ENVIRONMENT.md, "Native modules").
  it.each([
    "Cannot find package 'keytar' imported from /opt/Izzie/resources/app.asar/out/main/index.js",
    'libsecret-1.so.0: cannot open shared object file: No such file or directory',
    "The module '/x/keytar.node' was compiled against a different Node.js version using NODE_MODULE_VERSION 115.",
  ])('a keytar that cannot load asks for a reinstall: %s', (message) => {
    const status = unavailableStatus(new KeychainModuleError(new Error(message)), WHERE);
    expect(status.kind).toBe('unavailable');
    expect(status.summary).toMatch(/the keychain module \(keytar\) could not be loaded/);
    expect(status.fix).toMatch(/^Reinstall Izzie\./);
    expect(status.fix).toContain('IZZIE_INSECURE_FILE_VAULT=1');
  });

  it('passes a key-file problem through with its own fix', () => {
    expect(unavailableStatus(new KeyFileError('The key file is odd.', 'Do this.'), WHERE)).toEqual({
      kind: 'unavailable',
      summary: 'The key file is odd.',
      fix: 'Do this.',
    });
  });

  it('reports anything else honestly, with the reason but without secret-looking content', () => {
    const status = unavailableStatus(
      new Error('Secret Service said: invalid item\n attribute value c2stb3ItdjEtZGVhZGJlZWYwMTIzNDU2Nzg5YWJjZGVm'),
      WHERE,
    );
    expect(status.summary).toBe(
      `Secrets are unavailable: ${WHERE} refused the request (Secret Service said: invalid item attribute value [redacted]).`,
    );
    expect(status.fix).toMatch(/running and unlocked, then try again\..*IZZIE_INSECURE_FILE_VAULT=1/);
  });

  it('copes with a thrown non-Error', () => {
    expect(unavailableStatus('boom', WHERE).summary).toContain('(boom)');
  });
});

describe('sanitize', () => {
  it('masks token-like runs but keeps paths and words', () => {
    expect(sanitize('key sk-or-v1-0123456789abcdef0123 at /org/freedesktop/secrets/collection/login')).toBe(
      'key [redacted] at /org/freedesktop/secrets/collection/login',
    );
    expect(sanitize('hex 0123456789abcdef0123456789abcdef ok')).toBe('hex [redacted] ok');
    expect(sanitize('DBUS_SESSION_BUS_ADDRESS is unset')).toBe('DBUS_SESSION_BUS_ADDRESS is unset');
  });

  it('keeps messages to one bounded line', () => {
    const out = sanitize(`line one\nline two ${'word '.repeat(200)}`);
    expect(out).not.toContain('\n');
    expect(out.length).toBeLessThanOrEqual(301);
  });
});
