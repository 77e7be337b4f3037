import { closeSync, mkdirSync, openSync, renameSync, statSync, writeSync, existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { Redactor } from './redact';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
const LEVELS: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };
const ROTATE_AT_BYTES = 5 * 1024 * 1024;
const KEEP_ROTATED = 3;

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  child(scope: string): Logger;
  readonly redactor: Redactor;
}

export interface FileLogger extends Logger {
  readonly file: string;
  close(): void;
}

/**
 * Structured JSON-lines logging to a file in the data dir. Writes are synchronous appends: a log
 * line written just before a crash is on disk, and lines from one process never interleave.
 */
export function createFileLogger(file: string, options: { level?: LogLevel; echo?: (line: string) => void } = {}): FileLogger {
  mkdirSync(dirname(file), { recursive: true });
  rotateIfLarge(file);
  let fd: number | null = openSync(file, 'a', 0o600);
  const redactor = new Redactor();
  const threshold = LEVELS[options.level ?? 'info'];

  const write = (level: LogLevel, scope: string, message: string, fields?: Record<string, unknown>): void => {
    if (LEVELS[level] < threshold || fd === null) return;
    const entry = {
      t: new Date().toISOString(),
      level,
      scope,
      msg: redactor.redactString(message),
      ...(fields ? (redactor.redact(fields) as Record<string, unknown>) : {}),
    };
    const line = JSON.stringify(entry);
    writeSync(fd, line + '\n');
    options.echo?.(line);
  };

  const make = (scope: string): Logger => ({
    debug: (m, f) => write('debug', scope, m, f),
    info: (m, f) => write('info', scope, m, f),
    warn: (m, f) => write('warn', scope, m, f),
    error: (m, f) => write('error', scope, m, f),
    child: (inner) => make(`${scope}.${inner}`),
    redactor,
  });

  return {
    ...make('izzie'),
    file,
    close() {
      if (fd !== null) closeSync(fd);
      fd = null;
    },
  };
}

function rotateIfLarge(file: string): void {
  if (!existsSync(file) || statSync(file).size < ROTATE_AT_BYTES) return;
  for (let i = KEEP_ROTATED - 1; i >= 1; i--) {
    if (existsSync(`${file}.${i}`)) renameSync(`${file}.${i}`, `${file}.${i + 1}`);
  }
  renameSync(file, `${file}.1`);
}
