import type * as keytarApi from 'keytar';
import type { Keychain } from '../ports';

type Keytar = typeof keytarApi;

/** keytar itself could not be loaded (not installed, built for another ABI, libsecret missing). */
export class KeychainModuleError extends Error {
  constructor(cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    this.name = 'KeychainModuleError';
  }
}

/**
 * The OS keychain through keytar. keytar is loaded on first use, so a machine where the native
 * module cannot load still starts, and says why the keychain is unavailable. A failed load is not
 * remembered: the next call tries again (an ESM import that failed fails again the same way, so
 * this costs nothing, but a loader that can succeed later is not locked out).
 *
 * `loadKeytar` is a seam for tests that need a real module-load failure.
 */
export function createOsKeychain(service = 'Izzie', loadKeytar: () => Promise<unknown> = () => import('keytar')): Keychain {
  let loaded: Promise<Keytar> | null = null;
  const keytar = (): Promise<Keytar> => {
    loaded ??= loadKeytar().then(
      (module) => (typeof module === 'object' && module !== null && 'default' in module ? module.default : module) as Keytar,
      (error: unknown) => {
        loaded = null;
        throw new KeychainModuleError(error);
      },
    );
    return loaded;
  };
  return {
    description: describeKeychain(),
    get: async (account) => (await keytar()).getPassword(service, account),
    set: async (account, value) => (await keytar()).setPassword(service, account, value),
    delete: async (account) => (await keytar()).deletePassword(service, account),
  };
}

function describeKeychain(): string {
  if (process.platform === 'darwin') return 'the macOS Keychain';
  if (process.platform === 'win32') return 'the Windows Credential Manager';
  return 'the Secret Service (gnome-keyring or KWallet)';
}
