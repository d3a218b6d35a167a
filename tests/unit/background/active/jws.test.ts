/**
 * jws.ts against jose: every token and key set below is verified by both, and both must give the
 * same result (and the one named). jose is the reference the worker used before jws.ts replaced it
 * there (SPEC §9 budget); real keys, tokens signed at test time.
 */
import {
  base64url,
  compactVerify,
  createLocalJWKSet,
  decodeProtectedHeader,
  exportJWK,
  generateKeyPair,
  importJWK,
  CompactSign,
  FlattenedSign,
  type JWK,
} from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { type JwsResult, verifyJws } from '../../../../src/background/active/jws.js';

/** What jose says, in jws.ts's terms: the mapping verify-signature.ts had around compactVerify. */
async function byJose(token: string, jwks: unknown, algorithms: string[]): Promise<JwsResult> {
  let keys: ReturnType<typeof createLocalJWKSet>;
  try {
    keys = createLocalJWKSet(jwks as Parameters<typeof createLocalJWKSet>[0]);
  } catch {
    return { kind: 'unusable-key' };
  }
  try {
    const { protectedHeader } = await compactVerify(token, keys, { algorithms });
    return { kind: 'verified', alg: protectedHeader.alg };
  } catch (error) {
    const { code } = error as { code?: unknown };
    // Only jose's errors have a string code (a DOMException's is a number).
    switch (typeof code === 'string' ? code : '') {
      case 'ERR_JWKS_NO_MATCHING_KEY':
        return { kind: 'no-key' };
      case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED':
        return { kind: 'bad-signature' };
      case 'ERR_JWKS_MULTIPLE_MATCHING_KEYS':
        for await (const key of error as AsyncIterable<CryptoKey>) {
          try {
            const { protectedHeader } = await compactVerify(token, key, { algorithms });
            return { kind: 'verified', alg: protectedHeader.alg };
          } catch {
            // the next one
          }
        }
        return { kind: 'bad-signature' };
      case 'ERR_JOSE_ALG_NOT_ALLOWED':
        return { kind: 'alg-not-allowed', alg: String(decodeProtectedHeader(token).alg) };
      case 'ERR_JWKS_INVALID':
      case 'ERR_JWK_INVALID':
      case 'ERR_JOSE_NOT_SUPPORTED':
      case '':
        return { kind: 'unusable-key' };
      default:
        return { kind: 'malformed', message: (error as Error).message };
    }
  }
}

const ALGS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512'];

interface Pair {
  /** The private JWK, to sign with any algorithm of its key type. */
  secret: JWK;
  /** The public JWK, as a JWKS publishes it (no kid, alg, use: each case adds its own). */
  public: JWK;
}

async function pair(alg: string): Promise<Pair> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  return { secret: await exportJWK(privateKey), public: await exportJWK(publicKey) };
}

/** An RSA key of 1024 bits, which jose will not make (nor sign with): WebCrypto does. */
async function shortPair(): Promise<Pair> {
  const { privateKey, publicKey } = await crypto.subtle.generateKey(
    {
      name: 'RSASSA-PKCS1-v1_5',
      hash: 'SHA-256',
      modulusLength: 1024,
      publicExponent: new Uint8Array([1, 0, 1]),
    },
    true,
    ['sign', 'verify'],
  );
  const jwk = async (key: CryptoKey) => {
    const {
      alg: _alg,
      key_ops: _ops,
      ext: _ext,
      ...rest
    } = await crypto.subtle.exportKey('jwk', key);
    return rest as JWK;
  };
  return { secret: await jwk(privateKey), public: await jwk(publicKey) };
}

let rsa: Pair, otherRsa: Pair, shortRsa: Pair;
const ec: Record<string, Pair> = {};

beforeAll(async () => {
  [rsa, otherRsa, shortRsa] = await Promise.all([pair('RS256'), pair('RS256'), shortPair()]);
  for (const alg of ['ES256', 'ES384', 'ES512']) ec[alg] = await pair(alg);
});

const keyOf = (alg: string) => (alg.startsWith('ES') ? ec[alg]! : rsa);

/** A compact JWS of `payload` signed with `signer`'s private key, with this protected header. */
async function sign(
  header: Record<string, unknown> & { alg: string },
  signer = keyOf(header.alg),
  payload: string | Uint8Array = '{"iss":"https://acme-org.us.auth0.com/"}',
): Promise<string> {
  const bytes = typeof payload === 'string' ? new TextEncoder().encode(payload) : payload;
  return new CompactSign(bytes)
    .setProtectedHeader(header)
    .sign(await importJWK(signer.secret, header.alg));
}

/** A compact JWS whose payload is not base64url-encoded (RFC 7797), which only FlattenedSign signs. */
async function unencoded(header: Record<string, unknown> & { alg: string }, payload: string) {
  const jws = await new FlattenedSign(new TextEncoder().encode(payload))
    .setProtectedHeader(header)
    .sign(await importJWK(rsa.secret, header.alg));
  return `${jws.protected}.${payload}.${jws.signature}`;
}

/** Signs `head.payload` as given, without jose's checks: for payloads jose would not produce. */
async function signRaw(
  head: Record<string, unknown>,
  payload: string,
  signer = rsa,
): Promise<string> {
  const h = base64url.encode(JSON.stringify(head));
  const key = await crypto.subtle.importKey(
    'jwk',
    signer.secret as JsonWebKey,
    { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const sig = await crypto.subtle.sign(
    'RSASSA-PKCS1-v1_5',
    key,
    new TextEncoder().encode(`${h}.${payload}`),
  );
  return `${h}.${payload}.${base64url.encode(new Uint8Array(sig))}`;
}

const set = (...keys: unknown[]) => ({ keys });
const pub = (p: Pair, extra: Record<string, unknown> = {}) => ({ ...p.public, ...extra });
const K1 = { kid: 'k1' };

type Case = [name: string, make: () => Promise<[string, unknown, string[]?]>, want: JwsResult];

const cases: Case[] = [
  ...ALGS.map((alg): Case => [
    `${alg} with its key`,
    async () => [await sign({ alg, kid: 'k1' }), set(pub(keyOf(alg), { ...K1, alg })), [alg]],
    { kind: 'verified', alg },
  ]),
  [
    'a key without alg or use',
    async () => [await sign({ alg: 'RS256', kid: 'k1' }), set(pub(rsa, K1))],
    { kind: 'verified', alg: 'RS256' },
  ],
  [
    'another key under the same kid',
    async () => [await sign({ alg: 'RS256', kid: 'k1' }, otherRsa), set(pub(rsa, K1))],
    { kind: 'bad-signature' },
  ],
  [
    'a changed payload',
    async () => {
      const [h, , s] = (await sign({ alg: 'RS256', kid: 'k1' })).split('.');
      return [
        `${h}.${base64url.encode('{"iss":"https://evil.example/"}')}.${s}`,
        set(pub(rsa, K1)),
      ];
    },
    { kind: 'bad-signature' },
  ],
  [
    'an ES256 signature cut short',
    async () => [
      (await sign({ alg: 'ES256', kid: 'k1' })).slice(0, -8),
      set(pub(ec.ES256!, K1)),
      ['ES256'],
    ],
    { kind: 'bad-signature' },
  ],
  [
    'a kid the set lacks',
    async () => [await sign({ alg: 'RS256', kid: 'gone' }), set(pub(rsa, K1))],
    { kind: 'no-key' },
  ],
  [
    'a kid that is a number',
    async () => [await sign({ alg: 'RS256', kid: 1 }), set(pub(rsa, { kid: 1 }))],
    { kind: 'no-key' },
  ],
  [
    'an empty set',
    async () => [await sign({ alg: 'RS256', kid: 'k1' }), set()],
    { kind: 'no-key' },
  ],
  ...(
    [
      ['alg RS384', { alg: 'RS384' }],
      ['use enc', { use: 'enc' }],
      ['key_ops without verify', { key_ops: ['sign'] }],
      ['key_ops twice verify', { key_ops: ['verify', 'verify'] }],
      ['key_ops not a list', { key_ops: 'verify' }],
      ['ext not a boolean', { ext: 'yes' }],
    ] as const
  ).map(([what, extra]): Case => [
    `the only key has ${what}`,
    async () => [await sign({ alg: 'RS256', kid: 'k1' }), set(pub(rsa, { ...K1, ...extra }))],
    { kind: 'no-key' },
  ]),
  [
    'the key has key_ops [verify] and ext false',
    async () => [
      await sign({ alg: 'RS256', kid: 'k1' }),
      set(pub(rsa, { ...K1, key_ops: ['verify'], ext: false })),
    ],
    { kind: 'verified', alg: 'RS256' },
  ],
  [
    'the key has key_ops [verify, sign]',
    async () => [
      await sign({ alg: 'RS256', kid: 'k1' }),
      set(pub(rsa, { ...K1, key_ops: ['verify', 'sign'] })),
    ],
    { kind: 'unusable-key' },
  ],
  [
    'an EC key for an RS256 token',
    async () => [await sign({ alg: 'RS256', kid: 'k1' }), set(pub(ec.ES256!, K1))],
    { kind: 'no-key' },
  ],
  [
    'a P-384 key for an ES256 token',
    async () => [await sign({ alg: 'ES256', kid: 'k1' }), set(pub(ec.ES384!, K1)), ['ES256']],
    { kind: 'no-key' },
  ],
  [
    'no kid, two keys, the second the signer',
    async () => [await sign({ alg: 'RS256' }), set(pub(otherRsa), pub(rsa, { alg: 'RS256' }))],
    { kind: 'verified', alg: 'RS256' },
  ],
  [
    'no kid, two keys, neither the signer',
    async () => [await sign({ alg: 'RS256' }, otherRsa), set(pub(rsa), pub(shortRsa))],
    { kind: 'bad-signature' },
  ],
  [
    'one kid twice, a broken key then the signer',
    async () => [
      await sign({ alg: 'RS256', kid: 'k1' }),
      set({ kty: 'RSA', kid: 'k1', n: '!', e: '!' }, pub(rsa, K1)),
    ],
    { kind: 'verified', alg: 'RS256' },
  ],
  [
    'an RSA key of 1024 bits',
    async () => [
      await signRaw({ alg: 'RS256', kid: 'k1' }, 'e30', shortRsa),
      set(pub(shortRsa, K1)),
    ],
    { kind: 'unusable-key' },
  ],
  [
    'a private key in the set',
    async () => [await sign({ alg: 'RS256', kid: 'k1' }), set({ ...rsa.secret, ...K1 })],
    { kind: 'unusable-key' },
  ],
  [
    'garbage key material',
    async () => [
      await sign({ alg: 'RS256', kid: 'k1' }),
      set({ kty: 'RSA', kid: 'k1', n: '!', e: '!' }),
    ],
    { kind: 'unusable-key' },
  ],
  ...(
    [
      ['not an object', 'keys'],
      ['keys not a list', { keys: {} }],
      ['a key that is a list', { keys: [[]] }],
      ['a key that is null', { keys: [null] }],
    ] as const
  ).map(([what, jwks]): Case => [
    `a key set that is ${what}`,
    async () => [await sign({ alg: 'RS256', kid: 'k1' }), jwks],
    { kind: 'unusable-key' },
  ]),
  [
    'an RS384 token when only RS256 is allowed',
    async () => [await sign({ alg: 'RS384', kid: 'k1' }), set(pub(rsa, K1)), ['RS256']],
    { kind: 'alg-not-allowed', alg: 'RS384' },
  ],
  [
    'HS256 allowed, which a key set cannot verify',
    async () => [
      await new CompactSign(new TextEncoder().encode('{}'))
        .setProtectedHeader({ alg: 'HS256', kid: 'k1' })
        .sign(new TextEncoder().encode('a shared secret of thirty-two bytes!')),
      set({ kty: 'oct', kid: 'k1', k: 'c2VjcmV0' }),
      ['HS256'],
    ],
    { kind: 'unusable-key' },
  ],
  [
    'two segments',
    async () => [(await sign({ alg: 'RS256', kid: 'k1' })).split('.').slice(0, 2).join('.'), set()],
    { kind: 'malformed', message: 'Invalid Compact JWS' },
  ],
  [
    'five segments',
    async () => [`${await sign({ alg: 'RS256', kid: 'k1' })}.a.b`, set()],
    { kind: 'malformed', message: 'Invalid Compact JWS' },
  ],
  [
    'a header that is no JSON',
    async () => [`${base64url.encode('{alg')}.e30.c2ln`, set()],
    { kind: 'malformed', message: 'JWS Protected Header is invalid' },
  ],
  [
    'no alg',
    async () => [`${base64url.encode('{"kid":"k1"}')}.e30.c2ln`, set(pub(rsa, K1))],
    {
      kind: 'malformed',
      message: 'JWS "alg" (Algorithm) Header Parameter missing or invalid',
    },
  ],
  [
    'a signature that is not base64url',
    async () => [`${await sign({ alg: 'RS256', kid: 'k1' })}+/`, set(pub(rsa, K1))],
    { kind: 'malformed', message: 'Failed to base64url decode the signature' },
  ],
  [
    'a signature that is not base64url, under a kid the set lacks',
    async () => [`${await sign({ alg: 'RS256', kid: 'gone' })}+/`, set(pub(rsa, K1))],
    { kind: 'no-key' },
  ],
  [
    'a signed payload that is not base64url',
    async () => [await signRaw({ alg: 'RS256', kid: 'k1' }, 'not*base64'), set(pub(rsa, K1))],
    { kind: 'malformed', message: 'Failed to base64url decode the payload' },
  ],
  [
    'a payload that is not ASCII',
    async () => [await signRaw({ alg: 'RS256', kid: 'k1' }, 'é'), set(pub(rsa, K1))],
    { kind: 'malformed', message: 'The payload is not a valid base64url string' },
  ],
  [
    'an unencoded payload (b64: false, RFC 7797)',
    async () => [
      await unencoded({ alg: 'RS256', kid: 'k1', b64: false, crit: ['b64'] }, 'plain text'),
      set(pub(rsa, K1)),
    ],
    { kind: 'verified', alg: 'RS256' },
  ],
  [
    'an unencoded payload that is not ASCII',
    async () => [
      await signRaw({ alg: 'RS256', kid: 'gone', b64: false, crit: ['b64'] }, 'é'),
      set(),
    ],
    {
      kind: 'malformed',
      message: 'JWS Compact Serialization payload must use only ASCII characters',
    },
  ],
  [
    'crit naming an extension nobody knows',
    async () => [await signRaw({ alg: 'RS256', kid: 'k1', crit: ['exp'], exp: 1 }, 'e30'), set()],
    { kind: 'unusable-key' },
  ],
  [
    'crit empty',
    async () => [await signRaw({ alg: 'RS256', kid: 'k1', crit: [] }, 'e30'), set()],
    {
      kind: 'malformed',
      message:
        '"crit" (Critical) Header Parameter MUST be an array of non-empty strings when present',
    },
  ],
  [
    'crit b64 without b64',
    async () => [await signRaw({ alg: 'RS256', kid: 'k1', crit: ['b64'] }, 'e30'), set()],
    { kind: 'malformed', message: 'Extension Header Parameter "b64" is missing' },
  ],
  [
    'b64 not a boolean',
    async () => [await signRaw({ alg: 'RS256', crit: ['b64'], b64: 'no' }, 'e30'), set()],
    {
      kind: 'malformed',
      message: 'The "b64" (base64url-encode payload) Header Parameter must be a boolean',
    },
  ],
];

describe('verifyJws', () => {
  it.each(cases)('%s: as jose says', async (_, make, want) => {
    const [token, jwks, algorithms = ['RS256']] = await make();
    const ours = await verifyJws(token, jwks, algorithms);
    expect(ours).toEqual(want);
    expect(ours).toEqual(await byJose(token, jwks, algorithms));
  });

  it('does not change the key set it is given', async () => {
    const jwks = set(pub(rsa, { ...K1, alg: 'RS256', use: 'sig', ext: true }));
    const before = structuredClone(jwks);
    await verifyJws(await sign({ alg: 'RS256', kid: 'k1' }), jwks, ['RS256']);
    expect(jwks).toEqual(before);
  });

  it('verifies no EdDSA token, which it does not implement (jose does)', async () => {
    const { privateKey, publicKey } = await generateKeyPair('EdDSA');
    const token = await new CompactSign(new TextEncoder().encode('{}'))
      .setProtectedHeader({ alg: 'EdDSA' })
      .sign(privateKey);
    const jwks = set(await exportJWK(publicKey));
    expect(await verifyJws(token, jwks, ['EdDSA'])).toEqual({ kind: 'unusable-key' });
  });
});
