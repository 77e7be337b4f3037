/**
 * Where the Electron host reports problems it handles itself (a refused sender, a missing tray
 * icon): the core's log file once the core runs, the console before. Fields must never carry
 * secrets or message bodies.
 */
export interface HostLog {
  warn(message: string, fields?: Readonly<Record<string, unknown>>): void;
  error(message: string, fields?: Readonly<Record<string, unknown>>): void;
}

export const consoleHostLog: HostLog = {
  warn: (message, fields) => console.warn(`[izzie:main] ${message}`, fields ?? ''),
  error: (message, fields) => console.error(`[izzie:main] ${message}`, fields ?? ''),
};

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
