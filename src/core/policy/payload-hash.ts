import { createHash } from 'node:crypto';
import { canonicalJson } from '../../shared';

/**
 * The SHA-256 an approval is bound to: of the tool's name and its arguments as canonical JSON (keys
 * sorted at every level), so the same payload always has the same hash and any change — one
 * recipient, one character of the body — has another.
 */
export function payloadHash(tool: string, payload: Record<string, unknown>): string {
  return createHash('sha256').update(tool).update('\n').update(canonicalJson(payload)).digest('hex');
}
