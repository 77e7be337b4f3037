import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * AES-256-GCM for one secret. Pure functions over buffers: no keychain, no SQL, no errors that
 * carry plaintext. The vault turns a `false`/thrown result into a message a person can act on.
 */
export const KEY_BYTES = 32;
/** 96-bit IVs are GCM's native size (NIST SP 800-38D §8.2.2); random ones are safe far beyond our row counts. */
export const IV_BYTES = 12;
export const TAG_BYTES = 16;
const ALGORITHM = 'aes-256-gcm';
const KEY_ID = /^[0-9a-f]{16}$/;

export interface SealedSecret {
  readonly keyId: string;
  readonly iv: Buffer;
  readonly ciphertext: Buffer;
  readonly authTag: Buffer;
}

export function generateMasterKey(): Buffer {
  return randomBytes(KEY_BYTES);
}

/** Names a key without revealing it: the first 64 bits of its SHA-256 (a preimage is out of reach). */
export function keyIdOf(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 16);
}

export function isKeyId(value: string): boolean {
  return KEY_ID.test(value);
}

/** The keychain holds text, so keys travel as base64. */
export function encodeMasterKey(key: Buffer): string {
  return key.toString('base64');
}

/** Returns the key only if it is 32 bytes and really is the key `expectedId` names. */
export function decodeMasterKey(encoded: string, expectedId: string): Buffer | null {
  const key = Buffer.from(encoded, 'base64');
  if (key.length !== KEY_BYTES || keyIdOf(key) !== expectedId) return null;
  return key;
}

/**
 * The name is the additional authenticated data: a ciphertext copied onto another name (or a
 * renamed row) fails authentication instead of handing one service's token to another.
 */
export function seal(key: Buffer, name: string, plaintext: string): SealedSecret {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(name, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return { keyId: keyIdOf(key), iv, ciphertext, authTag: cipher.getAuthTag() };
}

/**
 * Returns the plaintext, or null when anything about the row is off (wrong key, edited IV, tag or
 * ciphertext, wrong name). Never throws: node:crypto's errors ("Unsupported state or unable to
 * authenticate data") mean nothing to a person, and the vault knows the context to explain it.
 */
export function unseal(key: Buffer, name: string, sealed: SealedSecret): string | null {
  if (sealed.iv.length !== IV_BYTES || sealed.authTag.length !== TAG_BYTES || key.length !== KEY_BYTES) return null;
  try {
    // authTagLength pins the tag size: without it GCM would accept a truncated (weaker) tag.
    const decipher = createDecipheriv(ALGORITHM, key, sealed.iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(name, 'utf8'));
    decipher.setAuthTag(sealed.authTag);
    return Buffer.concat([decipher.update(sealed.ciphertext), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
