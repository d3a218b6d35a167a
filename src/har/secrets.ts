/**
 * What the HAR sanitizer (SPEC §6) treats as secret, and how it replaces each kind: the rules,
 * apart from the walk over an entry (`sanitize-entry.ts`). Pure and browser-safe.
 *
 * JWTs keep their header and payload, so the sanitized HAR can still be diagnosed: the signature
 * becomes `c2lnbmF0dXJlLXJlbW92ZWQ` (base64url of "signature-removed"), which keeps the token a
 * syntactically complete JWS (`token.format` then judges the token as it was, not as "truncated").
 * Only an active signature check (JWKS) can tell it apart. Which names and headers are secret is
 * the analyzer's one vocabulary (src/analyzer/redact/secret-names.ts).
 */
import {
  isSanitizedSignature,
  PAYLOAD_WITHHELD,
  REDACTED,
  SANITIZED_SIGNATURE,
  redactSecretParamsInText as redactParamsInText,
  replaceJwtShaped,
  safeDecode,
  safePayloadSegment,
} from '../analyzer/index.js';

// base64url("signature-removed"), the signature of every JWT in a sanitized HAR: the analyzer's,
// as `token.format` must know it (a 17-byte RS256 signature is otherwise a truncated one).
export { SANITIZED_SIGNATURE, isSanitizedSignature };
/** base64url("redacted"): the secret segments of a JWE (or other non-JWS) token, count kept. */
export const REDACTED_SEGMENT = 'cmVkYWN0ZWQ';

/** How many values of each kind the sanitizer replaced or removed. */
export interface SanitizeChanges {
  /** JWT signatures replaced by the marker (header and payload kept). */
  signatures: number;
  /** Other tokens (JWE, odd segment counts) whose secret segments were replaced. */
  tokens: number;
  /** `Cookie` / `Set-Cookie` headers and `cookies[]` items removed. */
  cookies: number;
  /** Credential header values (Basic, API keys, opaque tokens) redacted. */
  headers: number;
  /** Secret query parameters (URLs, `queryString`, `user:password@`) redacted. */
  queryParams: number;
  /** Secret fields of request and response bodies redacted. */
  bodyFields: number;
  /** Secrets found anywhere else in the entry: a URL in a Referer or `:path`, a copy in a body. */
  elsewhere: number;
}

export const CHANGE_KINDS = [
  'signatures',
  'tokens',
  'cookies',
  'headers',
  'queryParams',
  'bodyFields',
  'elsewhere',
] as const satisfies ReadonlyArray<keyof SanitizeChanges>;

export function emptyChanges(): SanitizeChanges {
  return {
    signatures: 0,
    tokens: 0,
    cookies: 0,
    headers: 0,
    queryParams: 0,
    bodyFields: 0,
    elsewhere: 0,
  };
}

export function addChanges(total: SanitizeChanges, more: SanitizeChanges): void {
  for (const kind of CHANGE_KINDS) total[kind] += more[kind];
}

/** What one entry's sanitizing found: counts, and the secret values to hunt down elsewhere. */
export interface Findings {
  changes: SanitizeChanges;
  secrets: Set<string>;
}

/** Shorter secrets are not searched for elsewhere: replacing `abc` everywhere would maul text. */
export const MIN_ECHO_LENGTH = 8;

export function remember(found: Findings, secret: string): void {
  if (secret.length >= MIN_ECHO_LENGTH && secret !== REDACTED) found.secrets.add(secret);
}

/** The marker, in the same alphabet class as the signature it replaces (so format findings hold). */
function signatureLike(signature: string): string {
  if (/^[A-Za-z0-9_-]*$/.test(signature)) return SANITIZED_SIGNATURE;
  if (/[+/]/.test(signature)) return `${SANITIZED_SIGNATURE}+`; // base64: a fail
  return /^[A-Za-z0-9_-]+={1,2}$/.test(signature)
    ? `${SANITIZED_SIGNATURE}=` // padding alone: a warn
    : `${SANITIZED_SIGNATURE}~`;
}

/** One JWT-shaped run → the same token without its secret parts. */
function sanitizeToken(token: string, found: Findings): string {
  // A percent-encoded token (a redirect URL) could hide its signature behind `%2E`.
  const text = token.includes('%') ? safeDecode(token) : token;
  const parts = text.split('.');
  if (parts.length === 2) return token; // cut before its signature: nothing secret left
  if (parts.length === 3) {
    const [header = '', payload = '', signature = ''] = parts;
    if (signature === '' || isSanitizedSignature(signature)) return token;
    found.changes.signatures++;
    remember(found, signature);
    // The payload is public, but a claim may carry another token: re-encoded without it.
    const safe = safePayloadSegment(payload);
    return `${header}.${safe === PAYLOAD_WITHHELD ? payload : safe}.${signatureLike(signature)}`;
  }
  // A JWE (Auth0's token without audience) or another count: only the header is public.
  let changed = false;
  const out = parts.map((segment, i) => {
    if (i === 0 || segment === '' || segment === REDACTED_SEGMENT) return segment;
    changed = true;
    remember(found, segment);
    return REDACTED_SEGMENT;
  });
  if (!changed) return token;
  found.changes.tokens++;
  return out.join('.');
}

/** Every JWT-shaped run of `text` without its signature (or secret segments). */
export function sanitizeTokensInText(text: string, found: Findings): string {
  return text.includes('eyJ') ? replaceJwtShaped(text, (t) => sanitizeToken(t, found)) : text;
}

const SCHEME_WORD =
  /^(?:bearer|basic|digest|negotiate|ntlm|token|jwt|hoba|mutual|aws4-hmac-sha256|apikey|api-key|key|oauth|sso-key)$/i;
const PLACEHOLDER_WORD = /^["'`]?(?:|undefined|null|nan|\[object|object\]|bearer)["'`]?,?$/i;
const KEPT_TOKEN = /^["'`]?eyJ[A-Za-z0-9_\-+/=%~]*(?:\.[A-Za-z0-9_\-+/=%~]*){1,4}["'`]?[,;]?$/;

/**
 * A credential header value (`Authorization`, `X-Api-Key`, a look-alike name) with every secret
 * word replaced, and the rest kept as sent so the analyzer still sees the same mistakes: the
 * scheme, the spacing, the quotes, a placeholder like `undefined`, JWT header and payload.
 */
export function sanitizeCredentialValue(value: string, found: Findings): string {
  const tokensDone = sanitizeTokensInText(value, found);
  let redacted = false;
  const out = tokensDone
    .split(/(\s+)/)
    .map((word) => {
      if (
        word === '' ||
        /^\s+$/.test(word) ||
        word === REDACTED ||
        SCHEME_WORD.test(word) ||
        PLACEHOLDER_WORD.test(word) ||
        KEPT_TOKEN.test(word)
      ) {
        return word;
      }
      redacted = true;
      remember(found, word);
      return REDACTED;
    })
    .join('');
  if (redacted) found.changes.headers++;
  return out;
}

/** Secret parameters inside free text (a Referer, a `:path`, a URL quoted in a body), counted. */
export function redactSecretParamsInText(text: string, found: Findings): string {
  return redactParamsInText(text, (value) => {
    found.changes.elsewhere++;
    remember(found, value);
    remember(found, safeDecode(value));
  });
}

/** Copies of this entry's secrets (a cookie echoed in a body, a signature on its own). */
export function redactEchoes(text: string, found: Findings, sorted: readonly string[]): string {
  let out = text;
  for (const secret of sorted) {
    if (out.includes(secret)) {
      const parts = out.split(secret);
      found.changes.elsewhere += parts.length - 1;
      out = parts.join(REDACTED);
    }
  }
  return out;
}
