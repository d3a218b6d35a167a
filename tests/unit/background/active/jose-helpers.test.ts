/**
 * jws.ts decodes base64url and the protected header itself, as jose 6 does (it no longer bundles
 * jose's modules into the worker): the same bytes, the same header, and a throw where jose throws.
 */
import fc from 'fast-check';
import { decodeProtectedHeader as joseHeader } from 'jose';
import { decode as joseDecode } from 'jose/base64url';
import { describe, expect, it } from 'vitest';
import { base64urlDecode, decodeProtectedHeader } from '../../../../src/background/active/jws.js';

const b64url = (text: string | Uint8Array) => Buffer.from(text).toString('base64url');

/** base64url text, and text near it: standard base64, padding, whitespace, stray characters. */
const encoded = fc.oneof(
  fc.uint8Array({ maxLength: 40 }).map((bytes) => b64url(bytes)),
  fc.uint8Array({ maxLength: 40 }).map((bytes) => Buffer.from(bytes).toString('base64')),
  fc.string({ unit: fc.constantFrom(...'AZaz09-_+/= .\n\u00e9'.split('')), maxLength: 16 }),
);

const segment = fc.oneof(
  fc.jsonValue().map((v) => b64url(JSON.stringify(v) ?? 'null')),
  fc.dictionary(fc.string(), fc.jsonValue()).map((v) => b64url(JSON.stringify(v))),
  fc.uint8Array({ maxLength: 30 }).map((bytes) => b64url(bytes)),
  encoded,
);

function outcome<T>(f: () => T): { ok: T } | { error: string } {
  try {
    return { ok: f() };
  } catch (error) {
    return { error: error instanceof Error ? error.constructor.name : 'thrown' };
  }
}

describe('jose helpers in jws.ts', () => {
  it('decodes base64url as jose does, and refuses what jose refuses', () => {
    fc.assert(
      fc.property(encoded, (text) => {
        const ours = outcome(() => [...base64urlDecode(text)]);
        const theirs = outcome(() => [...joseDecode(text)]);
        expect('ok' in ours, text).toBe('ok' in theirs);
        if ('ok' in ours && 'ok' in theirs) expect(ours.ok, text).toEqual(theirs.ok);
      }),
      { numRuns: 5000 },
    );
  });

  it('reads the protected header as jose does: 3 or 5 segments, a JSON object, else TypeError', () => {
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 6 }), (parts) => {
        const token = parts.join('.');
        const ours = outcome(() => decodeProtectedHeader(token));
        const theirs = outcome(() => joseHeader(token));
        expect(ours, token).toEqual(theirs);
      }),
      { numRuns: 5000 },
    );
    expect(() => decodeProtectedHeader('')).toThrow('Invalid Token or Protected Header formatting');
    expect(decodeProtectedHeader(`${b64url('{"alg":"RS256"}')}.e30.c2ln`)).toEqual({
      alg: 'RS256',
    });
  });
});
