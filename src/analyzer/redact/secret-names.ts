/**
 * The one secret vocabulary (SPEC §6): the names of the parameters, fields and headers whose
 * values are credentials. The stored diagnosis, every report and every sanitized HAR decide by
 * these rules, so what one of them redacts, the others redact too. The header names the analyzer
 * looks for a token under (context.ts `LOOKALIKE_HEADERS`) are credentials here too.
 *
 * Names are compared in one canonical form, so every spelling of a name is the same name:
 * `access_token`, `Access-Token`, `accessToken`, `access_token[]`, `user[access_token]`.
 */

import { LOOKALIKE_HEADERS } from '../context.js';

/**
 * `accessToken`, `Access-Token`, `access_token[]`, `user[access_token]`, `X_API_KEY` → the
 * snake_case form the lists below use. Decode percent-encoding before calling.
 */
export function canonicalName(raw: string): string {
  return cached(CANONICAL, raw, canonical);
}

/**
 * `compute(key)`, worked out once per key: names repeat (every entry of a HAR has the same keys
 * and a few dozen header names). Bounded: a hostile file of unique names only clears it.
 */
function cached<V>(cache: Map<string, V>, key: string, compute: (key: string) => V): V {
  let known = cache.get(key);
  if (known === undefined) {
    if (cache.size >= 4096) cache.clear();
    known = compute(key);
    cache.set(key, known);
  }
  return known;
}

const CANONICAL = new Map<string, string>();

function canonical(raw: string): string {
  let name = raw.trim();
  // PHP/Rails nesting and arrays: the innermost non-empty bracket names the value.
  const brackets = /\[([^[\]]*)\]/g;
  let inner = '';
  for (let m = brackets.exec(name); m; m = brackets.exec(name)) if (m[1]) inner = m[1];
  name = inner || name.replace(/\[[^\]]*\]/g, '');
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/** Exact names (canonical form) whose values are credentials wherever they stand. */
const SECRET_NAMES: ReadonlySet<string> = new Set([
  'access_token',
  'id_token',
  'refresh_token',
  'token',
  'code',
  'client_secret',
  'client_assertion',
  'assertion',
  'code_verifier',
  'device_code',
  'subject_token',
  'actor_token',
  'password',
  'passwd',
  'pwd',
  'passphrase',
  'secret',
  'api_key',
  'apikey',
  'x_api_key',
  'sig',
  'signature',
  'session',
  'sessionid',
  'session_id',
  'private_key',
  'privatekey',
  'secret_key',
  'secretkey',
  'auth',
  'jwt',
  'bearer',
  'authorization',
  'proxy_authorization',
  'cookie',
  'set_cookie',
  'x_amz_credential',
  'credential',
]);

/**
 * Names that end like a secret: `new_password`, `csrf_token`, `x_api_key`, `client_secret`,
 * `id_token_hint`, `aws_secret_access_key`, `x_amz_signature`. Not `token_type`, `key`, `cache_key`:
 * a secret's name ends with the secret word.
 */
const SECRET_ENDING =
  /(?:secret|password|passwd|_pwd|token|token_hint|api_?key|private_?key|secret_?key|secret_access_key|subscription_key|functions_key|signature|session_?id|credential)$/;

/** Where a name was found: `key` is Google's API key in a query, but a JSON `"key"` is any key. */
export type NameSite = 'query' | 'json';

/** The names that count only in a query, fragment or form (`?key=AIza…`), not as JSON members. */
const QUERY_ONLY: ReadonlySet<string> = new Set(['key']);

/** Every secret name holds one of these: most names (`url`, `mimeType`) are ruled out by it alone. */
const STEM =
  /tok|secret|pass|pwd|key|auth|sess|sig|code|cookie|cred|assert|jwt|bearer|verifier|csrf|xsrf/i;

/**
 * True when `text` may name a credential somewhere: no secret name avoids every stem above. A
 * quick test before running patterns for names over a whole body.
 */
export function mayNameSecret(text: string): boolean {
  return STEM.test(text);
}

/** True when a parameter or field of this name holds a credential (decode the name first). */
export function isSecretName(raw: string, site: NameSite = 'query'): boolean {
  if (!STEM.test(raw)) return false;
  const name = canonicalName(raw);
  if (name === '') return false;
  if (SECRET_NAMES.has(name) || SECRET_ENDING.test(name)) return true;
  return site === 'query' && QUERY_ONLY.has(name);
}

/**
 * An OAuth `code` is a credential; the `code` member of an error body (Auth0's
 * `"code": "invalid_user_password"`, `"code": 401`) is not. Error codes are words (one case per
 * word) or numbers; an authorization code is random. In a query or a form, `code` is always one.
 */
export function isErrorCode(value: unknown): boolean {
  if (typeof value === 'number') return true;
  return (
    typeof value === 'string' &&
    value.length <= 64 &&
    /^(?:[a-z]+|[A-Z]+)(?:[_.-](?:[a-z0-9]+|[A-Z0-9]+))*$/.test(value)
  );
}

/** True when the value under this name is a credential (the name is secret, and not an error code). */
export function isSecretMember(name: string, value: unknown, site: NameSite): boolean {
  if (!isSecretName(name, site)) return false;
  return !(site === 'json' && canonicalName(name) === 'code' && isErrorCode(value));
}

/** `cookie`: the values are secrets, the attributes not; `credential`: the value is one. */
export type HeaderClass = 'cookie' | 'set-cookie' | 'credential' | 'plain';

const COOKIE_HEADERS: ReadonlySet<string> = new Set(['cookie', 'cookie2']);
const SET_COOKIE_HEADERS: ReadonlySet<string> = new Set(['set_cookie', 'set_cookie2']);
/** Names that look like credentials but carry none: the server's challenge, CORS name lists. */
const PUBLIC_HEADERS: ReadonlySet<string> = new Set(['www_authenticate', 'proxy_authenticate']);
/** Header names ending so carry the request's credential (`X-CSRF`, `X-XSRF`). */
const CREDENTIAL_HEADER_ENDING = /(?:^|_)(?:csrf|xsrf|csrftoken|xsrftoken)$/;

/**
 * What a header carries. Credentials: `Authorization`, `Proxy-Authorization`, the look-alike names
 * the analyzer reads a token from, and any name the vocabulary calls secret (`X-Api-Key`,
 * `X-CSRF-Token`, `X-Amz-Security-Token`, `CSRFDesignerToken`). Not: `WWW-Authenticate`,
 * `Access-Control-*`, `Auth0-Client`, `Sec-WebSocket-Key`, `x-slack-shared-secret-outcome`
 * (their names end in a word that is not a secret).
 */
export function headerClass(name: string): HeaderClass {
  return STEM.test(name) ? cached(HEADER_CLASSES, name, classify) : 'plain';
}

const HEADER_CLASSES = new Map<string, HeaderClass>();

function classify(name: string): HeaderClass {
  const canonical = canonicalName(name);
  if (COOKIE_HEADERS.has(canonical)) return 'cookie';
  if (SET_COOKIE_HEADERS.has(canonical)) return 'set-cookie';
  if (PUBLIC_HEADERS.has(canonical) || canonical.startsWith('access_control_')) return 'plain';
  if ((LOOKALIKE_HEADERS as readonly string[]).includes(name.trim().toLowerCase())) {
    return 'credential';
  }
  if (canonical === 'code' || canonical === 'key') return 'plain';
  return isSecretName(canonical, 'json') || CREDENTIAL_HEADER_ENDING.test(canonical)
    ? 'credential'
    : 'plain';
}
