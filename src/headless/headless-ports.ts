import type { CorePorts, DesktopNotification } from '../core';
import { createOsKeychain, systemClock } from '../core';
import { openUrl } from './open-url';

/** The headless host has no OS notification centre: notifications are pushed to open browser tabs. */
export function headlessPorts(options: {
  dataDir: string;
  version: string;
  pushNotification: (notification: DesktopNotification) => void;
}): CorePorts {
  return {
    hostKind: 'headless',
    appVersion: options.version,
    paths: { dataDir: options.dataDir },
    keychain: createOsKeychain(),
    notifier: { notify: options.pushNotification },
    openExternal: openUrl,
    clock: systemClock,
  };
}
