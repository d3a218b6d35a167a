/**
 * The analyzer decodes a well-formed JWS itself (SPEC §9: faster than jose's two decoders), so it
 * must accept exactly the tokens jose accepts and read the same header and claims from them.
 */
import fc from 'fast-check';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { describe, expect, it } from 'vitest';
import { decodeToken } from '../../../../src/analyzer/parse/decode-token.js';

const b64url = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64url');

/** A segment: base64url of JSON (objects, arrays, strings, non-ASCII), of random bytes, or any text. */
const segment = fc.oneof(
  fc.jsonValue().map((v) => b64url(JSON.stringify(v) ?? 'null')),
  fc.dictionary(fc.string(), fc.jsonValue()).map((v) => b64url(JSON.stringify(v))),
  fc
    .dictionary(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }))
    .map((v) => b64url(JSON.stringify(v))),
  fc.uint8Array({ maxLength: 60 }).map((bytes) => b64url(bytes)),
  // A valid segment with characters added or cut: lengths of 4n+1, stray bits at the end.
  fc
    .tuple(fc.dictionary(fc.string(), fc.integer()), fc.constantFrom('', 'A', 'AB', '-', '_'))
    .map(([v, extra]) => b64url(JSON.stringify(v)) + extra),
  fc.string({ unit: fc.constantFrom(...'ABCxyz019-_+/=. '.split('')), maxLength: 12 }),
);

function jose(token: string): { header: unknown; claims: unknown } | null {
  try {
    return { claims: decodeJwt(token), header: decodeProtectedHeader(token) };
  } catch {
    return null;
  }
}

describe('decodeToken and jose', () => {
  it('accepts what jose accepts, with the same header and claims; names a problem otherwise', () => {
    fc.assert(
      fc.property(segment, segment, fc.constantFrom('c2ln', 'abc_-XYZ', ''), (h, p, s) => {
        const token = `${h}.${p}.${s}`;
        const decoded = decodeToken(token);
        const expected = jose(token);
        if (expected && /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(token)) {
          expect(decoded.form).toBe('jws');
          expect(decoded.header).toEqual(expected.header);
          expect(decoded.claims).toEqual(expected.claims);
          expect(decoded.segments).toBe(3);
        } else if (!expected) {
          expect(decoded.problem).not.toBeNull();
        }
      }),
      { numRuns: 3000 },
    );
  });
});
