/**
 * `token.signature` (SPEC §3): the issuer's JWKS (`<iss>.well-known/jwks.json`, https only),
 * then jws.ts's compact verification with RS256 only. Claims are not judged here (no clock: expiry is
 * `token.expiry`'s business). Key sets are cached for the browser session in `storage.session`:
 * public keys only, fetched again once when a token names a kid the cached set lacks (rotation).
 * The words for each result are in outcomes.ts.
 */
import type { JSONWebKeySet } from 'jose';
import { decodeProtectedHeader, verifyJws } from './jws.js';
import { EXPECTED_ALG, jwksUrlOf } from './plan.js';
import type { SignatureResult } from './outcomes.js';
import type { SessionArea } from '../../shared/tab-store.js';

export interface VerifyDeps {
  fetch: typeof fetch;
  /** Where key sets are cached (storage.session). */
  keyCache: SessionArea;
}

/** More than any real key set; a bigger answer is not one. */
const MAX_JWKS_CHARS = 256 * 1024;
export const jwksCacheKey = (url: string) => `jwks:${url}`;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
export const isJwks = (v: unknown): v is JSONWebKeySet =>
  isObject(v) && Array.isArray(v.keys) && v.keys.every(isObject);

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

type Fetched = { ok: true; jwks: JSONWebKeySet } | { ok: false; result: SignatureResult };

async function fetchJwks(url: string, deps: VerifyDeps): Promise<Fetched> {
  let response: Response;
  try {
    // No credentials, nothing cached by the browser, and no redirect followed off the issuer.
    response = await deps.fetch(url, {
      credentials: 'omit',
      cache: 'no-store',
      redirect: 'manual',
      headers: { Accept: 'application/json' },
    });
  } catch (error) {
    return { ok: false, result: { kind: 'unreachable', url, error: errorText(error) } };
  }
  if (response.type === 'opaqueredirect')
    return {
      ok: false,
      result: {
        kind: 'unreachable',
        url,
        error: 'it redirected elsewhere; redirects are not followed',
      },
    };
  if (!response.ok)
    return { ok: false, result: { kind: 'http-error', url, status: response.status } };
  const contentType = response.headers.get('content-type');
  let value: unknown;
  try {
    const text = await response.text();
    if (text.length > MAX_JWKS_CHARS) return { ok: false, result: { kind: 'not-jwks', url } };
    value = JSON.parse(text);
  } catch {
    return { ok: false, result: { kind: 'not-json', url, contentType } };
  }
  return isJwks(value)
    ? { ok: true, jwks: value }
    : { ok: false, result: { kind: 'not-jwks', url } };
}

async function verifyWith(
  token: string,
  jwks: JSONWebKeySet,
  url: string,
  kid: string | null,
): Promise<SignatureResult> {
  const result = await verifyJws(token, jwks, [EXPECTED_ALG]);
  switch (result.kind) {
    case 'verified':
      return { kind: 'verified', url, kid, alg: result.alg };
    case 'no-key':
      return {
        kind: 'unknown-kid',
        url,
        kid,
        kids: jwks.keys.map((k) => k.kid).filter((k): k is string => typeof k === 'string'),
      };
    case 'bad-signature':
      return { kind: 'bad-signature', url, kid };
    case 'alg-not-allowed':
      return { kind: 'unexpected-alg', alg: result.alg };
    case 'unusable-key':
      return { kind: 'not-jwks', url };
    case 'malformed':
      return { kind: 'malformed', message: result.message };
  }
}

export async function verifySignature(
  token: string,
  iss: string,
  deps: VerifyDeps,
): Promise<SignatureResult> {
  const jwksUrl = jwksUrlOf(iss);
  if (!jwksUrl)
    return { kind: 'malformed', message: `the issuer ${iss.slice(0, 200)} is not a URL` };
  if (jwksUrl.protocol !== 'https:') return { kind: 'not-https', iss };
  let header: ReturnType<typeof decodeProtectedHeader>;
  try {
    header = decodeProtectedHeader(token);
  } catch (error) {
    return { kind: 'malformed', message: errorText(error) };
  }
  if (header.alg !== EXPECTED_ALG) return { kind: 'unexpected-alg', alg: String(header.alg) };
  const kid = typeof header.kid === 'string' ? header.kid : null;
  const url = jwksUrl.href;
  const cacheKey = jwksCacheKey(url);

  const cached = (await deps.keyCache.get(cacheKey))[cacheKey];
  if (isJwks(cached)) {
    const result = await verifyWith(token, cached, url, kid);
    if (result.kind !== 'unknown-kid') return result;
  }
  const fetched = await fetchJwks(url, deps);
  if (!fetched.ok) return fetched.result;
  await deps.keyCache.set({ [cacheKey]: fetched.jwks });
  return verifyWith(token, fetched.jwks, url, kid);
}
