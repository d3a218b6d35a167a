/**
 * The analyzer decodes a well-formed JWS itself (SPEC §9: faster than jose's two decoders), so it
 * must accept exactly the tokens jose accepts and read the same header and claims from them.
 */
import fc from 'fast-check';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { describe, expect, it } from 'vitest';
import { compactStringPairs, decodeToken } from '../../../../src/analyzer/parse/decode-token.js';

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

/** Header texts: compact flat objects of plain strings, and everything near them. */
const headerText = fc.oneof(
  fc
    .dictionary(fc.string({ maxLength: 6 }), fc.string({ maxLength: 8 }), { maxKeys: 5 })
    .map((v) => JSON.stringify(v)),
  fc
    .tuple(
      fc.dictionary(fc.string({ maxLength: 4 }), fc.oneof(fc.string(), fc.integer(), fc.boolean())),
      fc.constantFrom(0, 1),
    )
    .map(([v, space]) => JSON.stringify(v, null, space)),
  fc.string({ unit: fc.constantFrom(...'{}":,a1_ \\u'.split('')), maxLength: 20 }),
  // The same key twice, an index-like key, escapes, whitespace.
  fc.constantFrom(
    '{"alg":"RS256","alg":"HS256"}',
    '{"2":"a","alg":"RS256"}',
    '{"alg":"RS\\u0032"}',
    '{ "alg":"RS256"}',
    '{"alg":"RS256" }',
    '{"a":"b",}',
    '{"a":"b"}x',
    '{}',
    '{"__proto__":"x","alg":"RS256"}',
  ),
);

describe('compactStringPairs', () => {
  it('says a text is what JSON.stringify writes for it only when it is', () => {
    fc.assert(
      fc.property(headerText, (text) => {
        const pairs = compactStringPairs(text);
        if (pairs < 0) return;
        const parsed = JSON.parse(text) as Record<string, unknown>;
        if (pairs !== Object.keys(parsed).length) return; // a key twice: not used
        expect(JSON.stringify(parsed)).toBe(text);
      }),
      { numRuns: 5000 },
    );
  });

  it('counts the members of a compact header, and refuses what is not one', () => {
    expect(compactStringPairs('{"alg":"RS256","typ":"JWT","kid":"k1"}')).toBe(3);
    expect(compactStringPairs('{}')).toBe(0);
    expect(compactStringPairs('{"alg":"RS256","alg":"HS256"}')).toBe(2); // the caller compares
    for (const text of ['{"2":"a"}', '{"a":1}', '{ "a":"b"}', '{"a":"\\n"}', '{"a":"b"', '[]']) {
      expect(compactStringPairs(text), text).toBe(-1);
    }
  });

  it('keeps the header text of a strict JWS only when it is what JSON.stringify writes', () => {
    const token = (header: string) => `${b64url(header)}.${b64url('{"sub":"x"}')}.${b64url('sig')}`;
    expect(decodeToken(token('{"alg":"RS256","typ":"JWT"}'), true).headerJson).toBe(
      '{"alg":"RS256","typ":"JWT"}',
    );
    for (const header of ['{"alg":"RS256", "typ":"JWT"}', '{"alg":"RS256","alg":"HS256"}']) {
      expect(decodeToken(token(header), true).headerJson, header).toBeUndefined();
    }
  });
});
