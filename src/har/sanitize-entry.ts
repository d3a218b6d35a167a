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
 *   `response.content.text`, base64 too) become `[redacted]` (sanitize-body.ts).
 * - Last, every string of the entry is scrubbed again: JWT-shaped runs, secret parameters, and
 *   copies of the secrets found above (a cookie echoed in a body).
 */
import {
  headerClass,
  isObject,
  isSecretName,
  mapStrings,
  REDACTED,
  redactUrlCounted,
  safeDecodeForm as safeDecode,
} from '../analyzer/index.js';
import { MAX_DEPTH, sanitizeContent } from './sanitize-body.js';
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
