import { KeyFileError } from './file-keychain';
import { KeychainModuleError } from './os-keychain';

/**
 * What the vault tells a person about where secrets live. `summary` says what is true now, `fix`
 * what to do about it (null when nothing needs doing). The UI shows both as they are.
 */
export interface VaultStatus {
  readonly kind: 'keychain' | 'file' | 'unavailable';
  readonly summary: string;
  readonly fix: string | null;
}

export const FILE_VAULT_ENV = 'IZZIE_INSECURE_FILE_VAULT';

const HEADLESS_OPT_IN =
  `On a headless server without a keychain you can opt in to the less safe file vault instead: ` +
  `start Izzie with ${FILE_VAULT_ENV}=1.`;

/**
 * Maps what keytar (libsecret over D-Bus), the file vault or the module loader threw to a status a
 * person can act on. The patterns are the exact texts seen on Linux (ENVIRONMENT.md; the tests
 * reproduce each one with a real D-Bus session); anything unknown is reported honestly, with the
 * underlying message stripped of anything that looks like a secret.
 */
export function unavailableStatus(error: unknown, keychainDescription: string): VaultStatus {
  const message = error instanceof Error ? error.message : String(error);
  const status = (summary: string, fix: string): VaultStatus => ({ kind: 'unavailable', summary, fix });

  if (error instanceof KeyFileError) return status(error.message, error.fix);

  if (error instanceof KeychainModuleError || /ERR_DLOPEN_FAILED|NODE_MODULE_VERSION|libsecret-1\.so/.test(message)) {
    return status(
      `Secrets are unavailable: the keychain module (keytar) could not be loaded (${sanitize(message)}).`,
      'Reinstall Izzie. In a development checkout run `npm ci` (keytar builds against libsecret: on Debian/Ubuntu ' +
        '`apt-get install libsecret-1-dev` first). ' +
        HEADLESS_OPT_IN,
    );
  }

  if (/Cannot autolaunch D-Bus|DBUS_SESSION_BUS_ADDRESS|Could not connect:|Failed to connect to socket/i.test(message)) {
    return status(
      'Secrets are unavailable: Izzie is not running inside a desktop session, so there is no D-Bus session bus ' +
        `to reach ${keychainDescription} (${sanitize(message)}).`,
      'Start Izzie from your desktop session (where gnome-keyring or KWallet runs), or, over SSH, inside one ' +
        '(`dbus-run-session` with gnome-keyring-daemon unlocked). ' +
        HEADLESS_OPT_IN,
    );
  }

  if (/org\.freedesktop\.secrets was not provided|ServiceUnknown/.test(message)) {
    return status(
      'Secrets are unavailable: no keychain service (Secret Service) is running in this desktop session.',
      'Install and start gnome-keyring (package gnome-keyring) or KWallet, log out and back in, then try again. ' +
        HEADLESS_OPT_IN,
    );
  }

  if (/locked collection|collection\/login|Object does not exist at path|is locked/i.test(message)) {
    return status(
      `Secrets are unavailable: ${keychainDescription} is locked or has no default "Login" keyring (${sanitize(message)}).`,
      'Unlock the Login keyring (log in to the desktop with your password, or open "Passwords and Keys" / KWallet ' +
        'Manager and unlock or create it), then try again. ' +
        HEADLESS_OPT_IN,
    );
  }

  return status(
    `Secrets are unavailable: ${keychainDescription} refused the request (${sanitize(message) || 'no reason given'}).`,
    `Check that ${keychainDescription} is running and unlocked, then try again. ` + HEADLESS_OPT_IN,
  );
}

/**
 * Keeps a foreign error message readable but harmless: one line, bounded, and with long
 * token-like runs (base64, hex — what a key or token looks like) replaced.
 */
export function sanitize(message: string): string {
  const oneLine = message.replace(/\s+/g, ' ').trim();
  const masked = oneLine.replace(/[A-Za-z0-9+/=_-]{20,}/g, (run) =>
    /\d/.test(run) && /[A-Za-z]/.test(run) ? '[redacted]' : run,
  );
  return masked.length > 300 ? `${masked.slice(0, 300)}…` : masked;
}
