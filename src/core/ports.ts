import type { HostKind } from '../shared';

/**
 * What a host gives the core. The core never reaches for Electron, a browser or global process
 * state on its own: each capability arrives here, so tests can pass in-memory ones.
 */
export interface CorePorts {
  readonly hostKind: HostKind;
  readonly appVersion: string;
  readonly paths: DataPaths;
  readonly keychain: Keychain;
  readonly notifier: Notifier;
  readonly openExternal: (url: string) => Promise<void>;
  readonly clock: Clock;
}

export interface DataPaths {
  /** Everything Izzie keeps: database, logs, lock. Created if missing. */
  readonly dataDir: string;
}

/**
 * The OS keychain (macOS Keychain, Windows Credential Manager, the Secret Service on Linux). Izzie
 * keeps exactly one thing there, its master key; every other secret is encrypted with that key in
 * SQLite. Calls reject with a readable Error when no keychain is reachable.
 */
export interface Keychain {
  /** Names the backing store in messages, e.g. "the Secret Service (gnome-keyring)". */
  readonly description: string;
  get(account: string): Promise<string | null>;
  set(account: string, value: string): Promise<void>;
  delete(account: string): Promise<boolean>;
}

/**
 * Secrets (API keys, OAuth tokens) as the rest of the core sees them. Values never leave the
 * core: the renderer only ever learns whether a secret is set.
 */
export interface SecretStore {
  /** Whether a secret is stored. Needs no key, so it answers even while the keychain is unavailable. */
  has(name: string): boolean;
  /** Every stored name (never a value); answers even while the keychain is unavailable. */
  names(): string[];
  get(name: string): Promise<string | null>;
  set(name: string, value: string): Promise<void>;
  delete(name: string): Promise<void>;
}

export interface DesktopNotification {
  readonly id: string;
  readonly title: string;
  readonly body: string;
  /** Where a click leads, e.g. `{ page: 'approvals', id }`. */
  readonly target: { readonly page: string; readonly id?: string } | null;
}

export interface Notifier {
  notify(notification: DesktopNotification): void;
}

export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };
