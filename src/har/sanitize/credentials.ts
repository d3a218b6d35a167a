/**
 * What replaces one credential, where the HAR says a credential stands (SPEC §6): a header the
 * vocabulary calls a credential, a cookie value, a parameter or member with a secret name,
 * userinfo, a JWT anywhere. Each value replaced goes into the vault, so its copies elsewhere go
 * too. Tokens are masked (token-mask.ts: the sanitized HAR diagnoses as the original did);
 * every other credential becomes `[redacted]`.
 */
import {
  REDACTED,
  decodeBase64Lenient,
  hasSecretParts,
  isMarker,
  isMaskedToken,
  maskToken,
  safeDecodeForm,
} from '../../analyzer/index.js';
import type { Scope } from './scope.js';
import type { CredentialKind } from './vault.js';

/** A value that is one JWT-shaped token as a whole (a JSON member, a query value, a cookie). */
export const WHOLE_JWT = /^eyJ[A-Za-z0-9_\-+/=]*(?:\.[A-Za-z0-9_\-+/=]*){1,4}$/;

const SCHEME_WORD =
  /^(?:bearer|basic|digest|negotiate|ntlm|token|jwt|hoba|mutual|aws4-hmac-sha256|apikey|api-key|key|oauth|sso-key|dpop|mac)$/i;
const PLACEHOLDER_WORD = /^(?:|undefined|null|nan|\[object|object\]|bearer|none|false|true)$/i;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** A token and its mask into the vault, the secret parts on their own too (a signature copied alone). */
function rememberToken(token: string, masked: string, scope: Scope): void {
  scope.vault.add(token, masked);
  const parts = token.split('.');
  const maskedParts = masked.split('.');
  parts.forEach((part, i) => {
    if (part !== maskedParts[i]) scope.vault.add(part, maskedParts[i] ?? REDACTED);
  });
}

/** The token masked, counted as a signature (JWS) or another token, and remembered. */
export function maskCounted(token: string, scope: Scope): string {
  let masked = scope.masks.get(token);
  if (masked === undefined) {
    masked = isMaskedToken(token) || !hasSecretParts(token) ? token : maskToken(token);
    if (scope.masks.size >= 10_000) scope.masks.clear();
    scope.masks.set(token, masked);
    if (masked !== token) rememberToken(token, masked, scope);
    // A mask is a mask: met again (a copy, the second pass), it stays as it is.
    scope.masks.set(masked, masked);
  }
  if (masked === token) return token;
  if (token.split('.').length === 3 && token.startsWith('eyJ')) scope.changes.signatures++;
  else scope.changes.tokens++;
  return masked;
}

/**
 * A value written percent-encoded (a query value) masked in its decoded form, each character
 * kept as it was written: the mask only replaces letters and digits, which need no encoding.
 */
export function maskWritten(raw: string, scope: Scope): string {
  if (!/[%+]/.test(raw)) return maskCounted(raw, scope);
  const units: string[] = [];
  let decoded = '';
  for (let i = 0; i < raw.length; i++) {
    const hex = raw[i] === '%' ? /^[0-7][0-9a-fA-F]/.exec(raw.slice(i + 1, i + 3)) : null;
    if (hex) {
      decoded += String.fromCharCode(parseInt(hex[0], 16));
      units.push(raw.slice(i, i + 3));
      i += 2;
    } else {
      decoded += raw[i] === '+' ? ' ' : raw[i];
      units.push(raw[i]!);
    }
  }
  const masked = maskCounted(decoded, scope);
  if (masked === decoded) return raw;
  let out = '';
  for (let j = 0; j < masked.length; j++) out += masked[j] === decoded[j] ? units[j] : masked[j];
  scope.vault.add(raw, out);
  return out;
}

/** `[redacted]` for a credential that is no token, remembered as written and decoded. */
export function redactRemembered(
  raw: string,
  scope: Scope,
  kind: CredentialKind = 'credential',
): string {
  scope.vault.add(raw, REDACTED, kind);
  const decoded = safeDecodeForm(raw);
  if (decoded !== raw) scope.vault.add(decoded, REDACTED, kind);
  const unquoted = /^"(.*)"$/s.exec(raw)?.[1];
  if (unquoted) scope.vault.add(unquoted, REDACTED, kind);
  return REDACTED;
}

/**
 * The replacement of a credential value: a JWT or the entry's token is masked, anything else is
 * `[redacted]`; markers and masks stay. `encoded`: the value is written percent-encoded.
 */
export function replaceCredential(raw: string, scope: Scope, encoded: boolean): string {
  if (raw.trim() === '' || isMarker(raw)) return raw;
  const value = encoded ? safeDecodeForm(raw) : raw;
  if (isMarker(value) || scope.masks.get(value) === value || isMaskedToken(value)) return raw;
  if (value === scope.token || WHOLE_JWT.test(value)) {
    return encoded ? maskWritten(raw, scope) : maskCounted(raw, scope);
  }
  return redactRemembered(raw, scope);
}

/** `Basic <base64>`: the decoded `user:password` and the password are credentials too. */
function rememberBasic(word: string, scope: Scope): void {
  const bytes = decodeBase64Lenient(word);
  if (!bytes || bytes.length < 3) return;
  try {
    const text = utf8.decode(bytes);
    const colon = text.indexOf(':');
    // eslint-disable-next-line no-control-regex -- control characters are what this looks for
    if (colon < 0 || /[\u0000-\u001f]/.test(text)) return;
    scope.vault.add(text, REDACTED);
    scope.vault.add(text.slice(colon + 1), REDACTED);
  } catch {
    // not text: nothing more to remember
  }
}

const WRAP = new Set(['"', "'", '`']);

/** A word without the quotes around it and a trailing `,` or `;` (no regex: tokens are long). */
function unwrap(word: string): string {
  let start = 0;
  let end = word.length;
  if (end > 0 && (word[end - 1] === ',' || word[end - 1] === ';')) end--;
  while (start < end && WRAP.has(word[start]!)) start++;
  while (end > start && WRAP.has(word[end - 1]!)) end--;
  return word.slice(start, end);
}

/**
 * A credential header value (`Authorization`, `X-Api-Key`, a look-alike name): the analyzer's
 * token masked, any other JWT masked, every other word that is not a scheme, a placeholder or a
 * marker redacted; spacing, quotes and scheme kept, so the analyzer sees the same mistakes.
 */
export function sanitizeCredentialHeader(value: string, scope: Scope): string {
  let text = value;
  const token = scope.token;
  if (token && text.includes(token)) {
    const masked = maskCounted(token, scope);
    if (masked !== token) text = text.split(token).join(masked);
  }
  let redacted = false;
  const out = text
    .split(/(\s+)/)
    .map((word) => {
      const core = unwrap(word);
      if (/^\s*$/.test(word) || SCHEME_WORD.test(core) || PLACEHOLDER_WORD.test(core)) return word;
      if (isMarker(core) || scope.masks.get(core) === core || isMaskedToken(core)) return word;
      if (WHOLE_JWT.test(core)) return word.replace(core, maskCounted(core, scope));
      redacted = true;
      rememberBasic(core, scope);
      return word.replace(core, redactRemembered(core, scope));
    })
    .join('');
  if (redacted) scope.changes.headers++;
  return out;
}

/** `a=1; b=2` (Cookie): every value redacted, names and spacing kept. */
export function sanitizeCookieHeader(value: string, scope: Scope): string {
  return value.replace(
    /(^|;)(\s*)([^=;]*)=([^;]*)/g,
    (match, sep: string, space: string, name: string, raw: string) => {
      const v = raw.trim();
      if (v === '' || isMarker(v)) return match;
      scope.changes.cookies++;
      return `${sep}${space}${name}=${raw.replace(v, redactRemembered(v, scope, 'cookie'))}`;
    },
  );
}

/** `sid=abc; Domain=x; Path=/` (Set-Cookie, one per line): the value redacted, attributes kept. */
export function sanitizeSetCookie(value: string, scope: Scope): string {
  return value
    .split('\n')
    .map((line) =>
      line.replace(/^(\s*[^=;]*=)([^;]*)/, (match, head: string, raw: string) => {
        const v = raw.trim();
        if (v === '' || isMarker(v)) return match;
        scope.changes.cookies++;
        return `${head}${raw.replace(v, redactRemembered(v, scope, 'cookie'))}`;
      }),
    )
    .join('\n');
}

/** A cookie object's `value` (`cookies[]`). */
export function sanitizeCookieValue(value: string, scope: Scope): string {
  if (value === '' || isMarker(value)) return value;
  scope.changes.cookies++;
  return redactRemembered(value, scope, 'cookie');
}
