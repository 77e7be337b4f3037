import type { Logger, LogLevel } from '../src/core/log/logger';
import { Redactor } from '../src/core/log/redact';

/**
 * A Logger that hands every line, raw (nothing redacted), to `record`, so a test can read what was
 * logged or prove a secret never even reached the logger. `child` shares the same record.
 */
export function recordingLogger(record: (level: LogLevel, message: string, fields?: Record<string, unknown>) => void): Logger {
  const write = (level: LogLevel) => (message: string, fields?: Record<string, unknown>) => record(level, message, fields);
  const log: Logger = {
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    child: () => log,
    redactor: new Redactor(),
  };
  return log;
}
