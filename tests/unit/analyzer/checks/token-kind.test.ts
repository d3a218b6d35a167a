import { describe, expect, it } from 'vitest';
import { analyze } from '../../../../src/analyzer/analyze.js';
import type { CheckStatus } from '../../../../src/analyzer/types.js';
import { kindOf } from '../../../../src/analyzer/checks/token-kind.js';
import {
  AUDIENCE,
  TEST_CLIENT,
  baseClaims,
  noAudienceToken,
  signToken,
} from '../../../helpers/tokens.js';
import { check, expectFixWhenActionable, request } from '../helpers.js';

const rows: Array<{ name: string; token: string | null; status: CheckStatus }> = [
  {
    name: 'fails an ID token (aud = client id, nonce, at_hash, email)',
    token: await signToken({ kind: 'id' }),
    status: 'fail',
  },
  {
    name: 'fails an ID token with only a nonce',
    token: await signToken({ kind: 'id', omit: ['at_hash', 'email', 'name'] }),
    status: 'fail',
  },
  {
    name: 'fails an ID token with only at_hash',
    token: await signToken({ kind: 'id', omit: ['nonce', 'email', 'name'] }),
    status: 'fail',
  },
  {
    // SPEC §3 (issue 14): profile claims are not marks; a client-id `aud` is one only with `azp`
    // or the configured client (below). Microsoft's access tokens carry `email` and a GUID `aud`.
    name: 'warns (kind unknown) on a client-id audience and an email without any ID-token mark',
    token: await signToken({ kind: 'id', omit: ['nonce', 'at_hash', 'name'] }),
    status: 'warn',
  },
  {
    name: 'fails an ID token without nonce or at_hash whose aud is its azp, with no scope',
    token: await signToken({
      kind: 'id',
      omit: ['nonce', 'at_hash', 'name'],
      claims: { azp: TEST_CLIENT },
    }),
    status: 'fail',
  },
  {
    name: 'fails an ID token whose aud is an array holding the client id',
    token: await signToken({ kind: 'id', claims: { aud: [TEST_CLIENT] } }),
    status: 'fail',
  },
  {
    // Not an ID-token mark in SPEC §3: Okta's and Auth0's access tokens carry `auth_time` too.
    name: 'warns (kind unknown) on auth_time alone',
    token: await signToken({
      kind: 'id',
      omit: ['nonce', 'at_hash'],
      claims: { auth_time: 1, aud: 'https://app.acme.org' },
    }),
    status: 'warn',
  },
  {
    name: 'fails an ID token carrying c_hash',
    token: await signToken({ kind: 'id', omit: ['nonce', 'at_hash'], claims: { c_hash: 'x' } }),
    status: 'fail',
  },
  {
    name: 'passes an access token whose aud is its azp, by its scp (Microsoft v2)',
    token: await signToken({
      kind: 'id',
      omit: ['nonce', 'at_hash'],
      claims: { azp: TEST_CLIENT, scp: 'access_as_user' },
    }),
    status: 'pass',
  },
  {
    name: 'warns (kind unknown) on a token with no claims at all',
    token: await signToken({ kind: 'id', omit: Object.keys(baseClaims('id', 0)) }),
    status: 'warn',
  },
  { name: 'passes a user access token', token: await signToken({ kind: 'user' }), status: 'pass' },
  {
    name: 'passes a user access token that also carries an email claim',
    token: await signToken({ kind: 'user', claims: { email: 'ada@acme.org' } }),
    status: 'pass',
  },
  {
    name: 'passes a machine-to-machine access token',
    token: await signToken({ kind: 'm2m' }),
    status: 'pass',
  },
  {
    name: 'passes a token for the Rhythm API even with ID-token claims (the audience decides)',
    token: await signToken({ kind: 'id', claims: { aud: AUDIENCE } }),
    status: 'pass',
  },
  { name: 'skips when no token was sent', token: null, status: 'skip' },
  { name: 'skips a token that cannot be decoded', token: noAudienceToken(), status: 'skip' },
];

describe('token.kind', () => {
  it.each(rows)('$name', ({ token, status }) => {
    const result = check(analyze(request(token ? { auth: `Bearer ${token}` } : {})), 'token.kind');
    expect(result.status).toBe(status);
    expectFixWhenActionable(result);
  });

  it('names the ID-token claims it found and points to the access_token', async () => {
    const result = check(
      analyze(request({ auth: `Bearer ${await signToken({ kind: 'id' })}` })),
      'token.kind',
    );
    expect(result.detail).toContain('`nonce`');
    expect(result.detail).toContain('`at_hash`');
    expect(result.fix).toContain('access_token');
  });

  it('reports the subject of user and machine-to-machine tokens', async () => {
    const m2m = analyze(request({ auth: `Bearer ${await signToken({ kind: 'm2m' })}` }));
    const user = analyze(request({ auth: `Bearer ${await signToken({ kind: 'user' })}` }));
    expect(m2m.token.subject).toBe('m2m');
    expect(user.token.subject).toBe('user');
  });
});

describe('kindOf: the kind of a token from evidence that holds across identity providers', () => {
  const rows: Array<{
    name: string;
    claims: Record<string, unknown>;
    header?: Record<string, unknown>;
    clientId?: string;
    kind: 'access' | 'id' | 'unknown';
    marks: string[];
  }> = [
    { name: 'scope', claims: { scope: 'openid' }, kind: 'access', marks: ['`scope`'] },
    { name: 'scp (Microsoft, Okta)', claims: { scp: ['a'] }, kind: 'access', marks: ['`scp`'] },
    { name: 'roles (app-only)', claims: { roles: ['r'] }, kind: 'access', marks: ['`roles`'] },
    {
      name: 'permissions (Auth0 RBAC)',
      claims: { permissions: [] },
      kind: 'access',
      marks: ['`permissions`'],
    },
    {
      name: 'gty (Auth0 M2M)',
      claims: { gty: 'client-credentials' },
      kind: 'access',
      marks: ['`gty`'],
    },
    {
      name: 'client_id (RFC 9068)',
      claims: { client_id: 'c' },
      kind: 'access',
      marks: ['`client_id`'],
    },
    {
      name: 'typ at+jwt (RFC 9068 header)',
      claims: {},
      header: { typ: 'at+jwt' },
      kind: 'access',
      marks: ['header `typ: at+jwt`'],
    },
    {
      name: 'token_use access (Cognito)',
      claims: { token_use: 'access' },
      kind: 'access',
      marks: ['`token_use: access`'],
    },
    {
      name: 'token_use id (Cognito), even with a scope',
      claims: { token_use: 'id', scope: 'x' },
      kind: 'id',
      marks: ['`token_use: id`'],
    },
    {
      name: 'typ Bearer (Keycloak), even with a nonce',
      claims: { typ: 'Bearer', nonce: 'n' },
      kind: 'access',
      marks: ['`typ: Bearer`'],
    },
    { name: 'typ ID (Keycloak)', claims: { typ: 'ID' }, kind: 'id', marks: ['`typ: ID`'] },
    {
      name: 'the Rhythm audience, even with a nonce',
      claims: { aud: AUDIENCE, nonce: 'n' },
      kind: 'access',
      marks: [`\`aud\` ${AUDIENCE}`],
    },
    { name: 'nonce', claims: { nonce: 'n' }, kind: 'id', marks: ['`nonce`'] },
    { name: 'at_hash', claims: { at_hash: 'h' }, kind: 'id', marks: ['`at_hash`'] },
    { name: 'c_hash', claims: { c_hash: 'h' }, kind: 'id', marks: ['`c_hash`'] },
    { name: 's_hash', claims: { s_hash: 'h' }, kind: 'id', marks: ['`s_hash`'] },
    {
      name: 'aud containing azp, no scope',
      claims: { aud: ['a', 'b'], azp: 'a' },
      kind: 'id',
      marks: ['`aud` = `azp`, no scope'],
    },
    {
      name: 'aud = the configured client',
      claims: { aud: 'c1' },
      clientId: 'c1',
      kind: 'id',
      marks: ["`aud` = the app's client id, no scope"],
    },
    {
      name: 'scp beats aud = azp',
      claims: { aud: 'a', azp: 'a', scp: 's' },
      kind: 'access',
      marks: ['`scp`'],
    },
    { name: 'null scope is no mark', claims: { scope: null }, kind: 'unknown', marks: [] },
    {
      name: 'profile claims alone',
      claims: { email: 'e', name: 'n', aud: 'c' },
      kind: 'unknown',
      marks: [],
    },
    { name: 'auth_time alone', claims: { auth_time: 1 }, kind: 'unknown', marks: [] },
    {
      name: 'the Rhythm claims alone',
      claims: { 'http://rhythmsoftware.com/tenant_id': 't' },
      kind: 'unknown',
      marks: [],
    },
    { name: 'no claims', claims: {}, kind: 'unknown', marks: [] },
  ];
  it.each(rows)('$name → $kind', ({ claims, header, clientId, kind, marks }) => {
    expect(kindOf(claims, header ?? null, clientId)).toEqual({ kind, marks });
  });
});

describe('token.kind wording', () => {
  it('never calls a token without marks an access or a user token', async () => {
    const token = await signToken({
      kind: 'user',
      omit: ['scope'],
      claims: { aud: 'https://x.example' },
    });
    const result = check(analyze(request({ auth: `Bearer ${token}` })), 'token.kind');
    expect(result.status).toBe('warn');
    expect(`${result.title} ${result.detail} ${result.fix}`).not.toMatch(
      /an access token|user token|a access/i,
    );
    expect(result.detail).toContain('`sub`');
  });

  it('says a token has no claims at all', async () => {
    const token = await signToken({ kind: 'id', omit: Object.keys(baseClaims('id', 0)) });
    expect(check(analyze(request({ auth: `Bearer ${token}` })), 'token.kind').detail).toMatch(
      /^The token has no claims at all: no access-token mark/,
    );
  });
});
