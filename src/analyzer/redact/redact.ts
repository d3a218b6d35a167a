/**
 * Redaction for everything that leaves this machine: the stored diagnosis, support reports and
 * sanitized HARs (SPEC §6). General on purpose: it knows JWT shapes and the one secret vocabulary
 * (secret-names.ts), not reports.
 *
 * The rule it enforces: no token signature, no complete token, no credential. Layers, because
 * hostile input arrives through every field (a claim holding another JWT, a URL with a token in
 * its query, a server message quoting a header): the exact token and secrets we were given, then
 * credential-shaped parameters, then anything JWT-shaped.
 */
import { redactSecretParamsInText, redactUrl } from './params.js';
import { safePayloadSegment } from './payload.js';
import {
  isMarker,
  REDACTED,
  SIGNATURE_REMOVED,
  TOKEN_REDACTED,
  replaceJwtShaped,
} from './patterns.js';
import { maskText } from './personal.js';

export { REDACTED, SIGNATURE_REMOVED, TOKEN_REDACTED, isMarker } from './patterns.js';
export {
  redactFormText,
  redactSecretParamsInText,
  redactUrl,
  redactUrlCounted,
  type ReplaceCredential,
} from './params.js';

/** Secrets shorter than this are not searched for: replacing `abc` everywhere would maul the text. */
const MIN_SECRET_LENGTH = 8;
const WHITESPACE = /\s/;

export interface JwtRedaction {
  /** Keep a JWS's header and payload: `header.payload.[signature removed]`. Off: `[token redacted]`. */
  keepHeaderPayload: boolean;
  /** Personal claims are being masked: a kept payload is re-encoded with them masked. */
  maskPersonal?: boolean;
  /** Personal values to mask (`[masked]`), e.g. the email of a masked `email` claim. */
  masks?: readonly string[];
}

/** What replaces one token: its header and payload when asked for and it is a JWS, else a marker. */
export function redactToken(token: string, options: JwtRedaction): string {
  if (!options.keepHeaderPayload) return TOKEN_REDACTED;
  const parts = token.replace(/\s+/g, '').split('.');
  const [header, payload] = parts;
  if ((parts.length === 2 || parts.length === 3) && header && payload) {
    return `${header}.${safePayloadSegment(payload, options)}.${SIGNATURE_REMOVED}`;
  }
  return TOKEN_REDACTED;
}

/** Replaces every JWT-shaped run in `text`; leaves ones already redacted (`h.p.[signature removed]`). */
export function redactJwtsInText(text: string, options: JwtRedaction): string {
  return replaceJwtShaped(text, (token) => redactToken(token, options));
}

function replaceAll(text: string, needle: string, replacement: string): string {
  return needle.length >= MIN_SECRET_LENGTH && text.includes(needle)
    ? text.split(needle).join(replacement)
    : text;
}

/**
 * The pieces of a token that are secret on their own: a JWS's signature, every segment but the
 * header of anything else (a JWE's ciphertext, an opaque token). Pieces, not only segments: a token
 * wrapped across lines must not leak the half of its signature that is not on the first line.
 */
function secretPieces(token: string, parts: readonly string[], spaced: boolean): string[] {
  const publicParts =
    parts.length === 2 || parts.length === 3
      ? parts.slice(0, 2)
      : parts.length > 3
        ? parts.slice(0, 1)
        : [];
  // Without whitespace, splitting at whitespace and dots is splitting at dots (the empty pieces
  // between two dots are too short to keep either way).
  return (spaced ? token.split(/[\s.]+/) : parts)
    .filter((p) => p.length >= MIN_SECRET_LENGTH && !publicParts.some((pub) => pub.includes(p)))
    .sort((a, b) => b.length - a.length);
}

export interface ScrubOptions extends JwtRedaction {
  /** The token the request carried, to remove wherever it (or its signature) appears. */
  token?: string | null;
  /** Other credentials to remove (an Authorization value, a cookie, an API key). */
  secrets?: readonly string[];
}

/**
 * A function that removes one token from text: the whole token (as sent, or without its
 * whitespace) becomes `whole`, and each secret piece of it, on its own, a marker.
 */
function createTokenRemover(
  token: string | null,
  whole: string,
  /** Whether the token holds whitespace, when the caller already knows. */
  spaced = token !== null && WHITESPACE.test(token),
): (text: string) => string {
  // A marker is no secret: a sanitized HAR's `?access_token=[redacted]` must stay as it is.
  if (!token || isMarker(token)) return (text) => text;
  const compact = spaced ? token.replace(/\s+/g, '') : token;
  const parts = compact.split('.');
  // `parts` are the compact token's segments (which is what decides the public ones).
  const pieces = secretPieces(token, parts, spaced);
  const pieceMark = parts.length === 3 ? SIGNATURE_REMOVED : TOKEN_REDACTED;
  return (input) => {
    let text = replaceAll(replaceAll(input, token, whole), compact, whole);
    for (const piece of pieces) text = replaceAll(text, piece, pieceMark);
    return text;
  };
}

/**
 * The URL a diagnosis keeps (SPEC §4): credential parameters redacted, and the request's own
 * token (or its signature) removed wherever else it was copied in the URL (`?echo=<signature>`).
 */
export function redactRequestUrl(
  url: string,
  token: string | null,
  /** The caller knows the token has no whitespace (a strict JWS): it is not scanned for any. */
  tokenIsCompact = false,
): string {
  const redacted = redactUrl(url);
  return mayHoldToken(redacted, token, tokenIsCompact)
    ? createTokenRemover(token, TOKEN_REDACTED)(redacted)
    : redacted;
}

/**
 * False when the token remover would find nothing in `text`: every string it replaces (the token,
 * the token without whitespace, a secret piece of 8 characters or more) holds a dot-separated run
 * of a whitespace-free token, or the token itself. The common URL holds none, and is spared
 * building the remover.
 */
function mayHoldToken(text: string, token: string | null, compact: boolean): boolean {
  if (!token || text.length < MIN_SECRET_LENGTH) return false;
  if ((!compact && WHITESPACE.test(token)) || text.includes(token)) return true;
  // The dot-separated runs, without splitting: a run longer than the text cannot be in it.
  for (let start = 0; start <= token.length;) {
    let end = token.indexOf('.', start);
    if (end < 0) end = token.length;
    const length = end - start;
    if (length >= MIN_SECRET_LENGTH && length <= text.length) {
      if (text.includes(token.slice(start, end))) return true;
    }
    start = end + 1;
  }
  return false;
}

/** A function that scrubs one string by every layer, configured once. */
export function createScrubber(options: ScrubOptions): (text: string) => string {
  const token = options.token && !isMarker(options.token) ? options.token : null;
  // One look for whitespace (a token is long, and usually has none).
  const spaced = token !== null && WHITESPACE.test(token);
  const compact = token === null ? null : spaced ? token.replace(/\s+/g, '') : token;
  const secrets = (options.secrets ?? [])
    .filter((s) => !isMarker(s))
    .sort((a, b) => b.length - a.length);
  const masks = options.maskPersonal ? (options.masks ?? []) : [];
  // Once per scrubber, not per string: a report has hundreds of strings, a HAR thousands of reports.
  const removeToken = createTokenRemover(
    token,
    compact ? redactToken(compact, options) : '',
    spaced,
  );
  return (input) => {
    let text = removeToken(input);
    for (const secret of secrets) text = replaceAll(text, secret, REDACTED);
    text = redactJwtsInText(redactSecretParamsInText(text), options);
    return maskText(text, masks);
  };
}
