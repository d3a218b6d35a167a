/**
 * Decodes a bearer token as jose's `decodeJwt` and `decodeProtectedHeader` would (the same tokens
 * accepted, the same header and claims), and when that refuses it, finds out why (SPEC §3
 * `token.format`) and still recovers whatever header and claims can be read, so the other checks
 * have evidence.
 */
import type { TokenInfo } from '../types.js';
import { isObject } from './guards.js';

export type FormatProblem =
  | 'jwe' // 5 segments, a JSON header: encrypted (Auth0's no-audience token, or someone else's)
  | 'nested-jwe' // a JWE whose header says `cty: JWT`: a signed JWT inside an encrypted one
  | 'opaque' // no dots, or dots but no part is base64url JSON (Google's `ya29.…`): not a JWT
  | 'truncated' // 2 segments, or an empty signature
  | 'segments' // 4, or more than 5 segments
  | 'whitespace'
  | 'base64' // standard base64 (`+`, `/`) instead of base64url
  | 'padding' // only `=` padding at the end of a part: base64, but it still decodes (a warn)
  | 'bad-characters' // characters outside both base64 alphabets
  | 'not-json'
  | 'not-object'
  | 'alg-none'
  | 'no-alg';

/** What the token says of itself, read: the same form, header and claims a Diagnosis carries. */
export interface DecodedToken extends Pick<TokenInfo, 'form' | 'header' | 'claims'> {
  segments: number;
  problem: FormatProblem | null;
  /** Which part a not-json / not-object / base64 / padding / bad-characters problem was found in. */
  part?: 'header' | 'payload' | 'signature';
  /** Bytes of a 3-segment token's signature, as base64url decodes it; null for other shapes. */
  signatureBytes: number | null;
  /** The signature is the sanitizer's marker (a sanitized HAR): its length says nothing. */
  signatureRemoved?: true;
  /**
   * The token is a strict JWS (three base64url segments and nothing else, so no whitespace), as
   * jose decodes it: what the analyzer already knows, so that no later step scans it again.
   */
  strict?: true;
  /**
   * The header's JSON exactly as `JSON.stringify(header)` writes it, when the token's own header
   * text already is that (compactStringPairs): `token.format` quotes it without writing it again.
   */
  headerJson?: string;
}

/**
 * base64url("signature-removed"): the signature `rhythm-auth sanitize-har` and the panel's export
 * give every JWT (SPEC §6), so a sanitized HAR stays a complete JWS that diagnoses the same.
 */
export const SANITIZED_SIGNATURE = 'c2lnbmF0dXJlLXJlbW92ZWQ';

/** The marker, or the marker and one character keeping the original's alphabet class (`+`, `=`, `~`). */
export function isSanitizedSignature(signature: string): boolean {
  return (
    signature.startsWith(SANITIZED_SIGNATURE) && signature.length <= SANITIZED_SIGNATURE.length + 1
  );
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const B64_INDEX = (() => {
  const map = new Int16Array(128).fill(-1);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  for (let i = 0; i < alphabet.length; i++) map[alphabet.charCodeAt(i)] = i;
  // Both alphabets: `+/` (base64) and `-_` (base64url).
  map[43] = map[45] = 62;
  map[47] = map[95] = 63;
  return map;
})();

/** Lenient base64/base64url → bytes; null when a character is outside both alphabets. */
export function decodeBase64Lenient(text: string): Uint8Array | null {
  const clean = text.replace(/=+$/, '');
  const out = new Uint8Array(Math.floor((clean.length * 6) / 8));
  let buffer = 0;
  let bits = 0;
  let o = 0;
  for (let i = 0; i < clean.length; i++) {
    const code = clean.charCodeAt(i);
    const v = code < 128 ? B64_INDEX[code]! : -1;
    if (v < 0) return null;
    buffer = (buffer << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (buffer >> bits) & 0xff;
    }
  }
  return out;
}

type PartResult =
  | { ok: true; value: Record<string, unknown> }
  | { ok: false; problem: 'not-json' | 'not-object' | 'bad-characters' };

function decodePart(segment: string): PartResult {
  const bytes = decodeBase64Lenient(segment);
  if (!bytes) return { ok: false, problem: 'bad-characters' };
  let value: unknown;
  try {
    value = JSON.parse(utf8.decode(bytes));
  } catch {
    return { ok: false, problem: 'not-json' };
  }
  return isObject(value) ? { ok: true, value } : { ok: false, problem: 'not-object' };
}

function algProblem(header: Record<string, unknown> | null): FormatProblem | null {
  if (!header) return null;
  if (typeof header.alg !== 'string' || header.alg === '') return 'no-alg';
  // Only four characters lower-case to `none` (RS256 is not lower-cased to find that out).
  return header.alg.length === 4 && header.alg.toLowerCase() === 'none' ? 'alg-none' : null;
}

/** Strict JWS compact form. jose's decoder is lenient (it accepts `+/=` and whitespace). */
const STRICT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/** Bytes a base64url segment decodes to (padding and stray characters aside). */
function byteLength(segment: string): number {
  return Math.floor((segment.replace(/=+$/, '').length * 6) / 8);
}

/**
 * `strictJws`: the caller has already matched the token against STRICT_JWS (parseAuthorization's
 * `strictJws`), which is then not run again.
 */
export function decodeToken(token: string, strictJws = false): DecodedToken {
  const decoded = decodeAny(token, strictJws);
  return decoded.segments === 3 && endsInSanitizedSignature(token)
    ? { ...decoded, signatureRemoved: true }
    : decoded;
}

/**
 * What follows the token's last dot is the marker: looked for among the last characters only
 * (`lastIndexOf` walks a whole RS256 signature, character by character).
 */
function endsInSanitizedSignature(token: string): boolean {
  // A dot before these characters leaves a signature longer than the marker and one character.
  let dot = token.indexOf('.', Math.max(0, token.length - SANITIZED_SIGNATURE.length - 2));
  if (dot < 0) return false;
  for (let next = token.indexOf('.', dot + 1); next >= 0; next = token.indexOf('.', dot + 1)) {
    dot = next;
  }
  return isSanitizedSignature(token.slice(dot + 1));
}

/**
 * The text of one segment of a strict JWS as jose decodes it: base64url through `atob`
 * (forgiving-base64: no padding needed, a length of 4n+1 refused) and strict UTF-8; null where
 * jose would throw. For ASCII (every real header and almost every payload) the binary string `atob`
 * returns is already the text: no byte array, no TextDecoder. `base64`: the segment with `-` and
 * `_` already turned into `+` and `/` (the caller does it once for header and payload together).
 */
function joseSegmentText(base64: string): string | null {
  let binary: string;
  try {
    binary = atob(base64);
  } catch {
    return null;
  }
  if (!NON_ASCII.test(binary)) return binary;
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  try {
    return utf8.decode(bytes);
  } catch {
    return null;
  }
}

/** A segment's text as jose reads it: `JSON.parse`, and a JSON object; null where jose would throw. */
function parseJoseObject(text: string | null): Record<string, unknown> | null {
  if (text === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  return isObject(value) ? value : null;
}

/**
 * A flat object of plain strings, written compactly: `{"alg":"RS256","typ":"JWT"}` (no whitespace;
 * keys and values of printable ASCII without `"` or `\\`; no key starting with a digit, so none is an
 * array index, which JSON.stringify would write first).
 */
const COMPACT_STRINGS = /^\{(?:"(?![0-9])[ !#-[\]-~]*":"[ !#-[\]-~]*"(?:,(?=")|(?=\})))*\}$/;

/**
 * The number of members of `text` when it is COMPACT_STRINGS, else -1. Such a text, parsed into an
 * object with as many keys (so no key twice), is exactly what `JSON.stringify` writes for it.
 */
export function compactStringPairs(text: string): number {
  if (!COMPACT_STRINGS.test(text)) return -1;
  if (text === '{}') return 0;
  // No `"` inside a key or a value: members are parted by `","` alone.
  let pairs = 1;
  for (let at = text.indexOf('","'); at >= 0; at = text.indexOf('","', at + 3)) pairs++;
  return pairs;
}

/** A byte of 0x80 or more in `atob`'s binary string: UTF-8 to decode. */
const NON_ASCII = /[\u0080-\u00ff]/;

function decodeAny(token: string, strictJws: boolean): DecodedToken {
  // Fast path: a well-formed JWS (what jose's decoders accept).
  if (strictJws || STRICT_JWS.test(token)) {
    const first = token.indexOf('.');
    const second = token.indexOf('.', first + 1);
    // Header and payload into the standard alphabet in one go: the dot between them stays.
    const standard = token.slice(0, second).replace(/-/g, '+').replace(/_/g, '/');
    const claims = parseJoseObject(joseSegmentText(standard.slice(first + 1)));
    const headerText = claims ? joseSegmentText(standard.slice(0, first)) : null;
    const header = parseJoseObject(headerText);
    if (claims && header) {
      const decoded: DecodedToken = {
        form: 'jws',
        header,
        claims,
        segments: 3,
        problem: algProblem(header),
        signatureBytes: Math.floor(((token.length - second - 1) * 6) / 8),
        strict: true,
      };
      const pairs = compactStringPairs(headerText!);
      if (pairs >= 0 && pairs === Object.keys(header).length) decoded.headerJson = headerText!;
      return decoded;
    }
    // else the slow path names the problem
  }
  return diagnoseRejected(token);
}

const PART_NAMES = ['header', 'payload', 'signature'] as const;

/** jose said no: work out why, and read what can be read. */
function diagnoseRejected(token: string): DecodedToken {
  const compact = token.replace(/\s+/g, '');
  const parts = compact.split('.');
  const segments = parts.length;
  const header = segments > 1 ? decodePart(parts[0] ?? '') : null;
  const headerValue = header?.ok ? header.value : null;
  const payload = segments === 2 || segments === 3 ? decodePart(parts[1] ?? '') : null;
  const claims = payload?.ok ? payload.value : null;
  const none = { header: null, claims: null, signatureBytes: null };

  // No part is base64url JSON: an opaque token, whatever its dots (`ya29.…`), never a broken JWT.
  if (segments === 1 || (!headerValue && !claims)) {
    return { form: 'opaque', ...none, segments, problem: 'opaque' };
  }
  if (segments === 5 && headerValue) {
    const nested = typeof headerValue.cty === 'string' && headerValue.cty.toUpperCase() === 'JWT';
    return {
      form: 'jwe',
      ...none,
      header: headerValue,
      segments,
      problem: nested ? 'nested-jwe' : 'jwe',
    };
  }
  if (segments !== 3 && segments !== 2) {
    return { form: 'opaque', ...none, header: headerValue, segments, problem: 'segments' };
  }

  const signatureBytes = segments === 3 ? byteLength(parts[2] ?? '') : null;
  const base = { form: 'jws' as const, header: headerValue, claims, segments, signatureBytes };
  const at = (part: number) => PART_NAMES[part];

  if (/\s/.test(token)) return { ...base, problem: 'whitespace' };
  if (header && !header.ok) return { ...base, problem: header.problem, part: 'header' };
  if (payload && !payload.ok) return { ...base, problem: payload.problem, part: 'payload' };
  // `+` or `/` anywhere: re-encoded with standard base64; the part named is the first one showing it.
  if (parts.some((p) => /[+/]/.test(p))) {
    return { ...base, problem: 'base64', part: at(parts.findIndex((p) => /[+/=]/.test(p))) };
  }
  // An unsecured JWT (RFC 7519 §6.1) has an empty signature by design: `alg: none` is the finding.
  const alg = algProblem(headerValue);
  if (alg === 'alg-none' && segments === 3 && parts[2] === '') return { ...base, problem: alg };
  if (segments === 2 || parts[2] === '') return { ...base, problem: 'truncated' };
  const badAt = parts.findIndex((p) => /[^A-Za-z0-9_-]/.test(p.replace(/={1,2}$/, '')));
  if (badAt >= 0) return { ...base, problem: 'bad-characters', part: at(badAt) };
  if (alg) return { ...base, problem: alg };
  const paddedAt = parts.findIndex((p) => p.endsWith('='));
  if (paddedAt >= 0) return { ...base, problem: 'padding', part: at(paddedAt) };
  return { ...base, problem: 'not-json', part: 'payload' };
}
