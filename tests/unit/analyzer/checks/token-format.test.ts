import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../../src/analyzer/analyze.js';
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

interface Row {
  name: string;
  token: string;
  status: CheckStatus;
  form?: TokenForm;
  /** The claims must still be recovered, so the later checks run. */
  claims?: boolean;
  /** A word the title or detail must contain (the cause named). */
  names?: RegExp;
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
  { name: 'warns on an HS256 token', token: hs256, status: 'warn', form: 'jws', names: /HS256/ },
  { name: 'passes an RS256 JWT', token: jwt, status: 'pass', form: 'jws', claims: true },
];

describe('token.format', () => {
  it.each(rows)('$name', ({ token, status, form, claims, names }) => {
    const diagnosis = analyze(request({ auth: `Bearer ${token}` }));
    const result = check(diagnosis, 'token.format');
    expect(result.status).toBe(status);
    expectFixWhenActionable(result);
    if (form) expect(diagnosis.token.form).toBe(form);
    if (names) expect(`${result.title} ${result.detail}`).toMatch(names);
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
