import type { CorePorts, DesktopNotification } from '../core';
import { createOsKeychain, systemClock } from '../core';
import { openUrl } from './open-url';

/** The headless host has no OS notification centre: notifications are pushed to open browser tabs. */
export function headlessPorts(options: {
  dataDir: string;
  version: string;
  pushNotification: (notification: DesktopNotification) => void;
  /** On a server with no desktop, sign-in pages are only linked in the interface. */
  noBrowser?: boolean;
}): CorePorts {
  return {
    hostKind: 'headless',
    appVersion: options.version,
    paths: { dataDir: options.dataDir },
    keychain: createOsKeychain(),
    notifier: { notify: options.pushNotification },
    openExternal: options.noBrowser
      ? () => Promise.reject(new Error('Opening a browser is turned off (IZZIE_NO_BROWSER); use the link in Izzie.'))
      : openUrl,
    clock: systemClock,
  };
}
