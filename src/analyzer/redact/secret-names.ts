/**
 * The one secret vocabulary (SPEC §6): the names of the parameters, fields and headers whose
 * values are credentials. The stored diagnosis, every report and every sanitized HAR decide by
 * these rules, so what one of them redacts, the others redact too.
 */

/** The OAuth parameters that carry a token or a code, the core of the names below. */
const TOKEN_PARAMS = ['access_token', 'id_token', 'code', 'token'];

/** Query, form and JSON names whose values are credentials. Compared trimmed and lower-case. */
const SECRET_NAMES: ReadonlySet<string> = new Set([
  ...TOKEN_PARAMS,
  'refresh_token',
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
  'secret',
  'api_key',
  'apikey',
  'key',
  'sig',
  'signature',
  'session',
  'sessionid',
  'session_id',
  'x-amz-signature',
  'x-amz-security-token',
  'x-amz-credential',
  'private_key',
]);
/** `new_password`, `csrf_token`, `x-api-key`, `clientSecret`: names that end like a secret. */
const SECRET_ENDING = /(?:secret|password|passwd|token|token_hint|api[_-]?key)$/;

/** True when a parameter or field of this name holds a credential (decode the name first). */
export function isSecretName(raw: string): boolean {
  const lower = raw.trim().toLowerCase();
  return SECRET_NAMES.has(lower) || SECRET_ENDING.test(lower);
}

/** `cookie`: the values are secrets, the attributes not; `credential`: the value is one. */
export type HeaderClass = 'cookie' | 'credential' | 'plain';

const COOKIE_HEADERS: ReadonlySet<string> = new Set(['cookie', 'set-cookie', 'set-cookie2']);
/** Names that look like credentials but carry none: the server's challenge, CORS name lists. */
const PUBLIC_HEADERS: ReadonlySet<string> = new Set(['www-authenticate', 'proxy-authenticate']);
const CREDENTIAL_HEADER =
  /auth|token|secret|session|passw|pwd|api-?key|jwt|bearer|signature|credential|csrf|xsrf|(?:^|-)key$/i;

export function headerClass(name: string): HeaderClass {
  const lower = name.trim().toLowerCase();
  if (COOKIE_HEADERS.has(lower)) return 'cookie';
  if (PUBLIC_HEADERS.has(lower) || lower.startsWith('access-control-')) return 'plain';
  return CREDENTIAL_HEADER.test(lower) ? 'credential' : 'plain';
}
