/**
 * The API gateway's authorizer: reads `Authorization`, verifies the bearer token against the
 * issuers' JWKS and judges its claims at a given time. It decides only about the credentials;
 * hosts, paths and contacts are rules.ts's business. No I/O and no clock: `nowMs` comes in.
 */
import { compactVerify, createLocalJWKSet, decodeProtectedHeader } from 'jose';
import type { JSONWebKeySet, JWTPayload } from 'jose';
import { CLAIM_CUSTOMER_ID, CLAIM_TENANT_ID, RHYTHM_AUDIENCE } from '../../src/analyzer/rhythm.js';
import { isKnownIssuer } from './world.js';
import type { World } from './world.js';

/** RFC 6750 §3.1 error codes; `null`: no credentials were sent, so no error is named. */
export type ChallengeError = 'invalid_request' | 'invalid_token' | null;

export interface Rejection {
  ok: false;
  rule: string;
  error: ChallengeError;
  description?: string;
}
export interface Acceptance {
  ok: true;
  claims: JWTPayload;
}

export interface AuthorizerContext {
  world: World;
  /** Resolves a token's key from the JWKS the issuers publish. */
  keys: ReturnType<typeof createLocalJWKSet>;
}

export function createAuthorizerContext(world: World, jwks: JSONWebKeySet): AuthorizerContext {
  return { world, keys: createLocalJWKSet(jwks) };
}

/** RFC 6750 b64token: what may follow `Bearer `. Quotes, spaces and commas can't. */
const B64TOKEN = /^[A-Za-z0-9\-._~+/]+=*$/;

const reject = (rule: string, error: ChallengeError, description?: string): Rejection => ({
  ok: false,
  rule,
  error,
  ...(description === undefined ? {} : { description }),
});
const invalidToken = (rule: string, description: string) =>
  reject(rule, 'invalid_token', description);

/**
 * `Bearer <token>`. The scheme is matched case-insensitively and runs of spaces are tolerated,
 * as most gateways do (RFC 7235 says schemes are case-insensitive); the token must be one b64token.
 */
export function bearerToken(authorization: string): string | Rejection {
  const match = /^(\S+) +(.*?)\s*$/s.exec(authorization.trim());
  if (!match || match[1]?.toLowerCase() !== 'bearer') {
    return reject('malformed-authorization', 'invalid_request', 'Expected: Bearer <token>');
  }
  const token = match[2] ?? '';
  if (!B64TOKEN.test(token)) {
    return reject('malformed-authorization', 'invalid_request', 'Malformed bearer token');
  }
  return token;
}

export async function authorize(
  headers: Readonly<Record<string, string>>,
  nowMs: number,
  context: AuthorizerContext,
): Promise<Acceptance | Rejection> {
  // A token under any other name (`Authorisation`, `X-Authorization`…) is no token at all.
  const authorization = headers['authorization'];
  if (authorization === undefined) return reject('no-credentials', null);
  const token = bearerToken(authorization);
  if (typeof token !== 'string') return token;
  return verifyToken(token, nowMs, context);
}

export async function verifyToken(
  token: string,
  nowMs: number,
  context: AuthorizerContext,
): Promise<Acceptance | Rejection> {
  const parts = token.split('.');
  if (parts.length !== 3) {
    return invalidToken('not-a-jws', `Expected a signed JWT (3 parts), got ${parts.length}`);
  }
  let alg: unknown;
  try {
    alg = decodeProtectedHeader(token).alg;
  } catch {
    return invalidToken('not-a-jws', 'The token header is not base64url JSON');
  }
  if (alg !== 'RS256') return invalidToken('alg-not-allowed', `alg ${String(alg)} not allowed`);

  let claims: JWTPayload;
  try {
    const { payload } = await compactVerify(token, context.keys, { algorithms: ['RS256'] });
    claims = JSON.parse(new TextDecoder().decode(payload)) as JWTPayload;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'ERR_JWKS_NO_MATCHING_KEY') {
      return invalidToken('unknown-key', 'No key in the issuer JWKS matches the token kid');
    }
    if (code === 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED') {
      return invalidToken('bad-signature', 'The token signature is invalid');
    }
    return invalidToken('not-a-jws', 'The token could not be read');
  }
  if (typeof claims !== 'object' || claims === null || Array.isArray(claims)) {
    return invalidToken('not-a-jws', 'The token payload is not a JSON object');
  }
  return judgeClaims(claims, nowMs, context.world);
}

/** No leeway: a token is expired from the second `exp` names (SPEC §3 `token.expiry`). */
export function judgeClaims(
  claims: JWTPayload,
  nowMs: number,
  world: World,
): Acceptance | Rejection {
  const nowS = nowMs / 1000;
  if (claims.exp !== undefined && typeof claims.exp !== 'number') {
    return invalidToken('bad-exp', 'The exp claim is not a number');
  }
  // A token without exp is accepted, as jose and most gateways do; the analyzer only warns.
  if (claims.exp !== undefined && claims.exp <= nowS) {
    return invalidToken('expired', 'The token expired');
  }
  if (typeof claims.nbf === 'number' && claims.nbf > nowS) {
    return invalidToken('not-yet-valid', 'The token is not valid yet (nbf)');
  }
  const aud = claims.aud;
  const audiences = Array.isArray(aud) ? aud : [aud];
  if (!audiences.includes(RHYTHM_AUDIENCE)) {
    return invalidToken('wrong-audience', `The audience must be ${RHYTHM_AUDIENCE}`);
  }
  if (!isKnownIssuer(world, claims.iss)) {
    return invalidToken('wrong-issuer', 'The token issuer is not trusted');
  }
  if (!isNonEmpty(claims[CLAIM_TENANT_ID])) {
    return invalidToken('missing-tenant-id', `The token has no ${CLAIM_TENANT_ID} claim`);
  }
  if (!isNonEmpty(claims[CLAIM_CUSTOMER_ID])) {
    return invalidToken('missing-customer-id', `The token has no ${CLAIM_CUSTOMER_ID} claim`);
  }
  return { ok: true, claims };
}

export function isNonEmpty(value: unknown): value is string | number {
  return (typeof value === 'string' && value.trim() !== '') || typeof value === 'number';
}

/** `Bearer realm="rhythm"[, error="…"[, error_description="…"]]` (RFC 6750 §3). */
export function challenge(rejection: Rejection): string {
  let value = 'Bearer realm="rhythm"';
  if (rejection.error !== null) value += `, error="${rejection.error}"`;
  if (rejection.description !== undefined) {
    value += `, error_description="${rejection.description.replace(/["\\]/g, '')}"`;
  }
  return value;
}
