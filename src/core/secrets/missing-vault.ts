import { CoreError } from '../errors';
import type { SecretStore } from '../ports';

const REASON = 'Izzie cannot store secrets yet: the keychain vault is not part of this version.';

/**
 * The secrets port for hosts that have no vault to offer (this version: all of them). Every call
 * fails with SECRETS_UNAVAILABLE, so nothing can silently keep a secret somewhere unsafe.
 */
export const missingVault: SecretStore = {
  get: () => Promise.reject(new CoreError('SECRETS_UNAVAILABLE', REASON)),
  set: () => Promise.reject(new CoreError('SECRETS_UNAVAILABLE', REASON)),
  delete: () => Promise.reject(new CoreError('SECRETS_UNAVAILABLE', REASON)),
};
