/**
 * `mint(options)`: tokens on demand for tests and the demo page, good or deliberately bad
 * (expired, foreign-signed, `alg: none`, missing claims, ID tokens…). The same options arrive as
 * JSON at the issuer's test-only `POST /__mint`, so they are plain data and parsed from `unknown`.
 */
import {
  CLAIM_CONTACT_ID,
  CLAIM_CUSTOMER_ID,
  CLAIM_TENANT_ID,
  RHYTHM_AUDIENCE,
  RHYTHM_TOKEN_LIFETIME_S,
} from '../../src/analyzer/rhythm.js';
import {
  createSigningKey,
  idTokenClaims,
  jweLikeToken,
  m2mClaims,
  rs256Header,
  signJws,
  USER_SCOPE,
  userAccessClaims,
} from './tokens.js';
import type { Claims, IssuerKeys, SigningKey } from './tokens.js';
import { findUser, tenantById } from './world.js';
import type { World } from './world.js';

export const MINT_KINDS = ['user', 'm2m', 'id', 'no-audience'] as const;
export type MintKind = (typeof MINT_KINDS)[number];

export const MINT_SIGNERS = [
  'issuer', // the issuer's own key: verifies
  'foreign-same-kid', // another key, but the issuer's kid: the signature fails
  'foreign-unknown-kid', // another key with its own kid: no key in the JWKS matches
  'none', // `alg: none`, empty signature
  'hs256', // HMAC with a shared secret: the alg-confusion shape
] as const;
export type MintSigner = (typeof MINT_SIGNERS)[number];

export interface MintOptions {
  /** Default `user`. `no-audience` is Auth0's JWE-looking token; other options don't apply to it. */
  kind?: MintKind;
  /** Tenant id; default `acme.org`. */
  tenant?: string;
  /** User email (kinds `user`, `id`); default the tenant's first user. */
  user?: string;
  /** Default `https://api.rhythmsoftware.com` (and Auth0's `/userinfo` beside it for users). */
  audience?: string | string[];
  /** User tokens only; default `openid profile email`. */
  scope?: string;
  /** Issued-at, epoch SECONDS (a claim value); default the minting time. */
  iat?: number;
  /** Seconds from iat to exp; default 86400 (ID tokens 36000). */
  lifetime?: number;
  /** Shorthand: issued 25 h before now, so it expired an hour ago. */
  expired?: boolean;
  /** Claims to add or replace. `tenant_id`, `customer_id`, `contact_id` name the Rhythm claims. */
  claims?: Claims;
  /** Claims to remove, same short names allowed. */
  omit?: string[];
  /** Extra or replaced protected-header fields (not `alg`: use `signer`). */
  header?: Claims;
  /** Default `issuer`. */
  signer?: MintSigner;
  /** ID tokens: the `nonce` claim. */
  nonce?: string;
}

const SHORT_CLAIMS: Readonly<Record<string, string>> = {
  tenant_id: CLAIM_TENANT_ID,
  customer_id: CLAIM_CUSTOMER_ID,
  contact_id: CLAIM_CONTACT_ID,
};
const fullClaim = (name: string) => SHORT_CLAIMS[name] ?? name;
const HS256_SECRET = new TextEncoder().encode('a shared secret no Rhythm API knows');

export type Mint = (options: MintOptions, nowMs: number) => Promise<string>;

export function createMinter(world: World, keys: IssuerKeys): Mint {
  let foreignKey: Promise<SigningKey> | undefined;
  const foreign = () => (foreignKey ??= createSigningKey());

  return async (options, nowMs) => {
    const tenant = tenantById(world, options.tenant ?? 'acme.org');
    if (!tenant) throw new MintError(`unknown tenant ${String(options.tenant)}`);
    if (options.kind === 'no-audience') return jweLikeToken(tenant.issuer);

    const kind = options.kind ?? 'user';
    const nowS = Math.floor(nowMs / 1000);
    const iat = options.iat ?? (options.expired ? nowS - RHYTHM_TOKEN_LIFETIME_S - 3600 : nowS);
    const audience = options.audience ?? RHYTHM_AUDIENCE;

    let claims: Claims;
    if (kind === 'm2m') {
      claims = m2mClaims(tenant, audience, iat);
    } else {
      const user = findUser(tenant, options.user ?? tenant.users[0]?.email ?? '');
      if (!user) throw new MintError(`unknown user ${String(options.user)}`);
      claims =
        kind === 'id'
          ? idTokenClaims(tenant, user, iat, { nonce: options.nonce })
          : userAccessClaims(tenant, user, audience, options.scope ?? USER_SCOPE, iat);
    }
    if (options.lifetime !== undefined) claims['exp'] = iat + options.lifetime;
    for (const [name, value] of Object.entries(options.claims ?? {})) {
      claims[fullClaim(name)] = value;
    }
    for (const name of options.omit ?? []) delete claims[fullClaim(name)];

    const signer = options.signer ?? 'issuer';
    // `alg` follows from the signer; a header override can't contradict the key.
    const { alg: _alg, ...extra } = options.header ?? {};
    switch (signer) {
      case 'issuer':
        return signJws(claims, { ...rs256Header(keys.kid), ...extra }, keys.privateKey);
      case 'foreign-same-kid':
        return signJws(
          claims,
          { ...rs256Header(keys.kid), ...extra },
          (await foreign()).privateKey,
        );
      case 'foreign-unknown-kid': {
        const key = await foreign();
        return signJws(claims, { ...rs256Header(key.kid), ...extra }, key.privateKey);
      }
      case 'hs256':
        return signJws(claims, { alg: 'HS256', typ: 'JWT', ...extra }, HS256_SECRET);
      case 'none': {
        const part = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
        return `${part({ alg: 'none', typ: 'JWT', ...extra })}.${part(claims)}.`;
      }
    }
  };
}

/** A request for a token this world can't make (unknown tenant or user, bad options). */
export class MintError extends Error {}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isStringArray = (v: unknown): v is string[] =>
  Array.isArray(v) && v.every((x) => typeof x === 'string');

/** Narrows a JSON body to MintOptions, or throws MintError naming the first bad field. */
export function parseMintOptions(body: unknown): MintOptions {
  if (!isRecord(body)) throw new MintError('expected a JSON object');
  const check = (ok: boolean, field: string) => {
    if (!ok) throw new MintError(`bad ${field}`);
  };
  const { kind, signer, audience, iat, lifetime } = body;
  check(kind === undefined || MINT_KINDS.some((k) => k === kind), 'kind');
  check(signer === undefined || MINT_SIGNERS.some((s) => s === signer), 'signer');
  check(
    audience === undefined || typeof audience === 'string' || isStringArray(audience),
    'audience',
  );
  check(iat === undefined || Number.isFinite(iat), 'iat');
  check(lifetime === undefined || Number.isFinite(lifetime), 'lifetime');
  for (const field of ['tenant', 'user', 'scope', 'nonce']) {
    check(body[field] === undefined || typeof body[field] === 'string', field);
  }
  check(body['expired'] === undefined || typeof body['expired'] === 'boolean', 'expired');
  check(body['claims'] === undefined || isRecord(body['claims']), 'claims');
  check(body['header'] === undefined || isRecord(body['header']), 'header');
  check(body['omit'] === undefined || isStringArray(body['omit']), 'omit');
  // Every field was checked above; the cast only restates what the checks proved.
  return body as MintOptions;
}
