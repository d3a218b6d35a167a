/**
 * URLs as the analyzer reads them (SPEC §2): split the Rhythm way, and the small readers every
 * shell needs (the host, a percent-decoding that never throws).
 */
import { moduleOfHost, type RhythmModule } from '../rhythm.js';

export interface ParsedUrl {
  protocol: string;
  host: string;
  origin: string;
  /** Decoded path segments (empty ones kept, a trailing slash dropped). */
  segments: string[];
  /** The raw path segments, as sent. */
  rawSegments: string[];
  /** `segments` joined by `/` (the path as the checks quote it, without its leading `/`). */
  path: string;
  /** `rawSegments` joined by `/`. */
  rawPath: string;
  resource: string | null;
  /** The second path segment (SPEC §2), or null when the path is shorter. */
  tenant: string | null;
  module: RhythmModule | null;
  query: Array<{ key: string; value: string }>;
}

/** `decodeURIComponent`, or the text as it is when it is not valid percent-encoding. */
export function safeDecode(text: string): string {
  // Nothing percent-encoded: decodeURIComponent would return the text as it is.
  if (!text.includes('%')) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** A form or query value decoded as a browser does (`+` is a space); never throws. */
export function safeDecodeForm(text: string): string {
  return safeDecode(text.replace(/\+/g, ' '));
}

/**
 * The common API URL, read without `new URL`: `http(s)://` in lower case, a lower-case ASCII host
 * of letters, digits and hyphens whose last label starts with a letter (so never an IPv4 address)
 * and no label `xn--` (so no IDNA), no port, no userinfo, and a path of characters the URL parser
 * keeps as they are (no `%`, no backslash, no query or fragment, no segment starting with `.`).
 * For such a URL the parser only makes an empty path `/`: the result is what `new URL` gives
 * (property-tested against it). Anything else returns null and goes to `new URL`.
 *
 * Read by char codes: what `^(https?:)\/\/((?:[a-z0-9-]+\.)*[a-z][a-z0-9-]*)(\/[A-Za-z0-9\-._~!$&'()*+,;=:@/]*)?$`
 * matches (the host runs to the first character no host has, which must be `/` or the end).
 */
const charTable = (chars: string) => {
  const table = new Uint8Array(128);
  for (const c of chars) table[c.charCodeAt(0)] = 1;
  return table;
};
const ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
const LABEL_CHAR = charTable(`${ALNUM}-`);
const PATH_CHAR = charTable(`${ALNUM}ABCDEFGHIJKLMNOPQRSTUVWXYZ-._~!$&'()*+,;=:@/`);

export function simpleUrl(
  raw: string,
): { protocol: string; hostname: string; pathname: string } | null {
  const protocol = raw.startsWith('https://') ? 'https:' : raw.startsWith('http://') ? 'http:' : '';
  if (protocol === '') return null;
  const start = protocol.length + 2;
  // Labels of [a-z0-9-]+ joined by dots, the last one starting with a letter.
  let label = start;
  let end = start;
  for (; end < raw.length; end++) {
    const c = raw.charCodeAt(end);
    if (c === 0x2e) {
      if (end === label) return null;
      label = end + 1;
    } else if (c >= 128 || LABEL_CHAR[c] !== 1) break;
  }
  const first = raw.charCodeAt(label);
  if (end === label || first < 0x61 || first > 0x7a) return null;
  if (end < raw.length) {
    if (raw.charCodeAt(end) !== 0x2f) return null;
    for (let i = end + 1; i < raw.length; i++) {
      const c = raw.charCodeAt(i);
      if (c >= 128 || PATH_CHAR[c] !== 1) return null;
    }
  }
  const hostname = raw.slice(start, end);
  const pathname = end < raw.length ? raw.slice(end) : '/';
  if (hostname.includes('xn--') || pathname.includes('/.')) return null;
  return { protocol, hostname, pathname };
}

export function parseUrl(raw: string): ParsedUrl | { error: string } {
  const simple = simpleUrl(raw);
  if (simple) {
    const { protocol, hostname, pathname } = simple;
    // The simple URL's host is lower case already.
    return splitUrl(protocol, hostname, `${protocol}//${hostname}`, pathname, []);
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { error: `not a valid absolute URL: ${raw.slice(0, 200)}` };
  }
  const query: Array<{ key: string; value: string }> = [];
  // No query (the common API call): no URLSearchParams to build.
  if (url.search !== '') url.searchParams.forEach((value, key) => query.push({ key, value }));
  return splitUrl(url.protocol, url.hostname.toLowerCase(), url.origin, url.pathname, query);
}

/** `host`: the hostname in lower case. */
function splitUrl(
  protocol: string,
  host: string,
  origin: string,
  pathname: string,
  query: ParsedUrl['query'],
): ParsedUrl {
  // What follows the first `/` (an http(s) path always starts with one; other schemes may not).
  const slashed = pathname.charCodeAt(0) === 0x2f;
  const rawSegments = slashed ? pathname.slice(1).split('/') : pathname.split('/').slice(1);
  const trailing = rawSegments.length > 1 && rawSegments[rawSegments.length - 1] === '';
  if (trailing) rawSegments.pop();
  // The joined path is the pathname itself, less its first and a dropped last `/`.
  const rawPath = slashed ? pathname.slice(1, trailing ? -1 : undefined) : rawSegments.join('/');
  // Without a `%` every segment decodes to itself (always so on the simple URL's path).
  const encoded = pathname.includes('%');
  const segments = encoded ? rawSegments.map(safeDecode) : rawSegments.slice();
  return {
    protocol,
    host,
    origin,
    segments,
    rawSegments,
    path: encoded ? segments.join('/') : rawPath,
    rawPath,
    resource: segments[0] || null,
    tenant: segments.length >= 2 ? (segments[1] ?? null) : null,
    module: moduleOfHost(host),
    query,
  };
}

export function isParsedUrl(url: ParsedUrl | { error: string } | null): url is ParsedUrl {
  return url !== null && !('error' in url);
}

/** The host of a URL in lower case, or null when it does not parse. */
export function hostOf(url: string): string | null {
  const simple = simpleUrl(url);
  if (simple) return simple.hostname;
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
}
