/**
 * Decodes a bearer token with jose, and when jose refuses it, finds out why (SPEC §3 `token.format`)
 * and still recovers whatever header and claims can be read, so the other checks have evidence.
 */
import { decodeJwt } from 'jose/jwt/decode';
import { decodeProtectedHeader } from 'jose/decode/protected_header';
import type { TokenInfo } from '../types.js';
import { isObject } from './guards.js';

export type FormatProblem =
  | 'jwe' // 5 segments: Auth0's answer when no audience was requested
  | 'opaque' // no dots: older Auth0 tenants' answer without an audience, or not a JWT at all
  | 'truncated' // 2 segments, or an empty signature
  | 'segments' // 4, or more than 5 segments
  | 'whitespace'
  | 'base64' // standard base64 (+ / =) instead of base64url
  | 'bad-characters' // characters outside both base64 alphabets
  | 'not-json'
  | 'not-object'
  | 'alg-none'
  | 'no-alg';

/** What the token says of itself, read: the same form, header and claims a Diagnosis carries. */
export interface DecodedToken extends Pick<TokenInfo, 'form' | 'header' | 'claims'> {
  segments: number;
  problem: FormatProblem | null;
  /** Which part a not-json / not-object / base64 / bad-characters problem was found in. */
  part?: 'header' | 'payload' | 'signature';
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
  return header.alg.toLowerCase() === 'none' ? 'alg-none' : null;
}

/** Strict JWS compact form. jose's decoder is lenient (it accepts `+/=` and whitespace). */
const STRICT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

export function decodeToken(token: string): DecodedToken {
  // Fast path: a well-formed JWS, decoded by jose.
  if (STRICT_JWS.test(token)) {
    try {
      const claims = decodeJwt(token) as Record<string, unknown>;
      const header = decodeProtectedHeader(token) as Record<string, unknown>;
      return { form: 'jws', header, claims, segments: 3, problem: algProblem(header) };
    } catch {
      // fall through to the slow path, which names the problem
    }
  }
  return diagnoseRejected(token);
}

/** jose said no: work out why, and read what can be read. */
function diagnoseRejected(token: string): DecodedToken {
  const compact = token.replace(/\s+/g, '');
  const parts = compact.split('.');
  const segments = parts.length;
  const headerPart = parts[0] ?? '';
  const header = segments > 1 ? decodePart(headerPart) : null;
  const headerValue = header?.ok ? header.value : null;

  if (segments === 5) {
    return { form: 'jwe', header: headerValue, claims: null, segments, problem: 'jwe' };
  }
  if (segments === 1) {
    return { form: 'opaque', header: null, claims: null, segments, problem: 'opaque' };
  }
  if (segments !== 3 && segments !== 2) {
    return { form: 'opaque', header: headerValue, claims: null, segments, problem: 'segments' };
  }

  const payload = decodePart(parts[1] ?? '');
  const claims = payload.ok ? payload.value : null;
  const base = { form: 'jws' as const, header: headerValue, claims, segments };

  if (/\s/.test(token)) return { ...base, problem: 'whitespace' };
  if (header && !header.ok) return { ...base, problem: header.problem, part: 'header' };
  if (!payload.ok) return { ...base, problem: payload.problem, part: 'payload' };
  const partNames = ['header', 'payload', 'signature'] as const;
  const base64At = parts.findIndex((p) => /[+/=]/.test(p));
  if (base64At >= 0) return { ...base, problem: 'base64', part: partNames[base64At] };
  // An unsecured JWT (RFC 7519 §6.1) has an empty signature by design: `alg: none` is the finding.
  const alg = algProblem(headerValue);
  if (alg === 'alg-none' && segments === 3 && parts[2] === '') return { ...base, problem: alg };
  if (segments === 2 || parts[2] === '') return { ...base, problem: 'truncated' };
  const badAt = parts.findIndex((p) => /[^A-Za-z0-9_-]/.test(p));
  if (badAt >= 0) return { ...base, problem: 'bad-characters', part: partNames[badAt] };
  return { ...base, problem: alg ?? 'not-json', part: 'payload' };
}
