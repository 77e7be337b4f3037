import { resolve } from 'node:path';
import envPaths from 'env-paths';
import { checkAuditLogFile, resolveDataDir, type AuditFileCheck } from '../core';

export interface AuditVerifyOptions {
  readonly home: string | null;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The verdict (stdout): intact or broken is the command's answer, not an error. */
  readonly print: (line: string) => void;
  /** Why the log could not be checked at all (stderr). */
  readonly printError: (line: string) => void;
}

/** Distinct codes so a script can tell tampering (1) from "could not check" (2). */
export const AUDIT_EXIT = { intact: 0, broken: 1, cannotCheck: 2 } as const;

/**
 * `izzie audit verify`: checks the audit log's hash chain without starting Izzie, so it works while
 * Izzie is running and never changes the data directory (see checkAuditLogFile).
 */
export function runAuditVerifyCommand(options: AuditVerifyOptions): number {
  // Absolute, so every message names the directory that was actually looked at.
  const dataDir = resolve(options.home ?? resolveDataDir(options.env, envPaths('Izzie', { suffix: '' }).data));
  const check = checkAuditLogFile(dataDir);
  if (check.kind !== 'checked') {
    options.printError(cannotCheckMessage(check, dataDir));
    return AUDIT_EXIT.cannotCheck;
  }
  const result = check.verification;
  if (result.ok) {
    options.print(`Audit log intact: ${entries(result.entries)} checked.`);
    return AUDIT_EXIT.intact;
  }
  options.print(`Audit log broken at entry ${result.brokenAt}: ${result.reason}`);
  options.print(
    result.brokenAt > 1
      ? `The log has ${entries(result.entries)}; those before entry ${result.brokenAt} are intact.`
      : `The log has ${entries(result.entries)}.`,
  );
  return AUDIT_EXIT.broken;
}

function cannotCheckMessage(check: Exclude<AuditFileCheck, { kind: 'checked' }>, dataDir: string): string {
  switch (check.kind) {
    case 'no-data':
      return `No Izzie data in ${dataDir} (no database at ${check.databaseFile}). Use --home or IZZIE_HOME to name the data directory.`;
    case 'outdated':
      return (
        `The database ${check.databaseFile} is from an older Izzie (schema ${check.schemaVersion}, this version ` +
        `uses ${check.knownVersion}): open Izzie once to upgrade it, then verify again.`
      );
    case 'newer':
      return (
        `The database ${check.databaseFile} was written by a newer Izzie (schema ${check.schemaVersion}; this version ` +
        `knows up to ${check.knownVersion}): verify it with that version.`
      );
    case 'unreadable':
      return `Cannot read the database ${check.databaseFile}: ${check.message}`;
  }
}

/** Thousands separators fixed to en-US so the output (and scripts reading it) does not vary by locale. */
function entries(n: number): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? 'entry' : 'entries'}`;
}
