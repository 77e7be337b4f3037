import { canonicalJson } from '../../../shared';

/**
 * What the core derives from a proxy action's payload, done the same way in the fake: the hash an
 * approval is bound to (the preview is the core's own `previewOf`, from src/shared). The core
 * hashes with SHA-256; the fake runs in the browser build, where only the asynchronous WebCrypto digest exists, so it stands in a
 * deterministic 64-hex-digit hash of the same stable JSON. Only equality matters to the window.
 */

export type Payload = Record<string, unknown>;

/** Eight differently seeded FNV-1a rounds over the stable JSON: 64 hex digits, like a SHA-256. */
export function payloadHash(payload: Payload): string {
  const text = canonicalJson(payload);
  let hex = '';
  for (let round = 0; round < 8; round++) {
    let hash = (0x811c9dc5 ^ Math.imul(round + 1, 0x9e3779b1)) >>> 0;
    for (let i = 0; i < text.length; i++) {
      hash ^= text.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    hex += hash.toString(16).padStart(8, '0');
  }
  return hex;
}
