/**
 * Verifies a JWS in compact form with a key of a JSON Web Key Set, on WebCrypto: what
 * verify-signature.ts needs of jose's `compactVerify` with `createLocalJWKSet`, for the RSA and
 * ECDSA algorithms (RS, PS, ES 256/384/512), without their weight in the service worker, which loads
 * all its code at start (SPEC §9: ≤ 40 KB gzip). It decides as jose 6 does, in the same order:
 * the same keys are candidates (`kid`, `kty`, `crv`, `alg`, `use`, `key_ops`), RSA keys under 2048
 * bits are refused, several candidates are tried in turn, `crit` knows only `b64`, and a token jose
 * calls invalid gets jose's words (tests/unit/background/active/jws.test.ts holds it to jose).
 */

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
type FromBase64 = (text: string, options: { alphabet: 'base64url' }) => Uint8Array<ArrayBuffer>;

/**
 * base64url to bytes as jose 6 decodes it (`jose/base64url`): `Uint8Array.fromBase64` where the
 * engine has it, else `atob` after refusing `+` and `/`; throws where jose throws. Here and not
 * imported: jose's module and its helpers weighed 0.9 KB gzip in the worker (SPEC §9: ≤ 40 KB).
 */
export function base64urlDecode(text: string): Uint8Array<ArrayBuffer> {
  const fromBase64 = (Uint8Array as unknown as { fromBase64?: FromBase64 }).fromBase64;
  if (fromBase64) return fromBase64(text, { alphabet: 'base64url' });
  if (text.includes('+') || text.includes('/')) throw new TypeError('Invalid base64url');
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * The protected header of a compact JWS or JWE (3 or 5 segments), as jose's
 * `decodeProtectedHeader` reads a token string: a JSON object in strict UTF-8, or jose's TypeError.
 */
export function decodeProtectedHeader(token: string): Jwk {
  const parts = token.split('.');
  const encoded = parts.length === 3 || parts.length === 5 ? parts[0] : '';
  let header: unknown;
  try {
    header = encoded ? JSON.parse(strictUtf8.decode(base64urlDecode(encoded))) : null;
  } catch {
    header = null;
  }
  if (!isPlain(header)) throw new TypeError('Invalid Token or Protected Header formatting');
  return header;
}

export type JwsResult =
  | { kind: 'verified'; alg: string }
  /** No key of the set fits the header (its `kid`, the key type of its `alg`). */
  | { kind: 'no-key' }
  | { kind: 'bad-signature' }
  | { kind: 'alg-not-allowed'; alg: string }
  /** Not a key set, or the one key that fits cannot verify (not a public key, too short, …). */
  | { kind: 'unusable-key' }
  | { kind: 'malformed'; message: string };

type Refused = Exclude<JwsResult, { kind: 'verified' }>;

/** Thrown inside this module only, to leave at once with a result. */
class Refusal {
  constructor(readonly result: Refused) {}
}
const malformed = (message: string) => new Refusal({ kind: 'malformed', message });

interface Suite {
  kty: 'RSA' | 'EC';
  crv?: string;
  importAlg: RsaHashedImportParams | EcKeyImportParams;
  verifyAlg: RsaPssParams | EcdsaParams | Algorithm;
}

function suiteOf(alg: string): Suite | undefined {
  const [, family, bits] = /^([REP]S)(256|384|512)$/.exec(alg) ?? [];
  if (!family || !bits) return undefined;
  const hash = `SHA-${bits}`;
  if (family === 'ES') {
    const namedCurve = `P-${bits === '512' ? '521' : bits}`;
    return {
      kty: 'EC',
      crv: namedCurve,
      importAlg: { name: 'ECDSA', namedCurve },
      verifyAlg: { name: 'ECDSA', hash },
    };
  }
  const name = family === 'PS' ? 'RSA-PSS' : 'RSASSA-PKCS1-v1_5';
  return { kty: 'RSA', importAlg: { name, hash }, verifyAlg: { name, saltLength: +bits / 8 } };
}

type Jwk = Record<string, unknown>;

/** A plain object, as jose requires of a key set and its keys (not an array, not a class). */
function isPlain(v: unknown): v is Jwk {
  if (Object.prototype.toString.call(v) !== '[object Object]') return false;
  const proto = Object.getPrototypeOf(v) as object | null;
  return proto === null || Object.getPrototypeOf(proto) === null;
}

/** jose's `isUsableJWK`: may this key verify `alg` for a token naming `kid`? */
function fits(jwk: Jwk, suite: Suite, alg: string, kid: unknown): boolean {
  const ops = jwk.key_ops;
  return (
    (jwk.ext === undefined || typeof jwk.ext === 'boolean') &&
    (ops === undefined ||
      (Array.isArray(ops) &&
        ops.every((op, i) => typeof op === 'string' && ops.indexOf(op) === i) &&
        ops.includes('verify'))) &&
    jwk.kty === suite.kty &&
    (kid === undefined || (typeof kid === 'string' && kid === jwk.kid)) &&
    (jwk.alg === undefined || jwk.alg === alg) &&
    (jwk.use === undefined || jwk.use === 'sig') &&
    (!suite.crv || jwk.crv === suite.crv)
  );
}

const isAscii = (s: string) => !/[\u0080-\uffff]/.test(s);

/** Whether the payload is base64url-encoded (RFC 7797), checking `crit` as jose does. */
function encodedPayload(header: Jwk): boolean {
  const { crit } = header;
  if (crit === undefined) return true;
  if (
    !Array.isArray(crit) ||
    crit.length === 0 ||
    crit.some((p) => typeof p !== 'string' || p === '')
  )
    throw malformed(
      '"crit" (Critical) Header Parameter MUST be an array of non-empty strings when present',
    );
  // jose knows no other extension; it calls the rest "not supported", which the caller words.
  if (crit.some((p) => p !== 'b64')) throw new Refusal({ kind: 'unusable-key' });
  if (header.b64 === undefined) throw malformed('Extension Header Parameter "b64" is missing');
  if (typeof header.b64 !== 'boolean')
    throw malformed('The "b64" (base64url-encode payload) Header Parameter must be a boolean');
  return header.b64;
}

/** true: this key verifies the signature; false: it does not; throws: it cannot say. */
async function verifiesWith(
  jwk: Jwk,
  suite: Suite,
  [head, payload, signature]: string[],
  b64: boolean,
): Promise<boolean> {
  const data: Jwk = { ...jwk };
  delete data.alg;
  delete data.use;
  delete data.ext;
  // A private key is no key of a JWKS: WebCrypto refuses to import one for `verify`.
  const usages = (jwk.key_ops as KeyUsage[] | undefined) ?? ['verify'];
  const key = await crypto.subtle.importKey(
    'jwk',
    data as JsonWebKey,
    suite.importAlg,
    false,
    usages,
  );
  if (b64 && !isAscii(payload!)) throw malformed('The payload is not a valid base64url string');
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    bytes = base64urlDecode(signature!) as Uint8Array<ArrayBuffer>;
  } catch {
    throw malformed('Failed to base64url decode the signature');
  }
  const { modulusLength } = key.algorithm as Partial<RsaHashedKeyAlgorithm>;
  if (suite.kty === 'RSA' && !((modulusLength ?? 0) >= 2048))
    throw new Refusal({ kind: 'unusable-key' });
  const input = new TextEncoder().encode(`${head}.${payload}`);
  if (!(await crypto.subtle.verify(suite.verifyAlg, key, bytes, input).catch(() => false)))
    return false;
  if (b64) {
    try {
      base64urlDecode(payload!);
    } catch {
      throw malformed('Failed to base64url decode the payload');
    }
  }
  return true;
}

/**
 * Verifies `token` with the key of `jwks` its header names, accepting only `algorithms`. Claims are
 * not read. Never throws: a key set or token that cannot be used is a result too.
 */
export async function verifyJws(
  token: string,
  jwks: unknown,
  algorithms: readonly string[],
): Promise<JwsResult> {
  try {
    if (!isPlain(jwks) || !Array.isArray(jwks.keys) || !jwks.keys.every(isPlain))
      return { kind: 'unusable-key' };
    const parts = token.split('.');
    if (parts.length !== 3) return { kind: 'malformed', message: 'Invalid Compact JWS' };
    let header: Jwk;
    try {
      header = decodeProtectedHeader(token);
    } catch {
      return { kind: 'malformed', message: 'JWS Protected Header is invalid' };
    }
    const b64 = encodedPayload(header);
    const { alg, kid } = header;
    if (typeof alg !== 'string' || !alg)
      return {
        kind: 'malformed',
        message: 'JWS "alg" (Algorithm) Header Parameter missing or invalid',
      };
    if (!algorithms.includes(alg)) return { kind: 'alg-not-allowed', alg };
    if (!b64 && !isAscii(parts[1]!))
      return {
        kind: 'malformed',
        message: 'JWS Compact Serialization payload must use only ASCII characters',
      };
    const suite = suiteOf(alg);
    if (!suite) return { kind: 'unusable-key' };
    const candidates = jwks.keys.filter((jwk) => fits(jwk, suite, alg, kid));
    if (candidates.length === 0) return { kind: 'no-key' };
    if (candidates.length === 1)
      return (await verifiesWith(candidates[0]!, suite, parts, b64))
        ? { kind: 'verified', alg }
        : { kind: 'bad-signature' };
    // Several keys fit (no kid, or one kid twice): any that verifies will do; the rest are skipped.
    for (const jwk of candidates) {
      if (await verifiesWith(jwk, suite, parts, b64).catch(() => false))
        return { kind: 'verified', alg };
    }
    return { kind: 'bad-signature' };
  } catch (error) {
    // WebCrypto refused the key (not a valid JWK for the algorithm): as jose, no usable key.
    return error instanceof Refusal ? error.result : { kind: 'unusable-key' };
  }
}
