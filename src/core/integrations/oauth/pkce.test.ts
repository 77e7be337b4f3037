import { describe, expect, it } from 'vitest';
import { createPkcePair, pkceChallenge } from './pkce';

describe('PKCE', () => {
  it('derives the S256 challenge of the RFC 7636 appendix B vector', () => {
    expect(pkceChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('makes fresh verifiers in the unreserved alphabet, 43 to 128 characters, with matching challenges', () => {
    const a = createPkcePair();
    const b = createPkcePair();
    expect(a.verifier).not.toBe(b.verifier);
    for (const pair of [a, b]) {
      expect(pair.verifier).toMatch(/^[A-Za-z0-9\-._~]{43,128}$/);
      expect(pair.challenge).toBe(pkceChallenge(pair.verifier));
      expect(pair.method).toBe('S256');
    }
  });
});
