/**
 * The shapes of secrets in free text, and the markers that replace them. Kept apart from
 * `redact.ts` so the payload re-encoder can use them without an import cycle.
 */
import { safeDecode } from '../parse/url.js';
import { isSecretName } from './secret-names.js';

export const SIGNATURE_REMOVED = '[signature removed]';
export const TOKEN_REDACTED = '[token redacted]';
export const REDACTED = '[redacted]';

/** `?name=value` (also after `&`, `#` or `;`) inside free text, for any parameter name. */
const PARAM_IN_TEXT = /([?&#;])([A-Za-z0-9_.%-]{1,64})=([^&#\s"'`<>()[\]\\]*)/g;

/**
 * Credential-shaped parameters (secret-names.ts) inside free text: a detail quoting a URL, a
 * Referer, a URL in a body. `?code=xyz` → `?code=[redacted]`. `onRedacted` hears every value
 * replaced (the HAR sanitizer counts them and hunts down their copies).
 */
export function redactSecretParamsInText(
  text: string,
  onRedacted?: (value: string) => void,
): string {
  // Most strings have no `=`: skip the regex (a HAR's report scrubs hundreds of thousands).
  if (!text.includes('=')) return text;
  return text.replace(PARAM_IN_TEXT, (match, sep: string, name: string, value: string) => {
    if (value === '' || value === REDACTED || !isSecretName(safeDecode(name))) return match;
    onRedacted?.(value);
    return `${sep}${name}=${REDACTED}`;
  });
}

/**
 * Anything that looks like a JWT or JWE: `eyJ…` followed by one to four dot-separated segments.
 * Lenient on purpose (`+ / = %` too): a token re-encoded with base64 or percent-encoding is still
 * a token, and over-redacting a few characters of prose costs nothing.
 */
const JWT_SHAPED = /eyJ[A-Za-z0-9_\-+/=%]*(?:\.[A-Za-z0-9_\-+/=%]*){1,4}/g;

/**
 * Calls `replace` on every JWT-shaped run of `text`, except runs already redacted
 * (`header.payload.` directly followed by a `[…]` marker).
 */
export function replaceJwtShaped(text: string, replace: (token: string) => string): string {
  if (!text.includes('eyJ')) return text;
  return text.replace(JWT_SHAPED, (match, offset: number, whole: string) =>
    match.endsWith('.') && whole[offset + match.length] === '[' ? match : replace(match),
  );
}
