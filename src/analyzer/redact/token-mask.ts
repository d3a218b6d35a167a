/**
 * How a sanitized HAR replaces a token without changing its diagnosis (SPEC §6: it "diagnoses
 * exactly as the original"). The secret parts of the token (a JWS's signature, a JWE's
 * segments after the header, all of an opaque token) keep their length and every character
 * that is not a letter or a digit (dots, `-`, `_`, `+`, `/`, `=` padding, spaces, quotes), so
 * every format finding (truncated, base64, whitespace, segment count, signature length) reads as
 * before; the letters and digits become the token's fingerprint followed by `redacted` repeated:
 *
 *   eyJhbGciOi….eyJpc3Mi….3f2a9c1b0d4eredactedredactedred…
 *
 * The analyzer recognises this mask and reports the fingerprint written in it, which is the
 * original token's (SPEC §4), so the diagnosis of a sanitized HAR is the diagnosis of the original.
 * A token with fewer than 16 letters and digits in its secret parts has no room for the
 * fingerprint: it is masked with `redacted…` only, and its fingerprint is the mask's.
 */
import {
  decodeBase64Lenient,
  // base64url("signature-removed"): the signature marker of sanitized HARs before the mask.
  SANITIZED_SIGNATURE as LEGACY_SIGNATURE,
} from '../parse/decode-token.js';
import { isObject } from '../parse/guards.js';
import { opaquePrefix } from '../parse/opaque-prefixes.js';
import { fingerprint } from '../sha256.js';

const FILL = 'redacted';
/** Secret parts need this many letters and digits to carry the 12-digit fingerprint. */
const ROOM_FOR_FINGERPRINT = 16;
const FINGERPRINT_LENGTH = 12;

const utf8 = new TextDecoder('utf-8', { fatal: true });

function isJsonObjectSegment(segment: string): boolean {
  if (!segment.startsWith('ey')) return false; // `{` in base64, with or without a space after it
  const bytes = decodeBase64Lenient(segment);
  if (!bytes) return false;
  try {
    return isObject(JSON.parse(utf8.decode(bytes)));
  } catch {
    return false;
  }
}

/**
 * The index of the first secret segment (`.`-separated): a JOSE token (its first segment is a
 * JSON header) keeps header and payload of a JWS (3 segments, or 2: nothing secret) and only the
 * header of anything else; an opaque token keeps nothing.
 */
function firstSecretSegment(parts: readonly string[]): number {
  if (parts.length < 2 || !isJsonObjectSegment(parts[0]!.trim())) return 0;
  return parts.length <= 3 ? 2 : 1;
}

/**
 * What of a token is secret: its parts from `from` on. An opaque token's issuer prefix (`ya29.`)
 * is public and kept out of them, so `token.format` still names the issuer of a masked token.
 */
function secretView(token: string): { prefix: string; parts: string[]; from: number } {
  const parts = token.split('.');
  const from = firstSecretSegment(parts);
  const prefix = from === 0 ? (opaquePrefix(token)?.prefix ?? '') : '';
  return prefix
    ? { prefix, parts: token.slice(prefix.length).split('.'), from }
    : { prefix, parts, from };
}

const isAlnum = (c: number) =>
  (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);

function secretAlnums(parts: readonly string[], from: number): string {
  let out = '';
  for (let p = from; p < parts.length; p++) {
    const part = parts[p]!;
    for (let i = 0; i < part.length; i++) if (isAlnum(part.charCodeAt(i))) out += part[i];
  }
  return out;
}

const fill = (n: number) => FILL.repeat(Math.ceil(n / FILL.length)).slice(0, n);

/**
 * A mask with room for the fingerprint ends its secret parts, which end the token, in `redacted`
 * repeated (at least 4 letters of it): the token's last two letters or digits are then two
 * neighbours of that cycle. A real signature's rarely are (7 pairs of 3,844), so almost every
 * token is answered here, without splitting it or reading its header again. The pairs as char
 * codes (`first << 8 | second`), so that no string is built per token.
 */
const FILL_PAIRS: ReadonlySet<number> = new Set(
  [...FILL].map((c, i) => (c.charCodeAt(0) << 8) | FILL.charCodeAt((i + 1) % FILL.length)),
);

function endsLikeFill(token: string): boolean {
  let last = -1;
  for (let i = token.length - 1; i >= 0; i--) {
    const c = token.charCodeAt(i);
    if (!isAlnum(c)) continue;
    if (last >= 0) return FILL_PAIRS.has((c << 8) | last);
    last = c;
  }
  return false;
}

/** The fingerprint written in a mask; `null` when `token` is no mask or a mask without one. */
export function maskedFingerprint(token: string): string | null {
  if (!endsLikeFill(token)) return null;
  const { parts, from } = secretView(token);
  const alnums = secretAlnums(parts, from);
  if (alnums.length < ROOM_FOR_FINGERPRINT) return null;
  const print = alnums.slice(0, FINGERPRINT_LENGTH);
  return /^[0-9a-f]{12}$/.test(print) &&
    alnums.slice(FINGERPRINT_LENGTH) === fill(alnums.length - FINGERPRINT_LENGTH)
    ? print
    : null;
}

/** True when the token's secret parts are already a mask (ours, or the older signature marker). */
export function isMaskedToken(token: string): boolean {
  const { parts, from } = secretView(token);
  if (from === 2 && parts.length === 3 && parts[2]!.startsWith(LEGACY_SIGNATURE)) return true;
  const alnums = secretAlnums(parts, from);
  if (alnums === '') return false;
  if (alnums.length < ROOM_FOR_FINGERPRINT) return alnums === fill(alnums.length);
  return maskedFingerprint(token) !== null;
}

/** True when the token has secret parts at all (`header.payload` without a signature has none). */
export function hasSecretParts(token: string): boolean {
  const { parts, from } = secretView(token);
  return secretAlnums(parts, from) !== '';
}

/** The token with its secret parts masked (see above); a mask is returned as it is. */
export function maskToken(token: string): string {
  if (isMaskedToken(token)) return token;
  const { prefix, parts, from } = secretView(token);
  const count = secretAlnums(parts, from).length;
  if (count === 0) return token;
  const stream =
    count >= ROOM_FOR_FINGERPRINT
      ? fingerprint(token) + fill(count - FINGERPRINT_LENGTH)
      : fill(count);
  let at = 0;
  return (
    prefix +
    parts
      .map((part, p) => {
        if (p < from) return part;
        let out = '';
        for (let i = 0; i < part.length; i++)
          out += isAlnum(part.charCodeAt(i)) ? stream[at++] : part[i];
        return out;
      })
      .join('.')
  );
}

/** SPEC §4's fingerprint, read from the mask when the token is one (a sanitized HAR's token). */
export function tokenFingerprint(token: string, digest?: (text: string) => string): string {
  return maskedFingerprint(token) ?? fingerprint(token, digest);
}
