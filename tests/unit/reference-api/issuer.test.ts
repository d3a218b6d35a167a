/**
 * issuer.ts and router.ts: the fake Auth0 tenant answers discovery, JWKS and the token endpoint
 * as Auth0 would, `/__mint` only on issuer hosts, and the demo app and unknown hosts are routed.
 */
import { createLocalJWKSet, jwtVerify } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLAIM_CONTACT_ID, RHYTHM_AUDIENCE } from '../../../src/analyzer/rhythm.js';
import { atHash } from '../../../tools/reference-api/tokens.js';
import { ACME, GLOBEX } from '../../../tools/reference-api/world.js';
import { CONTACT_CURRENT, createFixture, decodeParts, NOW, request } from './fixture.js';
import type { Fixture } from './fixture.js';

let fx: Fixture;
beforeAll(async () => {
  fx = await createFixture();
});

const TOKEN_URL = 'https://acme-org.us.auth0.com/oauth/token';
const CC = {
  grant_type: 'client_credentials',
  client_id: ACME.m2m.clientId,
  client_secret: ACME.m2m.clientSecret,
  audience: RHYTHM_AUDIENCE,
};
const PASSWORD = {
  grant_type: 'password',
  username: 'ada@acme.org',
  password: 'ada-demo-password',
  client_id: ACME.spa.clientId,
  audience: RHYTHM_AUDIENCE,
  scope: 'openid profile email',
};

async function post(url: string, body: unknown, type = 'application/json') {
  const text = type === 'application/json' ? JSON.stringify(body) : String(body);
  const headers = { 'Content-Type': type, Origin: 'https://app.rhythmsoftware.com' };
  const answer = await fx.handler(request(url, { method: 'POST', headers, body: text }));
  return { ...answer, json: JSON.parse(answer.body) as Record<string, unknown> };
}
const verify = (token: unknown) =>
  jwtVerify(String(token), createLocalJWKSet(fx.keys.jwks), { currentDate: new Date(NOW) });
const UNGRANTED = ACME.ungrantedM2m ?? { clientId: '', clientSecret: '' };
const omit = (record: Record<string, string>, key: string) =>
  Object.fromEntries(Object.entries(record).filter(([k]) => k !== key));

describe('the fake Auth0 token endpoint', () => {
  it('grants client credentials with an M2M token, as JSON', async () => {
    const answer = await post(TOKEN_URL, CC);
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({
      access_token: expect.any(String),
      scope: ACME.m2m.scope,
      expires_in: 86_400,
      token_type: 'Bearer',
    });
    expect(answer.headers).toMatchObject({ 'Cache-Control': 'no-store' });
    const { payload } = await verify(answer.json['access_token']);
    expect(payload).toMatchObject({ gty: 'client-credentials', aud: RHYTHM_AUDIENCE });
  });

  it('grants client credentials from a form body', async () => {
    const answer = await post(
      TOKEN_URL,
      new URLSearchParams(CC),
      'application/x-www-form-urlencoded',
    );
    expect(answer.status).toBe(200);
  });

  it('grants a user token and an ID token bound to it with the password grant', async () => {
    const answer = await post(TOKEN_URL, PASSWORD);
    const access = await verify(answer.json['access_token']);
    const id = await verify(answer.json['id_token']);
    expect(access.payload).toMatchObject({ [CLAIM_CONTACT_ID]: 'C-000123' });
    expect(id.payload).toMatchObject({
      aud: ACME.spa.clientId,
      at_hash: atHash(String(answer.json['access_token'])),
    });
  });

  it('hands out the JWE-looking token when the password grant names no audience', async () => {
    const answer = await post(TOKEN_URL, omit(PASSWORD, 'audience'));
    expect(answer.status).toBe(200);
    const parts = String(answer.json['access_token']).split('.');
    expect([parts.length, parts[1]]).toEqual([5, '']);
    expect(decodeParts(String(answer.json['id_token'])).payload['aud']).toBe(ACME.spa.clientId);
  });

  it("issues globex's tokens on globex's issuer host", async () => {
    const answer = await post('https://globex-com.us.auth0.com/oauth/token', {
      ...CC,
      client_id: GLOBEX.m2m.clientId,
      client_secret: GLOBEX.m2m.clientSecret,
    });
    expect(decodeParts(String(answer.json['access_token'])).payload['iss']).toBe(GLOBEX.issuer);
  });

  it.each([
    [
      'a wrong client secret',
      { ...CC, client_secret: 'nope' },
      401,
      'access_denied',
      'Unauthorized',
    ],
    ['an unknown client', { ...CC, client_id: 'nobody' }, 401, 'access_denied', 'Unauthorized'],
    [
      "another tenant's client",
      { ...CC, client_id: GLOBEX.m2m.clientId },
      401,
      'access_denied',
      'Unauthorized',
    ],
    [
      'a client never authorized for the API (no client grant)',
      { ...CC, client_id: UNGRANTED.clientId, client_secret: UNGRANTED.clientSecret },
      403,
      'access_denied',
      `Client is not authorized to access "${RHYTHM_AUDIENCE}". You need to create a "client-grant" associated to this API. See: https://auth0.com/docs/api/v2#!/Client_Grants/post_client_grants`,
    ],
    [
      'the client never authorized for the API, with a wrong secret',
      { ...CC, client_id: UNGRANTED.clientId, client_secret: 'nope' },
      401,
      'access_denied',
      'Unauthorized',
    ],
    [
      'client credentials for the single-page app',
      { ...CC, client_id: ACME.spa.clientId },
      403,
      'unauthorized_client',
      "Grant type 'client_credentials' not allowed for the client.",
    ],
    [
      'client credentials without an audience',
      omit(CC, 'audience'),
      403,
      'access_denied',
      'No audience parameter was provided, and no default audience has been configured',
    ],
    [
      'an audience no API has',
      { ...CC, audience: `${RHYTHM_AUDIENCE}/` },
      403,
      'access_denied',
      `Service not enabled within domain: ${RHYTHM_AUDIENCE}/`,
    ],
    [
      'a wrong password',
      { ...PASSWORD, password: 'x' },
      403,
      'invalid_grant',
      'Wrong email or password.',
    ],
    [
      'an unknown user',
      { ...PASSWORD, username: 'eve@acme.org' },
      403,
      'invalid_grant',
      'Wrong email or password.',
    ],
    [
      'the password grant for the M2M client',
      { ...PASSWORD, client_id: CC.client_id },
      401,
      'access_denied',
      'Unauthorized',
    ],
    [
      'no grant_type',
      omit(CC, 'grant_type'),
      400,
      'invalid_request',
      'Missing required parameter: grant_type',
    ],
    [
      'the refresh grant',
      { ...CC, grant_type: 'refresh_token' },
      400,
      'unsupported_grant_type',
      'Unsupported grant type',
    ],
    ['a body that is not an object', [1], 400, 'invalid_request', 'Invalid request body'],
  ])('refuses %s like Auth0 (%i %s)', async (_what, body, status, error, description) => {
    const answer = await post(TOKEN_URL, body);
    expect(answer.status).toBe(status);
    expect(answer.json).toEqual({ error, error_description: description });
  });

  it('grants the Management API audience, whose token the Rhythm API then refuses', async () => {
    const answer = await post(TOKEN_URL, { ...CC, audience: `${ACME.issuer}api/v2/` });
    const headers = { Authorization: `Bearer ${String(answer.json['access_token'])}` };
    const api = await fx.handler(request(CONTACT_CURRENT.replace('/current', ''), { headers }));
    expect([api.status, api.rule]).toEqual([401, 'wrong-audience']);
  });
});

describe('the fake Auth0 discovery, JWKS and __mint', () => {
  it('publishes its discovery document and the JWKS', async () => {
    const get = (path: string) => fx.handler(request(`https://acme-org.us.auth0.com${path}`));
    const discovery = JSON.parse((await get('/.well-known/openid-configuration')).body);
    expect(discovery).toMatchObject({
      issuer: ACME.issuer,
      jwks_uri: 'https://acme-org.us.auth0.com/.well-known/jwks.json',
      token_endpoint: TOKEN_URL,
    });
    expect(JSON.parse((await get('/.well-known/jwks.json')).body)).toEqual(fx.keys.jwks);
  });

  it('answers CORS preflights to the token endpoint', async () => {
    const headers = {
      Origin: 'https://app.rhythmsoftware.com',
      'Access-Control-Request-Headers': 'content-type',
    };
    const answer = await fx.handler(request(TOKEN_URL, { method: 'OPTIONS', headers }));
    expect(answer.status).toBe(204);
    expect(answer.headers['Access-Control-Allow-Headers']).toContain('Content-Type');
  });

  it("mints for the host's tenant by default, with the options given", async () => {
    const answer = await post('https://globex-com.us.auth0.com/__mint', {
      kind: 'm2m',
      lifetime: 5,
    });
    const { payload } = decodeParts(String(answer.json['token']));
    expect(answer.status).toBe(200);
    expect(payload).toMatchObject({ iss: GLOBEX.issuer, exp: Number(payload['iat']) + 5 });
  });

  it.each([
    [{ kind: 'bogus' }, 'bad kind'],
    [{ user: 'eve@acme.org' }, 'unknown user eve@acme.org'],
  ])('answers 400 to /__mint with %j', async (body, error) => {
    const answer = await post('https://acme-org.us.auth0.com/__mint', body);
    expect([answer.status, answer.json]).toEqual([400, { error }]);
  });

  it('answers 400 to /__mint with a body that is not JSON', async () => {
    const answer = await post('https://acme-org.us.auth0.com/__mint', 'kind=m2m', 'text/plain');
    expect([answer.status, answer.json]).toEqual([400, { error: 'expected a JSON body' }]);
  });

  it.each([
    'https://rolodex.api.rhythmsoftware.com/__mint',
    'https://app.rhythmsoftware.com/__mint',
  ])('serves no /__mint on %s', async (url) => {
    const answer = await fx.handler(request(url, { method: 'POST', body: '{}' }));
    expect(answer.status).not.toBe(200);
    expect(answer.body).not.toContain('token');
  });
});

describe('routing by host', () => {
  it('serves the demo page on app.rhythmsoftware.com with a CSP forbidding outside resources', async () => {
    const answer = await fx.handler(request('https://app.rhythmsoftware.com/'));
    expect(answer.status).toBe(200);
    expect(answer.headers['Content-Type']).toBe('text/html; charset=utf-8');
    expect(answer.headers['Content-Security-Policy']).toContain("default-src 'none'");
    expect(answer.body).not.toMatch(/(src|href)=/);
  });

  it.each([
    ['https://127.0.0.1/', 421],
    ['https://rhythmsoftware.com/', 421],
    ['https://evil.us.auth0.com/oauth/token', 421],
    ['https://app.rhythmsoftware.com/favicon.ico', 404],
  ])('answers %s with %i', async (url, status) => {
    expect((await fx.handler(request(url))).status).toBe(status);
  });
});
