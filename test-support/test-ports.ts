import type { CorePorts, DesktopNotification } from '../src/core';
import { memoryKeychain } from './memory-keychain';

export interface TestPorts extends CorePorts {
  readonly notifications: DesktopNotification[];
  readonly opened: string[];
  /** Moves the test clock. */
  advance(ms: number): void;
}

/** In-memory ports for tests: a controllable clock, recorded notifications and opened URLs. */
export function testPorts(dataDir: string, options: { now?: number } = {}): TestPorts {
  let now = options.now ?? Date.UTC(2026, 10, 24, 9, 0, 0);
  const notifications: DesktopNotification[] = [];
  const opened: string[] = [];
  return {
    hostKind: 'test',
    appVersion: '0.0.0-test',
    paths: { dataDir },
    keychain: memoryKeychain(),
    notifier: { notify: (n) => void notifications.push(n) },
    openExternal: async (url) => void opened.push(url),
    clock: { now: () => now },
    notifications,
    opened,
    advance: (ms) => void (now += ms),
  };
}
