/** The core's one entry for hosts. Hosts import from here and nowhere deeper. */
export { createCore, type Core, type CoreOptions, type HostLogger } from './create-core';
export {
  systemClock,
  type CorePorts,
  type Clock,
  type DataPaths,
  type DesktopNotification,
  type Keychain,
  type Notifier,
  type SecretStore,
} from './ports';
export { resolveDataDir } from './data-dir';
export { checkAuditLogFile, type AuditFileCheck } from './audit/audit-file-check';
export { InstanceLockedError } from './store/instance-lock';
export { MigrationError } from './store/migrations';
export { Redactor } from './log/redact';
export { createOsKeychain } from './secrets/os-keychain';
export { insecureFileVaultRequested } from './secrets/open-vault';
