import type { Keychain } from '../ports';

type Keytar = typeof import('keytar');

/**
 * The OS keychain through keytar. keytar is loaded on first use, so a machine where the native
 * module cannot load still starts, and says why the keychain is unavailable.
 */
export function createOsKeychain(service = 'Izzie'): Keychain {
  let loaded: Promise<Keytar> | null = null;
  const keytar = (): Promise<Keytar> => {
    loaded ??= import('keytar').then((module) => ('default' in module ? (module.default as Keytar) : module));
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
