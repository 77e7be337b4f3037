import type { CorePorts, DesktopNotification } from '../core';
import { missingVault, systemClock } from '../core';
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
    secrets: missingVault,
    notifier: { notify: options.pushNotification },
    openExternal: openUrl,
    clock: systemClock,
  };
}
