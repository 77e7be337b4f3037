import { createHash } from 'node:crypto';

/**
 * The SHA-256 an approval is bound to: of the tool's name and its arguments as canonical JSON (keys
 * sorted at every level), so the same payload always has the same hash and any change — one
 * recipient, one character of the body — has another.
 */
export function payloadHash(tool: string, payload: Record<string, unknown>): string {
  return createHash('sha256').update(tool).update('\n').update(canonicalJson(payload)).digest('hex');
}

export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const inner = (value as Record<string, unknown>)[key];
    if (inner !== undefined) out[key] = sortKeys(inner);
  }
  return out;
}
