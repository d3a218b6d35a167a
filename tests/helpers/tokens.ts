/**
 * Real RS256 tokens signed at test time, shaped like the ones Auth0 issues for Rhythm (SPEC §2).
 * One key pair per test run; no token strings are pasted into tests.
 */
import { SignJWT, generateKeyPair, type CryptoKey } from 'jose';

export const TEST_TENANT = 'acme.org';
export const TEST_CUSTOMER = 'cust_8f2a';
export const TEST_CONTACT = 'C-000123';
export const TEST_ISSUER = 'https://acme-org.us.auth0.com/';
export const TEST_CLIENT = 'Zq4mW8vT2nK6pR0sL3xY7bC1dF5gH9jA';
export const AUDIENCE = 'https://api.rhythmsoftware.com';
/** 2026-11-01T12:00:00Z, the default issue time of test tokens. */
export const T0 = Date.UTC(2026, 10, 1, 12, 0, 0);

let keys: Promise<{ privateKey: CryptoKey; publicKey: CryptoKey }> | undefined;
export function testKeys(): Promise<{ privateKey: CryptoKey; publicKey: CryptoKey }> {
  keys ??= generateKeyPair('RS256');
  return keys;
}

export type TokenKind = 'user' | 'm2m' | 'id';

export interface TokenOptions {
  kind?: TokenKind;
  /** Issue time, epoch ms; default T0. */
  iatMs?: number;
  /** Claims to set (or replace). */
  claims?: Record<string, unknown>;
  /** Claims to remove. */
  omit?: string[];
  header?: Record<string, unknown>;
}

export function baseClaims(kind: TokenKind, iat: number): Record<string, unknown> {
  const common = {
    iss: TEST_ISSUER,
    iat,
    exp: iat + 86_400,
    'http://rhythmsoftware.com/tenant_id': TEST_TENANT,
    'http://rhythmsoftware.com/customer_id': TEST_CUSTOMER,
  };
  switch (kind) {
    case 'm2m':
      return {
        ...common,
        sub: `${TEST_CLIENT}@clients`,
        aud: AUDIENCE,
        azp: TEST_CLIENT,
        gty: 'client-credentials',
        scope: 'read:contacts',
      };
    case 'user':
      return {
        ...common,
        sub: 'auth0|64f0c0ffee',
        aud: [AUDIENCE, `${TEST_ISSUER}userinfo`],
        azp: TEST_CLIENT,
        scope: 'openid profile email',
        'http://rhythmsoftware.com/contact_id': TEST_CONTACT,
      };
    case 'id':
      return {
        iss: TEST_ISSUER,
        iat,
        exp: iat + 36_000,
        sub: 'auth0|64f0c0ffee',
        aud: TEST_CLIENT,
        nonce: 'n-0S6_WzA2Mj',
        at_hash: 'HK6E_P6Dh8Y93mRNtsDB1Q',
        email: 'ada@acme.org',
        name: 'Ada Lovelace',
      };
  }
}

export async function signToken(options: TokenOptions = {}): Promise<string> {
  const { privateKey } = await testKeys();
  const iat = Math.floor((options.iatMs ?? T0) / 1000);
  const claims = { ...baseClaims(options.kind ?? 'user', iat), ...options.claims };
  for (const name of options.omit ?? []) delete claims[name];
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: 'test-key-1', ...options.header })
    .sign(privateKey);
}

/** The JWE-looking token Auth0 returns when no audience is requested (SPEC §2). */
export function noAudienceToken(): string {
  const header = Buffer.from(
    JSON.stringify({ alg: 'dir', enc: 'A256GCM', iss: TEST_ISSUER }),
  ).toString('base64url');
  const b = (n: number) =>
    Buffer.from(Array.from({ length: n }, (_, i) => (i * 37 + n) % 256)).toString('base64url');
  return `${header}..${b(12)}.${b(120)}.${b(16)}`;
}
