/**
 * `token.format`: is the signature as long as its `alg` makes it? Every JWS algorithm gives a
 * signature of a fixed length (RFC 7518 §3): HMAC the hash size, ECDSA twice the curve size,
 * RSA exactly the key's modulus. A signature of another length was cut or edited, or (RSA) comes
 * from a key shorter than the 2048 bits RFC 7518 §3.3 requires and Auth0 uses.
 */
import { quote } from '../text.js';
import type { CheckOutcome } from './outcome.js';
import { fail } from './outcome.js';
import { FIX_COPY } from './token-fixes.js';

/** Fixed signature lengths in bytes (RFC 7518 §3.2, §3.4; RFC 8037 §3.1). */
const FIXED: Readonly<Record<string, readonly number[]>> = {
  HS256: [32],
  HS384: [48],
  HS512: [64],
  ES256: [64],
  ES256K: [64],
  ES384: [96],
  ES512: [132],
  EdDSA: [64, 114],
  Ed25519: [64],
  Ed448: [114],
};

/** An RSA signature is exactly the modulus: 2048-, 3072-, 4096- and 8192-bit keys. */
const RSA_BYTES = [256, 384, 512, 1024];
/** Auth0 signs RS256 with 2048-bit keys. */
const AUTH0_RSA_BYTES = 256;

const RSA_ALGS: ReadonlySet<string> = new Set([
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
]);
const isRsa = (alg: string) => RSA_ALGS.has(alg);

function rsaOutcome(alg: string, bytes: number): CheckOutcome | null {
  if (RSA_BYTES.includes(bytes)) return null;
  if (bytes < AUTH0_RSA_BYTES) {
    const wholeKey = bytes === 128 || bytes === 192;
    return fail(
      wholeKey
        ? `${alg} signature of ${bytes} bytes: a key under 2048 bits, or truncated`
        : `${alg} signature of ${bytes} bytes: truncated, or a key under 2048 bits`,
      `The signature is ${bytes} bytes, shorter than the ${AUTH0_RSA_BYTES} bytes of Auth0's 2048-bit ${alg} signatures: it was truncated, or signed with a key under 2048 bits${wholeKey ? ` (${bytes} bytes is exactly the signature of a ${bytes * 8}-bit key, which RFC 7518 §3.3 does not allow)` : ''}. Either way it is not a token Auth0 signed for Rhythm.`,
      `${FIX_COPY} If it is whole, it was not issued by your Auth0 tenant: use the access token Auth0 issues for Rhythm.`,
    );
  }
  return fail(
    `${alg} signature of ${bytes} bytes: damaged`,
    `An RSA signature is exactly as long as the key's modulus: 256, 384 or 512 bytes for 2048-, 3072- or 4096-bit keys. ${bytes} bytes is none of them: characters were added to or changed in the token (edited, or joined with something).`,
    FIX_COPY,
  );
}

/** A `fail` when the signature's length does not fit `alg`; null when it does or `alg` is not known. */
export function signatureOutcome(alg: string, bytes: number | null): CheckOutcome | null {
  if (bytes === null || bytes === 0) return null;
  if (isRsa(alg)) return rsaOutcome(alg, bytes);
  const lengths = Object.hasOwn(FIXED, alg) ? FIXED[alg] : undefined;
  if (!lengths || lengths.includes(bytes)) return null;
  const expected = lengths.join(' or ');
  const shorter = bytes < Math.min(...lengths);
  return fail(
    `${alg} signature of ${bytes} bytes, not ${expected}: ${shorter ? 'truncated' : 'damaged'}`,
    `${quote(alg)} signatures are always ${expected} bytes; this one is ${bytes}: ${shorter ? 'the token was cut short' : 'characters were added to or changed in the token'}.`,
    FIX_COPY,
  );
}
