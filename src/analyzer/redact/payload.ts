/**
 * A JWT payload segment that a report may show (the "token without signature" option). Base64
 * hides nothing: a payload that carries another token, or personal claims being masked, would hand
 * out in base64 what the rest of the report removed. Such a payload is re-encoded with those values
 * removed; any other is returned byte for byte.
 */
import { decodeBase64Lenient } from '../parse/decode-token.js';
import { isObject } from '../parse/guards.js';
import { mapStrings } from './map-strings.js';
import { redactSecretParamsInText, replaceJwtShaped, TOKEN_REDACTED } from './patterns.js';
import { maskClaims, personalValues } from './personal.js';

export const PAYLOAD_WITHHELD = '[payload withheld]';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function base64url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
    for (let c = 0; c < chars; c++) out += ALPHABET[(n >> (18 - 6 * c)) & 63];
  }
  return out;
}

export interface PayloadOptions {
  maskPersonal?: boolean;
  /** Personal values (from the outer token) to mask as well. */
  masks?: readonly string[];
}

/** The segment itself when it is harmless; re-encoded when something had to go; else withheld. */
export function safePayloadSegment(segment: string, options: PayloadOptions = {}): string {
  const bytes = decodeBase64Lenient(segment);
  let claims: unknown;
  try {
    claims = bytes ? JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) : null;
  } catch {
    claims = null;
  }
  // Unreadable: nobody can vouch for what it contains.
  if (!isObject(claims)) return PAYLOAD_WITHHELD;
  const scrubbed = mapStrings(claims, (text) =>
    replaceJwtShaped(redactSecretParamsInText(text), () => TOKEN_REDACTED),
  ) as Record<string, unknown>;
  const safe = options.maskPersonal
    ? maskClaims(scrubbed, [...(options.masks ?? []), ...personalValues(claims)])
    : scrubbed;
  const json = JSON.stringify(safe);
  return json === JSON.stringify(claims) ? segment : base64url(new TextEncoder().encode(json));
}
