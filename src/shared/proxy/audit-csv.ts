import type { AuditEntry } from '../contract';

/** The audit export's CSV columns, in order. */
export const AUDIT_CSV_COLUMNS: readonly (keyof AuditEntry)[] = [
  'seq',
  'id',
  'at',
  'actor',
  'action',
  'mode',
  'persona',
  'model',
  'tokensIn',
  'tokensOut',
  'latencyMs',
  'costUsd',
  'success',
  'error',
  'input',
  'output',
  'trace',
  'prevHash',
  'hash',
];

/** Audit entries as CSV (RFC 4180, CRLF line ends), times as ISO text. */
export function auditCsv(entries: readonly AuditEntry[]): string {
  const rows = entries.map((entry) =>
    AUDIT_CSV_COLUMNS.map((column) => csvCell(column === 'at' ? new Date(entry.at).toISOString() : entry[column])).join(','),
  );
  return `${[AUDIT_CSV_COLUMNS.join(','), ...rows].join('\r\n')}\r\n`;
}

function csvCell(value: unknown): string {
  const raw = value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
  // A cell a spreadsheet would run as a formula is kept as text.
  const text = /^[=+\-@\t\r]/.test(raw) ? `'${raw}` : raw;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
