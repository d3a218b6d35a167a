import { generateKeyPairSync, sign as cryptoSign } from 'node:crypto';
import { SignJWT, generateKeyPair, type JWTPayload } from 'jose';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../../src/analyzer/analyze.js';
import { SANITIZED_SIGNATURE } from '../../../../src/analyzer/parse/decode-token.js';
import type { CheckStatus, TokenForm } from '../../../../src/analyzer/types.js';
import { TEST_TENANT, noAudienceToken, signToken } from '../../../helpers/tokens.js';
import { check, expectFixWhenActionable, partsOf, request, segment } from '../helpers.js';

const TENANT_CLAIM = 'http://rhythmsoftware.com/tenant_id';
const jwt = await signToken();
const [h, p, s] = partsOf(jwt);
const hs256 = await new SignJWT({ sub: 'auth0|x', aud: 'https://api.rhythmsoftware.com' })
  .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
  .sign(new TextEncoder().encode('a-test-secret-of-at-least-32-bytes!!'));
const base64 = [h, p, s].map((x) => Buffer.from(x, 'base64url').toString('base64')).join('.');
/** A real RS256 signature of a 1024-bit key (jose refuses to make one: node:crypto does). */
const rsa1024 = (() => {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
  const signed = `${h}.${p}`;
  return `${signed}.${cryptoSign('sha256', Buffer.from(signed), privateKey).toString('base64url')}`;
})();
const rsa3072 = await (async () => {
  const { privateKey } = await generateKeyPair('RS256', { modulusLength: 3072 });
  return new SignJWT(JSON.parse(Buffer.from(p, 'base64url').toString('utf8')) as JWTPayload)
    .setProtectedHeader({ alg: 'RS256' })
    .sign(privateKey);
})();
const es256 = await (async () => {
  const { privateKey } = await generateKeyPair('ES256');
  return new SignJWT({ sub: 'x' }).setProtectedHeader({ alg: 'ES256' }).sign(privateKey);
})();
const jwe = (header: Record<string, unknown>) =>
  `${segment(header)}.${segment('key')}.${segment('iv')}.${segment('ciphertext')}.${segment('tag')}`;

interface Row {
  name: string;
  token: string;
  status: CheckStatus;
  form?: TokenForm;
  /** The claims must still be recovered, so the later checks run. */
  claims?: boolean;
  /** A word the title or detail must contain (the cause named). */
  names?: RegExp;
  /** What the title, detail and fix must not say (a cause the token cannot show). */
  never?: RegExp;
}

const rows: Row[] = [
  {
    name: 'fails the 5-part JWE (alg dir) Auth0 issues without an audience',
    token: noAudienceToken(),
    status: 'fail',
    form: 'jwe',
    names: /audience/i,
  },
  {
    name: 'fails a short opaque token, naming the missing audience',
    token: '8fJ2kLm0QpZxR4',
    status: 'fail',
    form: 'opaque',
    names: /audience/i,
  },
  {
    name: 'fails a token of 2 parts (truncated)',
    token: `${h}.${p}`,
    status: 'fail',
    claims: true,
    names: /truncated/i,
  },
  {
    name: 'fails a token with an empty signature',
    token: `${h}.${p}.`,
    status: 'fail',
    claims: true,
    names: /truncated|signature/i,
  },
  {
    name: 'fails a token of 4 parts',
    token: `${h}.${p}.${s}.${s}`,
    status: 'fail',
    names: /4 segments/,
  },
  {
    name: 'fails base64 instead of base64url',
    token: base64,
    status: 'fail',
    claims: true,
    names: /base64url/,
  },
  {
    name: 'fails a line break inside the token',
    token: `${h}.${p.slice(0, 20)}\n${p.slice(20)}.${s}`,
    status: 'fail',
    claims: true,
    names: /whitespace/i,
  },
  {
    name: 'fails a space inside the token',
    token: `${h}.${p}.${s.slice(0, 9)} ${s.slice(9)}`,
    status: 'fail',
    claims: true,
    names: /whitespace/i,
  },
  {
    name: 'fails a header that is not JSON',
    token: `${segment('RS256')}.${p}.${s}`,
    status: 'fail',
    claims: true,
    names: /header is not JSON/,
  },
  {
    name: 'fails a payload that is not JSON',
    token: `${h}.${segment('sub=auth0|x')}.${s}`,
    status: 'fail',
    names: /payload is not JSON/,
  },
  {
    name: 'fails a payload that is a JSON array',
    token: `${h}.${segment([{ sub: 'x' }])}.${s}`,
    status: 'fail',
    names: /not a JSON object/,
  },
  {
    name: 'fails a payload that is a JSON number',
    token: `${h}.${segment('1793534400')}.${s}`,
    status: 'fail',
    names: /not a JSON object/,
  },
  {
    name: 'fails a signature with characters outside base64url',
    token: `${h}.${p}.${s}%3D`,
    status: 'fail',
    claims: true,
  },
  {
    name: 'fails alg none',
    token: `${segment({ alg: 'none', typ: 'JWT' })}.${p}.${s}`,
    status: 'fail',
    claims: true,
    names: /alg: none/,
  },
  {
    name: 'fails an unsecured JWT (alg none, empty signature) as alg none, not truncated',
    token: `${segment({ alg: 'none' })}.${p}.`,
    status: 'fail',
    claims: true,
    names: /alg: none/,
  },
  {
    name: 'fails a header without alg',
    token: `${segment({ typ: 'JWT' })}.${p}.${s}`,
    status: 'fail',
    claims: true,
    names: /no `alg`/,
  },
  {
    name: 'fails a JWE encrypted for someone else by its alg and enc, not as a missing audience',
    token: jwe({ alg: 'RSA-OAEP', enc: 'A256GCM', kid: 'k1' }),
    status: 'fail',
    form: 'jwe',
    names: /^Token is encrypted \(JWE RSA-OAEP, A256GCM\), not a signed JWT/,
    never: /no audience was requested/,
  },
  {
    name: "fails a dir JWE without an Auth0 iss, saying it is not Auth0's no-audience token",
    token: jwe({ alg: 'dir', enc: 'A128GCM' }),
    status: 'fail',
    form: 'jwe',
    names: /not Auth0's no-audience token/,
    never: /no audience was requested/,
  },
  {
    name: 'fails a nested JWT (cty JWT) as a nested JWT, never as "not a JWT"',
    token: jwe({ alg: 'RSA-OAEP', enc: 'A128GCM', cty: 'JWT' }),
    status: 'fail',
    form: 'jwe',
    names: /nested JWT/,
    never: /not a JWT/,
  },
  {
    name: 'fails an opaque token with dots (ya29.…) as opaque, not as a broken JWT',
    token: 'ya29.a0AfH6SMBx3-notarealtoken_Zk.9fJ2',
    status: 'fail',
    form: 'opaque',
    names: /opaque, not a JWT[\s\S]*ya29/,
    never: /header|Copy the whole/,
  },
  {
    name: 'fails an RS256 signature cut to 14 bytes as truncated, still reading the claims',
    token: `${h}.${p}.${s.slice(0, 19)}`,
    status: 'fail',
    claims: true,
    names: /14 bytes: truncated/,
  },
  {
    name: 'fails the whole RS256 signature of a 1024-bit key as shorter than 2048-bit ones',
    token: rsa1024,
    status: 'fail',
    claims: true,
    names: /128 bytes: a key under 2048 bits[\s\S]*256 bytes of Auth0's 2048-bit RS256/,
  },
  {
    name: 'fails a 257-byte RS256 signature as damaged (no RSA key is that long)',
    token: `${h}.${p}.${s}A`,
    status: 'fail',
    claims: true,
    names: /257 bytes: damaged/,
  },
  {
    name: 'fails an ES256 signature cut short',
    token: es256.slice(0, -10),
    status: 'fail',
    names: /ES256 signature of \d+ bytes, not 64: truncated/,
  },
  {
    name: 'warns on `=` padding alone: base64, but it still decodes',
    token: `${h}.${p}.${s}==`,
    status: 'warn',
    form: 'jws',
    claims: true,
    names: /signature ends in `=` padding/,
    never: /\buse base64/,
  },
  {
    name: 'passes the 384-byte RS256 signature of a 3072-bit key',
    token: rsa3072,
    status: 'pass',
    form: 'jws',
    claims: true,
    names: /384-byte signature/,
  },
  {
    name: "passes a sanitized HAR's token: the marker is no signature, its length is not judged",
    token: `${h}.${p}.${SANITIZED_SIGNATURE}`,
    status: 'pass',
    claims: true,
    names: /signature was removed when the HAR was sanitized/,
  },
  {
    name: 'keeps the padding warn of a sanitized token whose signature was padded',
    token: `${h}.${p}.${SANITIZED_SIGNATURE}=`,
    status: 'warn',
    claims: true,
    names: /`=` padding/,
  },
  {
    name: 'keeps the base64 fail of a sanitized token whose signature was base64',
    token: `${h}.${p}.${SANITIZED_SIGNATURE}+`,
    status: 'fail',
    claims: true,
    names: /base64url/,
  },
  { name: 'warns on an HS256 token', token: hs256, status: 'warn', form: 'jws', names: /HS256/ },
  {
    name: 'warns on an ES256 token with its whole signature',
    token: es256,
    status: 'warn',
    names: /ES256/,
  },
  { name: 'passes an RS256 JWT', token: jwt, status: 'pass', form: 'jws', claims: true },
];

describe('token.format', () => {
  it.each(rows)('$name', ({ token, status, form, claims, names, never }) => {
    const diagnosis = analyze(request({ auth: `Bearer ${token}` }));
    const result = check(diagnosis, 'token.format');
    expect(result.status).toBe(status);
    expectFixWhenActionable(result);
    if (form) expect(diagnosis.token.form).toBe(form);
    if (names) expect(`${result.title} ${result.detail}`).toMatch(names);
    if (never) expect(`${result.title} ${result.detail} ${result.fix}`).not.toMatch(never);
    if (claims) {
      expect(diagnosis.token.claims?.[TENANT_CLAIM]).toBe(TEST_TENANT);
      // The later checks read the recovered claims instead of skipping.
      expect(check(diagnosis, 'token.audience').status).toBe('pass');
      expect(check(diagnosis, 'token.expiry').status).toBe('pass');
    }
  });

  it('skips when no token was sent', () => {
    expect(check(analyze(request()), 'token.format').status).toBe('skip');
  });

  it('quotes the JWE header (alg dir) and makes the missing audience the root cause', () => {
    const diagnosis = analyze(request({ auth: `Bearer ${noAudienceToken()}` }));
    expect(diagnosis.token.header).toMatchObject({ alg: 'dir', enc: 'A256GCM' });
    expect(check(diagnosis, 'token.format').detail).toContain('dir');
    expect(diagnosis.rootCause?.id).toBe('token.format');
    expect(diagnosis.rootCause?.fix).toContain('audience=https://api.rhythmsoftware.com');
  });

  it('skips the claim checks of an unreadable token instead of failing them', () => {
    const diagnosis = analyze(request({ auth: `Bearer ${noAudienceToken()}` }));
    for (const id of ['token.kind', 'token.audience', 'token.expiry', 'token.issuer'] as const) {
      expect(check(diagnosis, id).status, id).toBe('skip');
    }
  });
});
