import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import {
  decodeToken,
  type DecodedToken,
  type FormatProblem,
} from '../../../../src/analyzer/parse/decode-token.js';
import type { TokenForm } from '../../../../src/analyzer/types.js';
import { noAudienceToken, signToken } from '../../../helpers/tokens.js';
import { partsOf, segment } from '../helpers.js';

const jwt = await signToken();
const [h, p, s] = partsOf(jwt);
const hs256 = await new SignJWT({ sub: 'x' })
  .setProtectedHeader({ alg: 'HS256' })
  .sign(new TextEncoder().encode('a-test-secret-of-at-least-32-bytes!!'));
const toBase64 = (part: string) => Buffer.from(part, 'base64url').toString('base64');

interface Row {
  name: string;
  token: string;
  form: TokenForm;
  problem: FormatProblem | null;
  part?: DecodedToken['part'];
  segments?: number;
  /** What is still read (the rest is null), so the later checks have evidence. */
  reads: 'both' | 'header' | 'claims' | 'neither';
}

const rows: Row[] = [
  {
    name: 'a signed RS256 JWT',
    token: jwt,
    form: 'jws',
    problem: null,
    segments: 3,
    reads: 'both',
  },
  { name: 'a signed HS256 JWT', token: hs256, form: 'jws', problem: null, reads: 'both' },
  {
    name: 'the 5-part JWE Auth0 issues without an audience',
    token: noAudienceToken(),
    form: 'jwe',
    problem: 'jwe',
    segments: 5,
    reads: 'header',
  },
  {
    name: 'a nested JWT: a JWE whose header says cty JWT',
    token: `${segment({ alg: 'RSA-OAEP', enc: 'A128GCM', cty: 'JWT' })}.a.b.c.d`,
    form: 'jwe',
    problem: 'nested-jwe',
    segments: 5,
    reads: 'header',
  },
  {
    name: 'five dot-separated parts with no JSON header: opaque, not a JWE',
    token: 'abc.def.ghi.jkl.mno',
    form: 'opaque',
    problem: 'opaque',
    segments: 5,
    reads: 'neither',
  },
  {
    name: "an opaque token with dots (Google's ya29.…)",
    token: 'ya29.a0AfH6SMBx3-notarealtoken_Zk.9fJ2',
    form: 'opaque',
    problem: 'opaque',
    segments: 3,
    reads: 'neither',
  },
  {
    name: 'two dot-separated parts, neither JSON',
    token: 'abc.def',
    form: 'opaque',
    problem: 'opaque',
    segments: 2,
    reads: 'neither',
  },
  {
    name: 'a signature that ends in = padding and nothing else of base64',
    token: `${h}.${p}.${s}==`,
    form: 'jws',
    problem: 'padding',
    part: 'signature',
    reads: 'both',
  },
  {
    name: 'a short opaque token',
    token: '8fJ2kLm0QpZxR4',
    form: 'opaque',
    problem: 'opaque',
    segments: 1,
    reads: 'neither',
  },
  {
    name: 'a token cut after the payload',
    token: `${h}.${p}`,
    form: 'jws',
    problem: 'truncated',
    segments: 2,
    reads: 'both',
  },
  {
    name: 'a token with an empty signature',
    token: `${h}.${p}.`,
    form: 'jws',
    problem: 'truncated',
    segments: 3,
    reads: 'both',
  },
  {
    name: 'a token of 4 segments',
    token: `${h}.${p}.${s}.${s}`,
    form: 'opaque',
    problem: 'segments',
    segments: 4,
    reads: 'header',
  },
  {
    name: 'a token of 6 segments',
    token: `${jwt}.${jwt}`.split('.').slice(0, 6).join('.'),
    form: 'opaque',
    problem: 'segments',
    segments: 6,
    reads: 'header',
  },
  {
    name: 'a token re-encoded as base64',
    token: [h, p, s].map(toBase64).join('.'),
    form: 'jws',
    problem: 'base64',
    part: 'header',
    reads: 'both',
  },
  {
    name: 'a signature re-encoded as base64',
    token: `${h}.${p}.${toBase64(s)}`,
    form: 'jws',
    problem: 'base64',
    part: 'signature',
    reads: 'both',
  },
  {
    name: 'a line break inside the payload',
    token: `${h}.${p.slice(0, 10)}\n${p.slice(10)}.${s}`,
    form: 'jws',
    problem: 'whitespace',
    reads: 'both',
  },
  {
    name: 'a CRLF inside the signature',
    token: `${h}.${p}.${s.slice(0, 50)}\r\n${s.slice(50)}`,
    form: 'jws',
    problem: 'whitespace',
    reads: 'both',
  },
  {
    name: 'a space inside the header',
    token: `${h.slice(0, 7)} ${h.slice(7)}.${p}.${s}`,
    form: 'jws',
    problem: 'whitespace',
    reads: 'both',
  },
  {
    name: 'a URL-encoded signature',
    token: `${h}.${p}.${s}%3D%3D`,
    form: 'jws',
    problem: 'bad-characters',
    part: 'signature',
    reads: 'both',
  },
  {
    name: 'a header with a character outside base64',
    token: `${h}*.${p}.${s}`,
    form: 'jws',
    problem: 'bad-characters',
    part: 'header',
    reads: 'claims',
  },
  {
    name: 'a header that is not JSON',
    token: `${segment('not json')}.${p}.${s}`,
    form: 'jws',
    problem: 'not-json',
    part: 'header',
    reads: 'claims',
  },
  {
    name: 'a payload that is not JSON',
    token: `${h}.${segment('{"sub":')}.${s}`,
    form: 'jws',
    problem: 'not-json',
    part: 'payload',
    reads: 'header',
  },
  {
    name: 'a payload that is not UTF-8',
    token: `${h}.${Buffer.from([0xff, 0xfe, 0x7b]).toString('base64url')}.${s}`,
    form: 'jws',
    problem: 'not-json',
    part: 'payload',
    reads: 'header',
  },
  {
    name: 'a payload that is a JSON array',
    token: `${h}.${segment([1, 2])}.${s}`,
    form: 'jws',
    problem: 'not-object',
    part: 'payload',
    reads: 'header',
  },
  {
    name: 'a payload that is a JSON number',
    token: `${h}.${segment('42')}.${s}`,
    form: 'jws',
    problem: 'not-object',
    part: 'payload',
    reads: 'header',
  },
  {
    name: 'a payload that is JSON null',
    token: `${h}.${segment('null')}.${s}`,
    form: 'jws',
    problem: 'not-object',
    part: 'payload',
    reads: 'header',
  },
  {
    name: 'a header that is a JSON string',
    token: `${segment('"RS256"')}.${p}.${s}`,
    form: 'jws',
    problem: 'not-object',
    part: 'header',
    reads: 'claims',
  },
  {
    name: 'alg none with a signature',
    token: `${segment({ alg: 'none' })}.${p}.${s}`,
    form: 'jws',
    problem: 'alg-none',
    reads: 'both',
  },
  {
    name: 'an unsecured JWT (alg none, empty signature)',
    token: `${segment({ alg: 'none', typ: 'JWT' })}.${p}.`,
    form: 'jws',
    problem: 'alg-none',
    reads: 'both',
  },
  {
    name: 'alg NONE in capitals',
    token: `${segment({ alg: 'NONE' })}.${p}.${s}`,
    form: 'jws',
    problem: 'alg-none',
    reads: 'both',
  },
  {
    name: 'a header without alg',
    token: `${segment({ typ: 'JWT' })}.${p}.${s}`,
    form: 'jws',
    problem: 'no-alg',
    reads: 'both',
  },
  {
    name: 'an empty alg',
    token: `${segment({ alg: '' })}.${p}.${s}`,
    form: 'jws',
    problem: 'no-alg',
    reads: 'both',
  },
  {
    name: 'a numeric alg',
    token: `${segment({ alg: 256 })}.${p}.${s}`,
    form: 'jws',
    problem: 'no-alg',
    reads: 'both',
  },
];

describe('decodeToken', () => {
  it.each(rows)('decodes $name', (row) => {
    const decoded = decodeToken(row.token);
    expect(decoded.form).toBe(row.form);
    expect(decoded.problem).toBe(row.problem);
    if (row.part) expect(decoded.part).toBe(row.part);
    if (row.segments !== undefined) expect(decoded.segments).toBe(row.segments);
    if (row.reads === 'both' || row.reads === 'header') {
      expect(decoded.header).toBeInstanceOf(Object);
    } else expect(decoded.header).toBeNull();
    if (row.reads === 'both' || row.reads === 'claims') {
      expect(decoded.claims?.sub).toEqual(expect.any(String));
    } else expect(decoded.claims).toBeNull();
  });

  it('really re-encodes with the base64 alphabet in the base64 rows', () => {
    for (const row of rows.filter((r) => r.problem === 'base64')) {
      expect(row.token).toMatch(/[+/=]/);
    }
  });

  it.each([
    ['a 2048-bit RS256 JWT', jwt, 256],
    ['an HS256 JWT', hs256, 32],
    ['a signature cut to 19 characters', `${h}.${p}.${s.slice(0, 19)}`, 14],
    ['a padded signature', `${h}.${p}.${s}==`, 256],
    ['a token of 2 segments', `${h}.${p}`, null],
    ['a JWE', noAudienceToken(), null],
  ] as const)('measures the signature of %s in bytes', (_name, token, bytes) => {
    expect(decodeToken(token).signatureBytes).toBe(bytes);
  });

  it('reads the JWE header Auth0 sends without an audience', () => {
    expect(decodeToken(noAudienceToken()).header).toMatchObject({ alg: 'dir', enc: 'A256GCM' });
  });

  it('names every FormatProblem at least once in the table', () => {
    const all: Record<FormatProblem, true> = {
      jwe: true,
      'nested-jwe': true,
      opaque: true,
      truncated: true,
      segments: true,
      whitespace: true,
      base64: true,
      padding: true,
      'bad-characters': true,
      'not-json': true,
      'not-object': true,
      'alg-none': true,
      'no-alg': true,
    };
    expect(new Set(rows.map((r) => r.problem))).toEqual(new Set([...Object.keys(all), null]));
  });

  it.each([
    '',
    '.',
    '..',
    '...',
    '....',
    '.....',
    '\u0000',
    'ey\u202eJ.é.☃',
    '=.=.=',
    'a'.repeat(10_000),
  ])('never throws on garbage %j', (garbage) => {
    expect(() => decodeToken(garbage)).not.toThrow();
  });
});
