import { describe, expect, it } from 'vitest';
import { signatureOutcome } from '../../../../src/analyzer/checks/token-format-signature.js';

/** [alg, signature bytes, status (null: the length fits), what the title says]. */
const rows: Array<[string, number, 'fail' | null, RegExp | null]> = [
  ['RS256', 256, null, null],
  ['RS256', 384, null, null],
  ['RS512', 512, null, null],
  ['PS256', 1024, null, null],
  ['RS256', 14, 'fail', /14 bytes: truncated, or a key under 2048 bits/],
  ['RS256', 2, 'fail', /truncated/],
  ['RS256', 128, 'fail', /128 bytes: a key under 2048 bits, or truncated/],
  ['PS384', 192, 'fail', /192 bytes: a key under 2048 bits/],
  ['RS256', 255, 'fail', /255 bytes: truncated/],
  ['RS256', 257, 'fail', /257 bytes: damaged/],
  ['RS384', 300, 'fail', /300 bytes: damaged/],
  ['HS256', 32, null, null],
  ['HS256', 31, 'fail', /HS256 signature of 31 bytes, not 32: truncated/],
  ['HS512', 65, 'fail', /not 64: damaged/],
  ['ES256', 64, null, null],
  ['ES256', 72, 'fail', /not 64: damaged/],
  ['ES384', 96, null, null],
  ['ES512', 132, null, null],
  ['ES512', 130, 'fail', /not 132: truncated/],
  ['EdDSA', 64, null, null],
  ['EdDSA', 114, null, null],
  ['EdDSA', 100, 'fail', /not 64 or 114/],
  // Unknown algorithms and missing signatures are judged elsewhere (alg, truncated).
  ['XYZ1', 7, null, null],
  ['constructor', 7, null, null],
  ['RS256', 0, null, null],
];

describe('signatureOutcome: the signature is as long as its alg makes it', () => {
  it.each(rows)('%s with %i bytes → %s', (alg, bytes, status, title) => {
    const outcome = signatureOutcome(alg, bytes);
    expect(outcome?.status ?? null).toBe(status);
    if (title) expect(outcome?.title).toMatch(title);
    if (outcome) expect(outcome.fix).toMatch(/Copy the whole access_token/);
  });

  it("explains a short RSA signature against Auth0's 2048-bit keys", () => {
    expect(signatureOutcome('RS256', 128)?.detail).toMatch(
      /shorter than the 256 bytes of Auth0's 2048-bit RS256 signatures: it was truncated, or signed with a key under 2048 bits \(128 bytes is exactly the signature of a 1024-bit key/,
    );
  });

  it('names the RSA key sizes a damaged length is none of', () => {
    expect(signatureOutcome('RS256', 257)?.detail).toMatch(/256, 384 or 512 bytes/);
  });
});
