/**
 * The markers that replace secrets, and the shape of a JWT in free text. Kept apart from
 * `redact.ts` so the payload re-encoder and the parameter rules can use them without a cycle.
 */
import { safeDecode } from '../parse/url.js';

export const SIGNATURE_REMOVED = '[signature removed]';
export const TOKEN_REDACTED = '[token redacted]';
export const REDACTED = '[redacted]';
/** personal.ts's marker, named here so every marker is known in one place. */
export const MASKED = '[masked]';

const MARKERS: ReadonlySet<string> = new Set([REDACTED, TOKEN_REDACTED, SIGNATURE_REMOVED, MASKED]);

/** True for a value that is one of our markers (also percent-encoded): it is never redacted again. */
export function isMarker(value: string): boolean {
  if (value.length > 40) return false;
  return MARKERS.has(value) || (value.includes('%') && MARKERS.has(safeDecode(value)));
}

/**
 * Anything that looks like a JWT or JWE: `eyJ…` followed by one to four dot-separated segments.
 * Lenient on purpose (`+ / = %` too): a token re-encoded with base64 or percent-encoding is still
 * a token, and over-redacting a few characters of prose costs nothing.
 */
const JWT_SHAPED = /eyJ[A-Za-z0-9_\-+/=%]*(?:\.[A-Za-z0-9_\-+/=%]*){1,4}/g;
/** The same token with its dots percent-encoded (`eyJ…%2EeyJ…%2E…`), inside an encoded URL. */
const JWT_ENCODED_DOTS = /eyJ[A-Za-z0-9_-]*(?:%2[Ee][A-Za-z0-9_-]*){1,4}/g;

/**
 * Calls `replace` on every JWT-shaped run of `text`, except runs already redacted
 * (`header.payload.` directly followed by a `[…]` marker). A run whose dots are percent-encoded
 * is given to `replace` decoded, and its dots are encoded again in the result.
 */
export function replaceJwtShaped(text: string, replace: (token: string) => string): string {
  if (!text.includes('eyJ')) return text;
  const out = text.replace(JWT_SHAPED, (match, offset: number, whole: string) =>
    match.endsWith('.') && whole[offset + match.length] === '[' ? match : replace(match),
  );
  if (!/%2e/i.test(out)) return out;
  return out.replace(JWT_ENCODED_DOTS, (match) => {
    const decoded = match.replace(/%2e/gi, '.');
    const replaced = replace(decoded);
    return replaced === decoded ? match : replaced.replace(/\./g, '%2E');
  });
}
