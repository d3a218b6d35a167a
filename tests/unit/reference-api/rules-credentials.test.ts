/**
 * rules.ts, credentials: every way the Authorization header or the token makes the reference API
 * answer 401, with the RFC 6750 challenge a client would see, and the near misses it accepts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { RHYTHM_AUDIENCE } from '../../../src/analyzer/rhythm.js';
import type { MintOptions } from '../../../tools/reference-api/mint.js';
import { decideApiRequest } from '../../../tools/reference-api/rules.js';
import { jweLikeToken } from '../../../tools/reference-api/tokens.js';
import { ACME } from '../../../tools/reference-api/world.js';
import { CONTACT_CURRENT, createFixture, NOW_S, request } from './fixture.js';
import type { Fixture } from './fixture.js';

let fx: Fixture;
beforeAll(async () => {
  fx = await createFixture();
});

const invalidToken = (description: string) =>
  `Bearer realm="rhythm", error="invalid_token", error_description="${description}"`;
const invalidRequest = (description: string) =>
  `Bearer realm="rhythm", error="invalid_request", error_description="${description}"`;

interface Case {
  spec: string;
  /** How the token is minted (default: Ada's valid user token) or a literal token. */
  token?: MintOptions | { literal: string } | { tamper: true };
  /** Request headers from the token; default `Authorization: Bearer <token>`. */
  headers?: (token: string) => Record<string, string>;
  url?: string;
  rule: string;
  challenge: string;
}

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

const rejected: Case[] = [
  {
    spec: 'answers 401 without an error code when no Authorization header was sent',
    headers: () => ({}),
    rule: 'no-credentials',
    challenge: 'Bearer realm="rhythm"',
  },
  ...['Authorisation', 'X-Authorization', 'Auth', 'Token'].map((name): Case => ({
    spec: `answers 401 as if nothing was sent when the token is under "${name}"`,
    headers: (t) => ({ [name]: `Bearer ${t}` }),
    rule: 'no-credentials',
    challenge: 'Bearer realm="rhythm"',
  })),
  {
    spec: 'answers 401 as if nothing was sent when the token is an access_token query parameter',
    headers: () => ({}),
    url: `${CONTACT_CURRENT}?access_token=eyJhbGciOiJSUzI1NiJ9.e30.c2ln`,
    rule: 'no-credentials',
    challenge: 'Bearer realm="rhythm"',
  },
  ...[
    ['a raw token without a scheme', (t: string) => t],
    ['the Basic scheme', () => 'Basic YWRhOnNlY3JldA=='],
    ['"Bearer" with no space before the token', (t: string) => `Bearer${t}`],
    ['"Bearer" and no token', () => 'Bearer'],
    ['an empty value', () => ''],
    ['the Token scheme', (t: string) => `Token ${t}`],
  ].map(([what, value]): Case => ({
    spec: `answers 401 invalid_request for ${String(what)}`,
    headers: (t) => ({ Authorization: (value as (t: string) => string)(t) }),
    rule: 'malformed-authorization',
    challenge: invalidRequest('Expected: Bearer <token>'),
  })),
  ...[
    ['"Bearer Bearer <token>"', (t: string) => `Bearer Bearer ${t}`],
    ['a quoted token', (t: string) => `Bearer "${t}"`],
    ['a token with a comma', (t: string) => `Bearer ${t},x`],
  ].map(([what, value]): Case => ({
    spec: `answers 401 invalid_request for ${String(what)}`,
    headers: (t) => ({ Authorization: (value as (t: string) => string)(t) }),
    rule: 'malformed-authorization',
    challenge: invalidRequest('Malformed bearer token'),
  })),
  {
    spec: 'answers 401 invalid_token when the bearer token is the string "undefined"',
    token: { literal: 'undefined' },
    rule: 'not-a-jws',
    challenge: invalidToken('Expected a signed JWT (3 parts), got 1'),
  },
  {
    spec: 'answers 401 invalid_token for the JWE-looking token Auth0 gives without an audience',
    token: { literal: jweLikeToken(ACME.issuer) },
    rule: 'not-a-jws',
    challenge: invalidToken('Expected a signed JWT (3 parts), got 5'),
  },
  {
    spec: 'answers 401 invalid_token for a three-part string whose header is not JSON',
    token: { literal: 'abc.def.ghi' },
    rule: 'not-a-jws',
    challenge: invalidToken('The token header is not base64url JSON'),
  },
  {
    spec: 'answers 401 invalid_token for an unsigned token (alg none)',
    token: { signer: 'none' },
    rule: 'alg-not-allowed',
    challenge: invalidToken('alg none not allowed'),
  },
  {
    spec: 'answers 401 invalid_token for an HS256 token',
    token: { signer: 'hs256' },
    rule: 'alg-not-allowed',
    challenge: invalidToken('alg HS256 not allowed'),
  },
  {
    spec: 'answers 401 invalid_token when another key signed it under the issuer kid',
    token: { signer: 'foreign-same-kid' },
    rule: 'bad-signature',
    challenge: invalidToken('The token signature is invalid'),
  },
  {
    spec: 'answers 401 invalid_token when the payload was changed after signing',
    token: { tamper: true },
    rule: 'bad-signature',
    challenge: invalidToken('The token signature is invalid'),
  },
  {
    spec: 'answers 401 invalid_token when no JWKS key has the token kid',
    token: { signer: 'foreign-unknown-kid' },
    rule: 'unknown-key',
    challenge: invalidToken('No key in the issuer JWKS matches the token kid'),
  },
  {
    spec: 'answers 401 invalid_token when the token expired before now',
    token: { expired: true },
    rule: 'expired',
    challenge: invalidToken('The token expired'),
  },
  {
    spec: 'answers 401 invalid_token when exp is exactly now (no leeway)',
    token: { claims: { exp: NOW_S } },
    rule: 'expired',
    challenge: invalidToken('The token expired'),
  },
  {
    spec: 'answers 401 invalid_token when exp is not a number',
    token: { claims: { exp: String(NOW_S + 60) } },
    rule: 'bad-exp',
    challenge: invalidToken('The exp claim is not a number'),
  },
  {
    spec: 'answers 401 invalid_token when nbf is after now',
    token: { claims: { nbf: NOW_S + 1 } },
    rule: 'not-yet-valid',
    challenge: invalidToken('The token is not valid yet (nbf)'),
  },
  ...[
    `${RHYTHM_AUDIENCE}/`,
    'http://api.rhythmsoftware.com',
    'api.rhythmsoftware.com',
    'https://rolodex.api.rhythmsoftware.com',
    `${ACME.issuer}api/v2/`,
    [`${RHYTHM_AUDIENCE}/`, `${ACME.issuer}userinfo`],
  ].map((audience): Case => ({
    spec: `answers 401 invalid_token for the audience ${JSON.stringify(audience)}`,
    token: { kind: 'm2m', audience },
    rule: 'wrong-audience',
    challenge: invalidToken(`The audience must be ${RHYTHM_AUDIENCE}`),
  })),
  {
    spec: 'answers 401 invalid_token for an ID token (aud is the client id)',
    token: { kind: 'id' },
    rule: 'wrong-audience',
    challenge: invalidToken(`The audience must be ${RHYTHM_AUDIENCE}`),
  },
  {
    spec: 'answers 401 invalid_token when the issuer is not a Rhythm tenant',
    token: { claims: { iss: 'https://evil.us.auth0.com/' } },
    rule: 'wrong-issuer',
    challenge: invalidToken('The token issuer is not trusted'),
  },
  {
    spec: 'answers 401 invalid_token when the issuer lacks its trailing slash',
    token: { claims: { iss: 'https://acme-org.us.auth0.com' } },
    rule: 'wrong-issuer',
    challenge: invalidToken('The token issuer is not trusted'),
  },
  ...[{ omit: ['tenant_id'] }, { claims: { tenant_id: '' } }, { claims: { tenant_id: null } }].map(
    (token): Case => ({
      spec: `answers 401 invalid_token when tenant_id is missing or empty (${JSON.stringify(token)})`,
      token,
      url: 'https://rolodex.api.rhythmsoftware.com/organizations/acme.org',
      rule: 'missing-tenant-id',
      challenge: invalidToken('The token has no http://rhythmsoftware.com/tenant_id claim'),
    }),
  ),
  ...[{ omit: ['customer_id'] }, { claims: { customer_id: ' ' } }].map((token): Case => ({
    spec: `answers 401 invalid_token when customer_id is missing or empty (${JSON.stringify(token)})`,
    token,
    rule: 'missing-customer-id',
    challenge: invalidToken('The token has no http://rhythmsoftware.com/customer_id claim'),
  })),
];

async function tokenFor(spec: Case['token']): Promise<string> {
  if (spec && 'literal' in spec) return spec.literal;
  if (spec && 'tamper' in spec) {
    const [header, , signature] = (await fx.mint()).split('.');
    const forged = Buffer.from(JSON.stringify({ sub: 'auth0|someone-else' })).toString('base64url');
    return `${header}.${forged}.${signature}`;
  }
  return fx.mint(spec);
}

describe('reference API rules: credentials', () => {
  it.each(rejected)('$spec', async (c) => {
    const token = await tokenFor(c.token);
    const headers = (c.headers ?? bearer)(token);
    const answer = await decideApiRequest(request(c.url ?? CONTACT_CURRENT, { headers }), fx.rules);
    expect(answer.status).toBe(401);
    expect(answer.rule).toBe(c.rule);
    expect(answer.headers['WWW-Authenticate']).toBe(c.challenge);
    expect(JSON.parse(answer.body)).toEqual({ message: 'Unauthorized' });
  });

  const accepted: Array<{ spec: string; token?: MintOptions; header?: (t: string) => string }> = [
    { spec: "accepts Ada's user token (aud array with /userinfo)" },
    { spec: 'accepts a lowercase bearer scheme', header: (t) => `bearer ${t}` },
    { spec: 'accepts extra spaces around the token', header: (t) => `Bearer   ${t}  ` },
    { spec: 'accepts a token one second before exp', token: { claims: { exp: NOW_S + 1 } } },
    { spec: 'accepts a token without exp', token: { omit: ['exp'] } },
    { spec: 'accepts nbf equal to now', token: { claims: { nbf: NOW_S } } },
    { spec: 'accepts a numeric customer_id', token: { claims: { customer_id: 42 } } },
    { spec: 'accepts a token issued in the future', token: { iat: NOW_S + 600 } },
  ];
  it.each(accepted)('$spec', async (c) => {
    const token = await fx.mint(c.token);
    const authorization = c.header ? c.header(token) : `Bearer ${token}`;
    const answer = await decideApiRequest(
      request(CONTACT_CURRENT, { headers: { Authorization: authorization } }),
      fx.rules,
    );
    expect(answer.headers['WWW-Authenticate']).toBeUndefined();
    expect([answer.status, answer.rule]).toEqual([200, 'ok']);
  });

  it('judges expiry by the request time it is given, not by the clock', async () => {
    const token = await fx.mint();
    const exp = NOW_S + 86_400;
    const at = (seconds: number) =>
      decideApiRequest(
        request(CONTACT_CURRENT, { headers: bearer(token), now: seconds * 1000 }),
        fx.rules,
      );
    expect((await at(exp - 1)).status).toBe(200);
    expect((await at(exp)).rule).toBe('expired');
  });
});
