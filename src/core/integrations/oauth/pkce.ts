import { createHash, randomBytes } from 'node:crypto';

/** A PKCE pair (RFC 7636) with the S256 method: the verifier stays here, the challenge goes out. */
export interface PkcePair {
  readonly verifier: string;
  readonly challenge: string;
  readonly method: 'S256';
}

/** `BASE64URL(SHA256(ASCII(verifier)))`, RFC 7636 §4.2. */
export function pkceChallenge(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

/** 32 random bytes give a 43-character verifier, the shortest RFC 7636 allows and plenty of entropy. */
export function createPkcePair(): PkcePair {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: pkceChallenge(verifier), method: 'S256' };
}
