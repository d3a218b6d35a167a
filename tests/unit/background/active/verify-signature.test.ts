import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import { describe, expect, it, vi } from 'vitest';
import {
  jwksCacheKey,
  verifySignature,
} from '../../../../src/background/active/verify-signature.js';
import { signToken, testKeys, TEST_ISSUER } from '../../../helpers/tokens.js';
import { createMemoryArea } from '../../shared/memory-area.js';

const JWKS_URL = `${TEST_ISSUER}.well-known/jwks.json`;
const publicJwk = async (kid = 'test-key-1'): Promise<JWK> => ({
  ...(await exportJWK((await testKeys()).publicKey)),
  kid,
  alg: 'RS256',
  use: 'sig',
});

function answering(body: unknown, init: ResponseInit & { raw?: boolean } = {}) {
  return vi.fn(
    async (_url: string | URL | Request, _init?: RequestInit) =>
      new Response(init.raw ? String(body) : JSON.stringify(body), {
        status: init.status ?? 200,
        headers: init.headers ?? { 'Content-Type': 'application/json' },
      }),
  );
}

async function verify(
  token: string,
  fetch: ReturnType<typeof answering>,
  area = createMemoryArea(),
) {
  return verifySignature(token, TEST_ISSUER, {
    fetch: fetch as unknown as typeof globalThis.fetch,
    keyCache: area,
  });
}

describe('verifySignature', () => {
  it('verifies a token with its issuer’s key, fetching the JWKS without credentials', async () => {
    const fetch = answering({ keys: [await publicJwk()] });
    expect(await verify(await signToken(), fetch)).toEqual({
      kind: 'verified',
      url: JWKS_URL,
      kid: 'test-key-1',
      alg: 'RS256',
    });
    expect(fetch).toHaveBeenCalledOnce();
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe(JWKS_URL);
    expect(init).toMatchObject({ credentials: 'omit', cache: 'no-store', redirect: 'manual' });
  });

  it('does not judge the claims: an expired token still verifies', async () => {
    const fetch = answering({ keys: [await publicJwk()] });
    const expired = await signToken({ iatMs: Date.UTC(2020, 0, 1) });
    expect((await verify(expired, fetch)).kind).toBe('verified');
  });

  it('fails a token signed by another key under the same kid', async () => {
    const other = await generateKeyPair('RS256');
    const forged = await new SignJWT({ iss: TEST_ISSUER })
      .setProtectedHeader({ alg: 'RS256', kid: 'test-key-1' })
      .sign(other.privateKey);
    expect(await verify(forged, answering({ keys: [await publicJwk()] }))).toMatchObject({
      kind: 'bad-signature',
      kid: 'test-key-1',
    });
  });

  it('names the kid no key matches, and the kids the issuer has', async () => {
    const token = await signToken({ header: { kid: 'rotated-out' } });
    expect(await verify(token, answering({ keys: [await publicJwk('k-2026')] }))).toEqual({
      kind: 'unknown-kid',
      url: JWKS_URL,
      kid: 'rotated-out',
      kids: ['k-2026'],
    });
  });

  it('tries each key when several match (no kid in the token)', async () => {
    const other = await exportJWK((await generateKeyPair('RS256')).publicKey);
    const token = await signToken({ header: { kid: undefined } });
    const keys = [
      { ...other, alg: 'RS256' },
      { ...(await publicJwk()), kid: undefined },
    ];
    expect((await verify(token, answering({ keys }))).kind).toBe('verified');
  });

  it.each<[string, ReturnType<typeof answering>, object]>([
    ['a 503', answering({ error: 'down' }, { status: 503 }), { kind: 'http-error', status: 503 }],
    [
      'a 404',
      answering('Not Found', { status: 404, raw: true }),
      { kind: 'http-error', status: 404 },
    ],
    [
      'a web page',
      answering('<html>', { raw: true, headers: { 'Content-Type': 'text/html' } }),
      { kind: 'not-json', contentType: 'text/html' },
    ],
    ['JSON that is no key set', answering({ issuer: TEST_ISSUER }), { kind: 'not-jwks' }],
    [
      'a key set of garbage keys',
      answering({ keys: [{ kty: 'RSA', kid: 'test-key-1', n: '!', e: '!' }] }),
      { kind: 'not-jwks' },
    ],
  ])('fails when the issuer answers %s', async (_, fetch, want) => {
    expect(await verify(await signToken(), fetch)).toMatchObject(want);
  });

  it('warns, not fails, when nothing answers', async () => {
    const fetch = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(
      await verify(await signToken(), fetch as unknown as ReturnType<typeof answering>),
    ).toEqual({
      kind: 'unreachable',
      url: JWKS_URL,
      error: 'Failed to fetch',
    });
  });

  it.each([
    ['an http issuer', 'http://acme-org.us.auth0.com/', { kind: 'not-https' }],
    ['an issuer that is no URL', 'acme', { kind: 'malformed' }],
  ])('sends nothing for %s', async (_, iss, want) => {
    const fetch = answering({ keys: [] });
    const area = createMemoryArea();
    expect(
      await verifySignature(await signToken(), iss, {
        fetch: fetch as unknown as typeof globalThis.fetch,
        keyCache: area,
      }),
    ).toMatchObject(want);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('sends nothing for a token that is not RS256', async () => {
    const fetch = answering({ keys: [] });
    const hs = await new SignJWT({ iss: TEST_ISSUER })
      .setProtectedHeader({ alg: 'HS256' })
      .sign(new TextEncoder().encode('a shared secret of thirty-two bytes!'));
    expect(await verify(hs, fetch)).toEqual({ kind: 'unexpected-alg', alg: 'HS256' });
    expect(fetch).not.toHaveBeenCalled();
  });

  it('caches the public keys for the session, and fetches again for a kid it lacks', async () => {
    const area = createMemoryArea();
    const fetch = answering({ keys: [await publicJwk()] });
    await verify(await signToken(), fetch, area);
    await verify(await signToken(), fetch, area);
    expect(fetch).toHaveBeenCalledOnce();
    expect(area.keys()).toEqual([jwksCacheKey(JWKS_URL)]);
    expect(JSON.stringify(area.snapshot())).not.toMatch(/"d"|"p"|"q"/); // public keys only

    // A rotated key: the cached set lacks it, so the issuer is asked once more.
    const rotated = await signToken({ header: { kid: 'new-kid' } });
    const fresh = answering({ keys: [await publicJwk('new-kid')] });
    expect((await verify(rotated, fresh, area)).kind).toBe('verified');
    expect(fresh).toHaveBeenCalledOnce();
  });

  it('does not cache a failed answer', async () => {
    const area = createMemoryArea();
    await verify(await signToken(), answering({}, { status: 500 }), area);
    expect(area.keys()).toEqual([]);
  });
});
