/**
 * A JWT payload segment that a report may show (the "token without signature" option). Base64
 * hides nothing: a payload that carries another token, or personal claims being masked, would hand
 * out in base64 what the rest of the report removed. Such a payload is re-encoded with those values
 * removed; any other is returned byte for byte.
 */
import { encodeBase64 } from '../parse/base64.js';
import { decodeBase64Lenient } from '../parse/decode-token.js';
import { isObject } from '../parse/guards.js';
import { stringifyJson } from '../parse/json-text.js';
import { mapStrings } from './map-strings.js';
import { redactSecretParamsInText } from './params.js';
import { replaceJwtShaped, TOKEN_REDACTED } from './patterns.js';
import { maskClaims, personalValues } from './personal.js';

export const PAYLOAD_WITHHELD = '[payload withheld]';

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
  // Not JSON.stringify: a payload nested 5,000 deep overflows its stack (json-text.ts).
  const json = stringifyJson(safe);
  return json === stringifyJson(claims)
    ? segment
    : encodeBase64(new TextEncoder().encode(json), { url: true, pad: false });
}
