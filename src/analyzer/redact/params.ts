/**
 * Credentials in URLs and in text that quotes them (SPEC §6): the values of credential-shaped
 * query, fragment and form parameters (secret-names.ts), also under a percent-encoded name, and
 * also inside another URL carried as a parameter value (`redirect_uri=…%3Fcode%3D…`); and
 * `user:password@` userinfo. String surgery, never `URL`: a URL that does not parse is redacted
 * too, and everything that is not a credential stays as it was written.
 *
 * What replaces a value is the caller's: the report writes `[redacted]`, the HAR sanitizer keeps
 * a JWT's header and payload and masks the token the analyzer reads (token-mask.ts).
 */
import { safeDecodeForm } from '../parse/url.js';
import { isMarker, REDACTED } from './patterns.js';
import { isSecretMember } from './secret-names.js';

/** The replacement of one credential value, given as written (maybe percent-encoded) and its name. */
export type ReplaceCredential = (value: string, name: string) => string;

const toRedacted: ReplaceCredential = () => REDACTED;

/** A URL inside a URL inside a URL…: deeper than this is left to the other layers. */
const MAX_NESTING = 4;

interface Pass {
  replace: ReplaceCredential;
  /** Credential values replaced so far. */
  count: number;
  depth: number;
}

/** A regex for `secret` as written in any percent-encoding (1 to 3 times, `+` for a space). */
function encodedPattern(secret: string): RegExp {
  const bytes = new TextEncoder().encode(secret);
  let pattern = '';
  let i = 0;
  for (const char of secret) {
    const size = new TextEncoder().encode(char).length;
    const hex = [...bytes.subarray(i, i + size)]
      .map((b) => `%(?:25){0,2}${b.toString(16).padStart(2, '0')}`)
      .join('');
    const literal = char.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    pattern += char === ' ' ? `(?:\\+|${hex})` : `(?:${literal}|${hex})`;
    i += size;
  }
  return new RegExp(pattern, 'gi');
}

/**
 * A parameter value that is itself a URL or a query (`redirect_uri`, `state`, `returnTo`):
 * credentials in it are replaced where they stand in the encoded value.
 */
function redactNested(value: string, pass: Pass): string {
  if (pass.depth >= MAX_NESTING || !/%3d|=|%40|@/i.test(value)) return value;
  const decoded = safeDecodeForm(value);
  if (decoded === value) return value;
  const found: Array<[string, string]> = [];
  const inner: Pass = {
    depth: pass.depth + 1,
    count: 0,
    replace: (v, name) => {
      const replacement = pass.replace(v, name);
      found.push([safeDecodeForm(v), replacement]);
      return replacement;
    },
  };
  scrubParams(`&${decoded}`, inner);
  scrubUserinfo(decoded, inner);
  let out = value;
  for (const [secret, replacement] of found) {
    if (secret === '') continue;
    out = out.replace(encodedPattern(secret), () => replacement);
  }
  pass.count += out === value ? 0 : found.length;
  return out;
}

function redactPair(pair: string, pass: Pass): string {
  const eq = pair.indexOf('=');
  if (eq < 0) return pair;
  const name = pair.slice(0, eq);
  const value = pair.slice(eq + 1);
  if (value === '' || isMarker(value)) return pair;
  if (isSecretMember(safeDecodeForm(name), safeDecodeForm(value), 'query')) {
    const replacement = pass.replace(value, safeDecodeForm(name));
    if (replacement !== value) pass.count++;
    return `${name}=${replacement}`;
  }
  const nested = redactNested(value, pass);
  return nested === value ? pair : `${name}=${nested}`;
}

/** `a=1&access_token=x` → `a=1&access_token=[redacted]`: a query, a fragment or a form body. */
function redactParamList(params: string, pass: Pass): string {
  return params
    .split('&')
    .map((pair) => redactPair(pair, pass))
    .join('&');
}

/** `scheme://user:password@` anywhere in text: the userinfo is a credential. */
const USERINFO = /\b([a-z][a-z0-9+.-]{0,20}:\/\/)([^\s/?#@"'`<>\\[\]]+)@/gi;

function scrubUserinfo(text: string, pass: Pass): string {
  if (!text.includes('@') || !text.includes('://')) return text;
  return text.replace(USERINFO, (match, scheme: string, userinfo: string) => {
    if (isMarker(safeDecodeForm(userinfo))) return match;
    const replacement = pass.replace(userinfo, 'userinfo');
    if (replacement === userinfo) return match;
    pass.count++;
    return `${scheme}${replacement}@`;
  });
}

/** `?name=value` (also after `&`, `#` or `;`) inside free text, for any parameter name. */
const PARAM_IN_TEXT = /([?&#;])([A-Za-z0-9_.%[\]-]{1,64})=([^&#\s"'`<>()[\]\\]*)/g;

function scrubParams(text: string, pass: Pass): string {
  // Most strings have no `=`: skip the regex (a HAR's report scrubs hundreds of thousands).
  if (!text.includes('=')) return text;
  return text.replace(PARAM_IN_TEXT, (match, sep: string, name: string, value: string) => {
    const out = redactPair(`${name}=${value}`, pass);
    return out === `${name}=${value}` ? match : `${sep}${out}`;
  });
}

/**
 * Credential-shaped parameters (`?code=xyz` → `?code=[redacted]`) and userinfo inside free
 * text: a detail quoting a URL, a Referer, a URL in a body or a page title.
 */
export function redactSecretParamsInText(
  text: string,
  replace: ReplaceCredential = toRedacted,
): string {
  const pass: Pass = { replace, count: 0, depth: 0 };
  return scrubUserinfo(scrubParams(text, pass), pass);
}

/** The same for a form body (`a=1&password=x`): its first pair has no `?` before it. */
export function redactFormText(text: string, replace: ReplaceCredential = toRedacted): string {
  const pass: Pass = { replace, count: 0, depth: 0 };
  return redactParamList(text, pass);
}

/** No query, no fragment, no userinfo: nothing would change (the common API URL). */
const nothingToRedact = (url: string) =>
  !url.includes('?') && !url.includes('#') && !url.includes('@');

/**
 * A URL with the value of every credential-shaped parameter replaced (`[redacted]` by default),
 * in the query and in the fragment (the implicit flow puts tokens there), inside URLs nested in
 * parameters, and `user:password@` replaced. `redacted` counts the values replaced.
 */
export function redactUrlCounted(
  url: string,
  replace: ReplaceCredential = toRedacted,
): { url: string; redacted: number } {
  if (nothingToRedact(url)) return { url, redacted: 0 };
  const pass: Pass = { replace, count: 0, depth: 0 };
  const hashAt = url.indexOf('#');
  const beforeHash = hashAt < 0 ? url : url.slice(0, hashAt);
  const queryAt = beforeHash.indexOf('?');
  const base = queryAt < 0 ? beforeHash : beforeHash.slice(0, queryAt);
  const start = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i.exec(base)?.[0] ?? '';
  const authority = start.includes('@') ? scrubUserinfo(start, pass) : start;
  const query = queryAt < 0 ? '' : `?${redactParamList(beforeHash.slice(queryAt + 1), pass)}`;
  const fragment = hashAt < 0 ? '' : `#${redactParamList(url.slice(hashAt + 1), pass)}`;
  return { url: authority + base.slice(start.length) + query + fragment, redacted: pass.count };
}

/** `redactUrlCounted` without the count. */
export function redactUrl(url: string, replace?: ReplaceCredential): string {
  // The common API URL, without redactUrlCounted's result object.
  if (nothingToRedact(url)) return url;
  return redactUrlCounted(url, replace).url;
}
