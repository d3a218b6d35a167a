import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { WwwAuthenticateChallenge } from '../../../../src/analyzer/types.js';
import {
  findBearerChallenge,
  parseWwwAuthenticate,
} from '../../../../src/analyzer/parse/www-authenticate.js';

const rows: Array<{ name: string; value: string; challenges: WwwAuthenticateChallenge[] }> = [
  // RFC 6750 §3 examples.
  {
    name: 'the RFC 6750 realm-only challenge',
    value: 'Bearer realm="example"',
    challenges: [{ scheme: 'Bearer', params: { realm: 'example' } }],
  },
  {
    name: 'the RFC 6750 expired-token challenge',
    value:
      'Bearer realm="example",\n       error="invalid_token",\n       error_description="The access token expired"'.replace(
        /\n\s+/g,
        ' ',
      ),
    challenges: [
      {
        scheme: 'Bearer',
        params: {
          realm: 'example',
          error: 'invalid_token',
          error_description: 'The access token expired',
        },
      },
    ],
  },
  {
    name: 'parameters without spaces after commas',
    value: 'Bearer realm="x",error="insufficient_scope",scope="read:contacts"',
    challenges: [
      {
        scheme: 'Bearer',
        params: { realm: 'x', error: 'insufficient_scope', scope: 'read:contacts' },
      },
    ],
  },
  {
    name: 'several challenges in one value',
    value: 'Basic realm="legacy", Bearer realm="api", error="invalid_token"',
    challenges: [
      { scheme: 'Basic', params: { realm: 'legacy' } },
      { scheme: 'Bearer', params: { realm: 'api', error: 'invalid_token' } },
    ],
  },
  {
    name: 'quoted-string escapes',
    value: String.raw`Bearer error_description="say \"hi\" to C:\\temp"`,
    challenges: [{ scheme: 'Bearer', params: { error_description: 'say "hi" to C:\\temp' } }],
  },
  {
    name: 'unquoted token values',
    value: 'Bearer error=invalid_token, realm=api',
    challenges: [{ scheme: 'Bearer', params: { error: 'invalid_token', realm: 'api' } }],
  },
  {
    name: 'parameter names in any case (lower-cased)',
    value: 'Bearer Error="invalid_token", REALM="x"',
    challenges: [{ scheme: 'Bearer', params: { error: 'invalid_token', realm: 'x' } }],
  },
  {
    name: 'a token68 challenge',
    value: 'Negotiate YIIGhgYGKwYBBQUCoIIGejCCBnag==',
    challenges: [{ scheme: 'Negotiate', params: { token68: 'YIIGhgYGKwYBBQUCoIIGejCCBnag==' } }],
  },
  {
    name: 'a token68 challenge followed by a Bearer one',
    value: 'Negotiate abc/+=, Bearer error="invalid_token"',
    challenges: [
      { scheme: 'Negotiate', params: { token68: 'abc/+=' } },
      { scheme: 'Bearer', params: { error: 'invalid_token' } },
    ],
  },
  {
    name: 'a bare scheme',
    value: 'Bearer',
    challenges: [{ scheme: 'Bearer', params: {} }],
  },
  {
    name: 'an unterminated quoted string',
    value: 'Bearer error="invalid_token", error_description="The token',
    challenges: [
      { scheme: 'Bearer', params: { error: 'invalid_token', error_description: 'The token' } },
    ],
  },
  {
    name: 'parameters before any scheme (kept under an unnamed challenge)',
    value: 'error="invalid_token"',
    challenges: [{ scheme: '', params: { error: 'invalid_token' } }],
  },
  { name: 'an empty value', value: '', challenges: [] },
  { name: 'only commas and spaces', value: ' , ,\t, ', challenges: [] },
];

describe('parseWwwAuthenticate', () => {
  it.each(rows)('reads $name', ({ value, challenges }) => {
    expect(parseWwwAuthenticate(value)).toEqual(challenges);
  });

  it('keeps a hostile __proto__ parameter as a plain own string', () => {
    const [bearer] = parseWwwAuthenticate(
      'Bearer __proto__="polluted", constructor="x", error="invalid_token"',
    );
    expect(bearer).toBeDefined();
    const params = bearer!.params;
    expect(Object.getOwnPropertyDescriptor(params, '__proto__')?.value).toBe('polluted');
    expect(Object.getPrototypeOf(params)).toBe(Object.prototype);
    expect(params.constructor).toBe('x');
    expect(params.error).toBe('invalid_token');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it.each([
    '@@@ ;;; ===',
    '"',
    '=',
    '==,==',
    'Bearer ="x"',
    'Bearer x="a\\',
    'Bearer realm="\u0000\u202e"',
    '\u{1F600} Bearer',
    ',Bearer,,realm=,error',
  ])('never throws on garbage %j', (garbage) => {
    expect(() => parseWwwAuthenticate(garbage)).not.toThrow();
  });

  it('never throws and always returns challenges, for any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (value) => {
        const result = parseWwwAuthenticate(value);
        expect(Array.isArray(result)).toBe(true);
        for (const c of result) expect(typeof c.scheme).toBe('string');
      }),
    );
  });

  it('finds the Bearer challenge whatever the case of its scheme', () => {
    const challenges = parseWwwAuthenticate('Basic realm="a", bearer error="invalid_token"');
    expect(findBearerChallenge(challenges)?.params.error).toBe('invalid_token');
    expect(findBearerChallenge(parseWwwAuthenticate('Basic realm="a"'))).toBeUndefined();
  });
});
