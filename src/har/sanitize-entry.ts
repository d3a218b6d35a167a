/**
 * One HAR entry made safe to share (SPEC §6), and still diagnosable: `sanitizeHarEntry(entry)` →
 * `{entry, changes}`. Pure and browser-safe, so the CLI's `sanitize-har` (which streams a file
 * through it) and a panel importing a HAR share it. The input is never modified.
 *
 * - JWTs keep header and payload; the signature becomes a fixed marker (see `secrets.ts`).
 * - `Cookie` / `Set-Cookie` headers are removed, and the `cookies` arrays emptied.
 * - Credential headers (`Authorization`, `Proxy-Authorization`, `X-Api-Key`, look-alike names)
 *   keep their scheme and shape; every other word of their value becomes `[redacted]`.
 * - Secret query parameters (`access_token`, `code`, `client_secret`…) in `request.url`,
 *   `queryString`, `redirectURL` and any URL quoted in text become `[redacted]`.
 * - Secret fields of bodies (form, JSON, multipart; `postData.text` and `params`,
 *   `response.content.text`, base64 too) become `[redacted]`.
 * - Last, every string of the entry is scrubbed again: JWT-shaped runs, secret parameters, and
 *   copies of the secrets found above (a cookie echoed in a body).
 */
import {
  decodeBase64Lenient,
  headerClass,
  isObject,
  isSecretName,
  mapStrings,
  REDACTED,
  redactUrlCounted,
  safeDecodeForm as safeDecode,
} from '../analyzer/index.js';
import {
  emptyChanges,
  redactEchoes,
  redactSecretParamsInText,
  remember,
  sanitizeCredentialValue,
  sanitizeTokensInText,
  type Findings,
  type SanitizeChanges,
} from './secrets.js';

export interface SanitizedHarValue {
  /** The sanitized copy. */
  entry: unknown;
  changes: SanitizeChanges;
}

type Json = Record<string, unknown>;
/** HAR entries nest deeper than diagnoses (bodies are JSON in JSON): the walks stop here. */
const MAX_DEPTH = 512;

/** A copy of `value` with every string value (not key) passed through `fn`. */
function mapValues(value: unknown, fn: (text: string) => string): unknown {
  return mapStrings(value, fn, { keys: false, maxDepth: MAX_DEPTH });
}

function rememberQuery(url: string, found: Findings): void {
  const query = /\?([^#]*)/.exec(url)?.[1] ?? '';
  const fragment = /#(.*)$/.exec(url)?.[1] ?? '';
  for (const pair of `${query}&${fragment}`.split('&')) {
    const eq = pair.indexOf('=');
    if (eq <= 0 || !isSecretName(safeDecode(pair.slice(0, eq)))) continue;
    remember(found, pair.slice(eq + 1));
    remember(found, safeDecode(pair.slice(eq + 1)));
  }
}

function sanitizeUrl(url: unknown, found: Findings): { url: unknown; redacted: number } {
  if (typeof url !== 'string') return { url, redacted: 0 };
  rememberQuery(url, found);
  return redactUrlCounted(url);
}

/** `a=1; session=abc` (Cookie) or `session=abc; Path=/` (Set-Cookie): the values are the secrets. */
function rememberCookies(value: unknown, found: Findings): void {
  if (typeof value !== 'string') return;
  for (const pair of value.split(/[;\n]/)) {
    const eq = pair.indexOf('=');
    if (eq > 0) remember(found, pair.slice(eq + 1).trim());
  }
}

function sanitizeHeaders(headers: unknown, found: Findings): unknown {
  if (!Array.isArray(headers)) return headers;
  const out: unknown[] = [];
  for (const header of headers) {
    if (!isObject(header) || typeof header.name !== 'string' || header.name.startsWith(':')) {
      out.push(header);
      continue;
    }
    const kind = headerClass(header.name);
    if (kind === 'cookie') {
      found.changes.cookies++;
      rememberCookies(header.value, found);
    } else if (kind === 'credential' && header.value !== null && header.value !== undefined) {
      const value = typeof header.value === 'string' ? header.value : JSON.stringify(header.value);
      out.push({ ...header, value: sanitizeCredentialValue(value, found) });
    } else {
      out.push(header);
    }
  }
  return out;
}

function emptyCookies(cookies: unknown, found: Findings): unknown {
  if (!Array.isArray(cookies)) return cookies;
  for (const cookie of cookies) {
    if (isObject(cookie) && typeof cookie.value === 'string') remember(found, cookie.value);
  }
  found.changes.cookies += cookies.length;
  return [];
}

/** `[{name, value}]` (queryString, postData.params) with the secret values redacted. */
function redactPairs(pairs: unknown, found: Findings, count: { n: number }): unknown {
  if (!Array.isArray(pairs)) return pairs;
  return pairs.map((pair) => {
    if (!isObject(pair) || typeof pair.name !== 'string' || !isSecretName(safeDecode(pair.name))) {
      return pair;
    }
    if (
      pair.value === undefined ||
      pair.value === null ||
      pair.value === '' ||
      pair.value === REDACTED
    ) {
      return pair;
    }
    count.n++;
    if (typeof pair.value === 'string') {
      remember(found, pair.value);
      remember(found, safeDecode(pair.value));
    }
    return { ...pair, value: REDACTED };
  });
}

function redactJsonFields(value: unknown, found: Findings, depth = 0): unknown {
  if (value === null || typeof value !== 'object' || depth >= MAX_DEPTH) return value;
  if (Array.isArray(value)) return value.map((v) => redactJsonFields(v, found, depth + 1));
  const out: Json = {};
  for (const [key, v] of Object.entries(value)) {
    const secret =
      isSecretName(key) && v !== null && v !== '' && v !== REDACTED && typeof v !== 'boolean';
    if (secret) {
      found.changes.bodyFields++;
      if (typeof v === 'string' || typeof v === 'number') remember(found, String(v));
    }
    Object.defineProperty(out, key, {
      value: secret ? REDACTED : redactJsonFields(v, found, depth + 1),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

const FORM = /^[^\s=&]+=[^\s&]*(?:&[^\s=&]+=[^\s&]*)*\s*$/;
const JSON_FIELD = /("([^"\\]{1,64})"\s*:\s*)("(?:[^"\\]|\\.)*"|-?\d[\d.eE+-]*)/g;
const MULTIPART_FIELD = /(name="([^"]{1,64})"[^\r\n]*\r?\n(?:[^\r\n]+\r?\n)*\r?\n)([^\r\n]*)/g;
const FORM_FIELD = /(^|[\s&;])([A-Za-z0-9_.%-]{1,64})=([^&\s"'<>;]*)/gm;

function redactForm(text: string, found: Findings): string {
  return text
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const value = pair.slice(eq + 1);
      if (
        eq <= 0 ||
        value === '' ||
        value === REDACTED ||
        !isSecretName(safeDecode(pair.slice(0, eq)))
      ) {
        return pair;
      }
      found.changes.bodyFields++;
      remember(found, value);
      remember(found, safeDecode(value));
      return `${pair.slice(0, eq)}=${REDACTED}`;
    })
    .join('&');
}

/** A body that is neither JSON nor a form (multipart, broken JSON, text): by pattern. */
function redactBodyPatterns(text: string, found: Findings): string {
  const field = (match: string, prefix: string, name: string, value: string, quoted: boolean) => {
    const bare = quoted && value.startsWith('"') ? value.slice(1, -1) : value;
    if (!isSecretName(name) || bare === '' || bare === REDACTED) return match;
    found.changes.bodyFields++;
    remember(found, bare);
    return `${prefix}${quoted && value.startsWith('"') ? `"${REDACTED}"` : REDACTED}`;
  };
  return text
    .replace(JSON_FIELD, (m, prefix: string, name: string, value: string) =>
      field(m, prefix, name, value, true),
    )
    .replace(MULTIPART_FIELD, (m, prefix: string, name: string, value: string) =>
      field(m, prefix, name, value, false),
    )
    .replace(FORM_FIELD, (m, sep: string, name: string, value: string) =>
      field(m, `${sep}${name}=`, safeDecode(name), value, false),
    );
}

function sanitizeBody(text: string, mimeType: unknown, found: Findings): string {
  const start = text.trimStart()[0];
  if (start === '{' || start === '[') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    if (parsed !== undefined) {
      const before = found.changes.bodyFields;
      const redacted = redactJsonFields(parsed, found);
      if (found.changes.bodyFields === before) return text;
      return JSON.stringify(redacted, null, text.includes('\n') ? 2 : undefined);
    }
  }
  const mime = typeof mimeType === 'string' ? mimeType : '';
  if (/x-www-form-urlencoded/i.test(mime) || FORM.test(text.trim())) return redactForm(text, found);
  return redactBodyPatterns(text, found);
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function base64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = Math.ceil(((bytes.length - i) * 8) / 6);
    for (let c = 0; c < 4; c++) out += c < chars ? B64[(n >> (18 - 6 * c)) & 63] : '=';
  }
  return out;
}

/** `text` of a body: plain, or base64 when it decodes to UTF-8 (binary bodies are left as they are). */
function sanitizeContent(holder: Json, textKey: string, found: Findings): Json {
  const text = holder[textKey];
  if (typeof text !== 'string' || text === '') return holder;
  if (holder.encoding !== 'base64')
    return { ...holder, [textKey]: sanitizeBody(text, holder.mimeType, found) };
  const bytes = decodeBase64Lenient(text.replace(/\s+/g, ''));
  let decoded: string;
  try {
    if (!bytes) return holder;
    decoded = utf8.decode(bytes);
  } catch {
    return holder;
  }
  // The final string pass cannot see inside base64: run it here.
  const body = redactSecretParamsInText(
    sanitizeTokensInText(sanitizeBody(decoded, holder.mimeType, found), found),
    found,
  );
  return body === decoded
    ? holder
    : { ...holder, [textKey]: base64(new TextEncoder().encode(body)) };
}

function sanitizeRequest(request: Json, found: Findings): Json {
  const out: Json = { ...request };
  const url = sanitizeUrl(request.url, found);
  out.url = url.url;
  const inQueryString = { n: 0 };
  if ('queryString' in request)
    out.queryString = redactPairs(request.queryString, found, inQueryString);
  // The same parameter is usually in both the URL and queryString: count it once.
  found.changes.queryParams += Math.max(url.redacted, inQueryString.n);
  if ('headers' in request) out.headers = sanitizeHeaders(request.headers, found);
  if ('cookies' in request) out.cookies = emptyCookies(request.cookies, found);
  if (isObject(request.postData)) {
    const fields = { n: 0 };
    const postData = sanitizeContent(request.postData, 'text', found);
    out.postData =
      'params' in postData
        ? { ...postData, params: redactPairs(postData.params, found, fields) }
        : postData;
    found.changes.bodyFields += fields.n;
  }
  return out;
}

function sanitizeResponse(response: Json, found: Findings): Json {
  const out: Json = { ...response };
  if ('headers' in response) out.headers = sanitizeHeaders(response.headers, found);
  if ('cookies' in response) out.cookies = emptyCookies(response.cookies, found);
  if (isObject(response.content)) out.content = sanitizeContent(response.content, 'text', found);
  if (typeof response.redirectURL === 'string' && response.redirectURL !== '') {
    const redirect = sanitizeUrl(response.redirectURL, found);
    out.redirectURL = redirect.url;
    found.changes.queryParams += redirect.redacted;
  }
  return out;
}

/** The last pass over every string: tokens, secret parameters, copies of this entry's secrets. */
function scrubStrings(value: unknown, found: Findings): unknown {
  const echoes = [...found.secrets].sort((a, b) => b.length - a.length);
  return mapValues(value, (text) =>
    redactEchoes(redactSecretParamsInText(sanitizeTokensInText(text, found), found), found, echoes),
  );
}

/** One `log.entries` item, safe to share and still diagnosable. */
export function sanitizeHarEntry(entry: unknown): SanitizedHarValue {
  const found: Findings = { changes: emptyChanges(), secrets: new Set() };
  let out: unknown = entry;
  if (isObject(entry)) {
    const copy: Json = { ...entry };
    if (isObject(entry.request)) copy.request = sanitizeRequest(entry.request, found);
    if (isObject(entry.response)) copy.response = sanitizeResponse(entry.response, found);
    out = copy;
  }
  return { entry: scrubStrings(out, found), changes: found.changes };
}

/** Any other part of a HAR (a `log.pages` item, whose title is often a URL): strings only. */
export function sanitizeHarValue(value: unknown): SanitizedHarValue {
  const found: Findings = { changes: emptyChanges(), secrets: new Set() };
  return { entry: scrubStrings(value, found), changes: found.changes };
}
