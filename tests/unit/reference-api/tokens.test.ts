/**
 * tokens.ts and mint.ts: tokens have Auth0's shapes (SPEC §2), verify against the published JWKS,
 * and every deliberately bad variant is bad in exactly the way asked for.
 */
import { createLocalJWKSet, jwtVerify } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  CLAIM_CONTACT_ID,
  CLAIM_CUSTOMER_ID,
  CLAIM_TENANT_ID,
  RHYTHM_AUDIENCE,
} from '../../../src/analyzer/rhythm.js';
import { MintError, parseMintOptions } from '../../../tools/reference-api/mint.js';
import { ACME, GLOBEX } from '../../../tools/reference-api/world.js';
import { createFixture, decodeParts, NOW, NOW_S } from './fixture.js';
import type { Fixture } from './fixture.js';

let fx: Fixture;
beforeAll(async () => {
  fx = await createFixture();
});

const verify = (token: string) =>
  jwtVerify(token, createLocalJWKSet(fx.keys.jwks), { currentDate: new Date(NOW) });

describe('issued tokens', () => {
  it('publishes a JWKS with the public RS256 key only', () => {
    const [key, ...others] = fx.keys.jwks.keys;
    expect(others).toEqual([]);
    expect(key).toMatchObject({
      kty: 'RSA',
      kid: fx.keys.kid,
      use: 'sig',
      alg: 'RS256',
      e: 'AQAB',
    });
    expect(Object.keys(key ?? {})).not.toContain('d');
  });

  it('mints M2M tokens the way Auth0 does, with no contact_id, verifiable with the JWKS', async () => {
    const token = await fx.mint({ kind: 'm2m' });
    const { payload, protectedHeader } = await verify(token);
    expect(protectedHeader).toEqual({ alg: 'RS256', typ: 'JWT', kid: fx.keys.kid });
    expect(payload).toEqual({
      [CLAIM_TENANT_ID]: 'acme.org',
      [CLAIM_CUSTOMER_ID]: 'cust_8f2a',
      iss: 'https://acme-org.us.auth0.com/',
      sub: `${ACME.m2m.clientId}@clients`,
      aud: RHYTHM_AUDIENCE,
      iat: NOW_S,
      exp: NOW_S + 86_400,
      scope: ACME.m2m.scope,
      gty: 'client-credentials',
      azp: ACME.m2m.clientId,
    });
  });

  it("mints Ada's user token with contact_id and Auth0's audience array", async () => {
    const { payload } = await verify(await fx.mint());
    expect(payload).toMatchObject({
      [CLAIM_CONTACT_ID]: 'C-000123',
      sub: 'auth0|64f1c0ffee00000000000123',
      aud: [RHYTHM_AUDIENCE, 'https://acme-org.us.auth0.com/userinfo'],
      azp: ACME.spa.clientId,
      scope: 'openid profile email',
      exp: NOW_S + 86_400,
    });
    expect(payload).not.toHaveProperty('gty');
  });

  it('mints no contact_id for the user who never logged into Rhythm', async () => {
    const { payload } = await verify(await fx.mint({ user: 'new.user@acme.org' }));
    expect(payload).not.toHaveProperty(CLAIM_CONTACT_ID);
    expect(payload[CLAIM_TENANT_ID]).toBe('acme.org');
  });

  it('gives a string aud to a user token asked for without the openid scope', async () => {
    const { payload } = await verify(await fx.mint({ scope: 'read:contacts' }));
    expect(payload.aud).toBe(RHYTHM_AUDIENCE);
  });

  it('mints ID tokens for the SPA client with profile claims and a nonce', async () => {
    const { payload } = await verify(await fx.mint({ kind: 'id', nonce: 'n-123' }));
    expect(payload).toMatchObject({
      aud: ACME.spa.clientId,
      nonce: 'n-123',
      email: 'ada@acme.org',
      name: 'Ada Lovelace',
      exp: NOW_S + 36_000,
    });
    expect(payload).not.toHaveProperty(CLAIM_TENANT_ID);
  });

  it("mints globex's tokens with globex's issuer and claims", async () => {
    const { payload } = await verify(await fx.mint({ tenant: 'globex.com' }));
    expect(payload).toMatchObject({ iss: GLOBEX.issuer, [CLAIM_CONTACT_ID]: 'C-000900' });
  });

  it('mints the JWE-looking no-audience token: 5 parts, empty 2nd, dir/A256GCM header', async () => {
    const token = await fx.mint({ kind: 'no-audience' });
    const parts = token.split('.');
    expect(parts).toHaveLength(5);
    expect(parts[1]).toBe('');
    expect(JSON.parse(Buffer.from(parts[0] ?? '', 'base64url').toString())).toEqual({
      alg: 'dir',
      enc: 'A256GCM',
      iss: 'https://acme-org.us.auth0.com/',
    });
    expect(Buffer.from(parts[2] ?? '', 'base64url')).toHaveLength(12);
    expect(Buffer.from(parts[4] ?? '', 'base64url')).toHaveLength(16);
    expect(parts[3]?.length).toBeGreaterThan(200);
    expect(await fx.mint({ kind: 'no-audience' })).not.toBe(token);
  });
});

describe('mint options', () => {
  it.each([
    [
      'iat at a given epoch time',
      { iat: 1_700_000_000 },
      { iat: 1_700_000_000, exp: 1_700_086_400 },
    ],
    ['a lifetime', { lifetime: 60 }, { iat: NOW_S, exp: NOW_S + 60 }],
    ['expired', { expired: true }, { iat: NOW_S - 90_000, exp: NOW_S - 3_600 }],
    ['claims by short name', { claims: { tenant_id: 'x.org' } }, { [CLAIM_TENANT_ID]: 'x.org' }],
    ['claims by full name', { claims: { [CLAIM_CUSTOMER_ID]: 7 } }, { [CLAIM_CUSTOMER_ID]: 7 }],
    ['any other claim', { claims: { nbf: 5, aud: 'x' } }, { nbf: 5, aud: 'x' }],
  ] as const)('sets %s', async (_what, options, expected) => {
    expect(decodeParts(await fx.mint(options)).payload).toMatchObject(expected);
  });

  it('removes the claims named in omit, short names included', async () => {
    const { payload } = decodeParts(await fx.mint({ omit: ['contact_id', 'exp', 'azp'] }));
    expect(Object.keys(payload)).not.toEqual(
      expect.arrayContaining([CLAIM_CONTACT_ID, 'exp', 'azp']),
    );
    expect(payload).not.toHaveProperty(CLAIM_CONTACT_ID);
    expect(payload).not.toHaveProperty('exp');
  });

  it('adds header fields but keeps alg tied to the signer', async () => {
    const { header } = decodeParts(await fx.mint({ header: { alg: 'HS512', x5t: 'abc' } }));
    expect(header).toMatchObject({ alg: 'RS256', x5t: 'abc', kid: fx.keys.kid });
  });

  it.each([
    ['foreign-same-kid', 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED', true],
    ['foreign-unknown-kid', 'ERR_JWKS_NO_MATCHING_KEY', false],
    ['hs256', 'ERR_JOSE_NOT_SUPPORTED', false],
  ] as const)('signs with %s so the JWKS rejects it (%s)', async (signer, code, sameKid) => {
    const token = await fx.mint({ signer });
    await expect(verify(token)).rejects.toMatchObject({ code });
    expect(decodeParts(token).header['kid'] === fx.keys.kid).toBe(sameKid);
  });

  it('makes an alg none token with an empty signature', async () => {
    const token = await fx.mint({ signer: 'none' });
    expect(token.endsWith('.')).toBe(true);
    expect(token.split('.')).toHaveLength(3);
    expect(decodeParts(token).header).toEqual({ alg: 'none', typ: 'JWT' });
  });

  it.each([
    [{ tenant: 'initech.com' }, 'unknown tenant initech.com'],
    [{ user: 'nobody@acme.org' }, 'unknown user nobody@acme.org'],
  ])('refuses to mint for %j', async (options, message) => {
    await expect(fx.mint(options)).rejects.toThrow(new MintError(message));
  });

  it('parses mint options from JSON and names the first bad field', () => {
    const good = { kind: 'm2m', audience: ['a', 'b'], iat: 1, omit: ['exp'], claims: { a: 1 } };
    expect(parseMintOptions(good)).toEqual(good);
    expect(() => parseMintOptions({ kind: 'refresh' })).toThrow('bad kind');
    expect(() => parseMintOptions({ signer: 'rsa' })).toThrow('bad signer');
    expect(() => parseMintOptions({ omit: 'exp' })).toThrow('bad omit');
    expect(() => parseMintOptions({ iat: '1' })).toThrow('bad iat');
    expect(() => parseMintOptions([])).toThrow('expected a JSON object');
  });
});
