/**
 * Tokens shaped the way Auth0 issues them for Rhythm (SPEC §2): RS256 access tokens for users
 * and machine-to-machine clients, ID tokens, and the JWE-looking string Auth0 returns when no
 * audience was requested. The key pair is made at start and lives only in memory.
 */
import { createHash, randomBytes, randomInt } from 'node:crypto';
import { calculateJwkThumbprint, CompactSign, exportJWK, generateKeyPair } from 'jose';
import type { CryptoKey, JSONWebKeySet, JWK } from 'jose';
import {
  CLAIM_CONTACT_ID,
  CLAIM_CUSTOMER_ID,
  CLAIM_TENANT_ID,
  RHYTHM_TOKEN_LIFETIME_S,
} from '../../src/analyzer/rhythm.js';
import type { DemoUser, Tenant } from './world.js';

export type Claims = Record<string, unknown>;
export type Header = Record<string, unknown>;

/** Auth0's default ID token lifetime (10 h). */
export const ID_TOKEN_LIFETIME_S = 36_000;
export const USER_SCOPE = 'openid profile email';

export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

export interface IssuerKeys extends SigningKey {
  /** What `/.well-known/jwks.json` serves. */
  jwks: JSONWebKeySet;
}

/** A fresh RS256 key pair; `kid` as Auth0 would give it (opaque, stable for the key). */
export async function createSigningKey(kid?: string): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = await exportJWK(publicKey);
  const keyId = kid ?? (await calculateJwkThumbprint(jwk)).slice(0, 22);
  return { kid: keyId, privateKey, publicJwk: { ...jwk, kid: keyId, use: 'sig', alg: 'RS256' } };
}

export async function createIssuerKeys(): Promise<IssuerKeys> {
  const key = await createSigningKey();
  return { ...key, jwks: { keys: [key.publicJwk] } };
}

/** Signs claims as a compact JWS; the header is written in Auth0's order: alg, typ, kid. */
export async function signJws(claims: Claims, header: Header, key: CryptoKey | Uint8Array) {
  const payload = new TextEncoder().encode(JSON.stringify(claims));
  const alg = typeof header['alg'] === 'string' ? header['alg'] : 'RS256';
  return new CompactSign(payload).setProtectedHeader({ ...header, alg }).sign(key);
}

export function rs256Header(kid: string): Header {
  return { alg: 'RS256', typ: 'JWT', kid };
}

function rhythmClaims(tenant: Tenant): Claims {
  return { [CLAIM_TENANT_ID]: tenant.id, [CLAIM_CUSTOMER_ID]: tenant.customerId };
}

/** Client-credentials access token claims: never a contact_id (SPEC §2). */
export function m2mClaims(tenant: Tenant, audience: string | string[], iat: number): Claims {
  return {
    ...rhythmClaims(tenant),
    iss: tenant.issuer,
    sub: `${tenant.m2m.clientId}@clients`,
    aud: audience,
    iat,
    exp: iat + RHYTHM_TOKEN_LIFETIME_S,
    scope: tenant.m2m.scope,
    gty: 'client-credentials',
    azp: tenant.m2m.clientId,
  };
}

/**
 * User access token claims. With the `openid` scope Auth0 adds its `/userinfo` audience, so `aud`
 * becomes an array; contact_id appears only once the user has logged into the Rhythm UI.
 */
export function userAccessClaims(
  tenant: Tenant,
  user: DemoUser,
  audience: string | string[],
  scope: string,
  iat: number,
): Claims {
  const openid = scope.split(' ').includes('openid');
  const aud =
    openid && typeof audience === 'string' ? [audience, `${tenant.issuer}userinfo`] : audience;
  return {
    ...rhythmClaims(tenant),
    ...(user.contactId === null ? {} : { [CLAIM_CONTACT_ID]: user.contactId }),
    iss: tenant.issuer,
    sub: user.sub,
    aud,
    iat,
    exp: iat + RHYTHM_TOKEN_LIFETIME_S,
    scope,
    azp: tenant.spa.clientId,
  };
}

/** OIDC `at_hash`: the left half of SHA-256 of the access token, base64url. */
export function atHash(accessToken: string): string {
  return createHash('sha256').update(accessToken).digest().subarray(0, 16).toString('base64url');
}

export function idTokenClaims(
  tenant: Tenant,
  user: DemoUser,
  iat: number,
  extra: { nonce?: string; accessToken?: string } = {},
): Claims {
  return {
    nickname: user.email.split('@')[0],
    name: user.name,
    given_name: user.givenName,
    family_name: user.familyName,
    email: user.email,
    email_verified: true,
    iss: tenant.issuer,
    aud: tenant.spa.clientId,
    sub: user.sub,
    iat,
    exp: iat + ID_TOKEN_LIFETIME_S,
    sid: createHash('sha256').update(`${user.sub}:${iat}`).digest('base64url').slice(0, 32),
    ...(extra.accessToken === undefined ? {} : { at_hash: atHash(extra.accessToken) }),
    ...(extra.nonce === undefined ? {} : { nonce: extra.nonce }),
  };
}

/**
 * What Auth0 returns as the access token when no audience was asked for: a JWE in compact form
 * with direct encryption (empty encrypted-key segment) that only Auth0 can read. Random bytes
 * stand in for iv, ciphertext and tag; nothing can tell the difference without Auth0's key.
 */
export function jweLikeToken(issuer: string): string {
  const header = { alg: 'dir', enc: 'A256GCM', iss: issuer };
  const encoded = Buffer.from(JSON.stringify(header)).toString('base64url');
  const iv = randomBytes(12).toString('base64url');
  const ciphertext = randomBytes(randomInt(180, 436)).toString('base64url');
  const tag = randomBytes(16).toString('base64url');
  return `${encoded}..${iv}.${ciphertext}.${tag}`;
}
