import type { HostKind } from '../shared';

/**
 * What a host gives the core. The core never reaches for Electron, a browser or global process
 * state on its own: each capability arrives here, so tests can pass in-memory ones.
 */
export interface CorePorts {
  readonly hostKind: HostKind;
  readonly appVersion: string;
  readonly paths: DataPaths;
  readonly secrets: SecretStore;
  readonly notifier: Notifier;
  readonly openExternal: (url: string) => Promise<void>;
  readonly clock: Clock;
}

export interface DataPaths {
  /** Everything Izzie keeps: database, logs, lock. Created if missing. */
  readonly dataDir: string;
}

/**
 * Secrets (API keys, OAuth tokens). Values never leave the core: the renderer only ever learns
 * whether a secret is set. The keychain-backed vault implements this.
 */
export interface SecretStore {
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
